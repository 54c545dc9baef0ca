/** What the parsers make of an input: the article as the rest of the pipeline sees it. */
export interface ParsedArticle {
  title: string;
  /**
   * The input gave no headline, and the title is a sentence of the text standing in for one: a
   * first line that reads as a sentence (a standfirst) or the opening of the first sentence.
   */
  titleFromText?: boolean;
  /** Body paragraphs, boilerplate removed, text normalised. */
  paragraphs: string[];
  source?: string;
  url?: string;
  /** ISO 8601 timestamp when the input or its metadata says when it was published. */
  publishedAt?: string;
  /** ISO 639-1 code, or 'und' when the text is too short to tell. */
  language: string;
  format: InputFormat;
  /** Why only the first part of the input was read as the article (it ran past INPUT_BOUNDS). */
  truncated?: string;
}

export type InputFormat = 'text' | 'markdown' | 'html' | 'json';

/** What is known about an input besides its bytes (S3 key, metadata, content type). */
export interface InputDescriptor {
  key: string;
  contentType?: string;
  metadata?: Record<string, string>;
}
