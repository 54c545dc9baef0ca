import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { TitledBody } from './plain-text';

export interface HtmlArticle extends TitledBody {
  source?: string;
  url?: string;
  publishedAt?: string;
}

const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre';

/**
 * Main-content extraction with Readability over a server-side DOM. Scripts, styles and frames never
 * reach the text: Readability drops them and only text content is read back.
 */
export function parseHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const publishedAt =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="date"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  const source = meta('meta[property="og:site_name"]') ?? meta('meta[name="publisher"]');
  const url = meta('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;

  for (const element of document.querySelectorAll('script, style, noscript, iframe, template, svg, form, nav, footer, aside')) {
    element.remove();
  }
  const fallbackTitle = meta('meta[property="og:title"]') ?? document.querySelector('h1')?.textContent?.trim() ?? document.title ?? '';
  // Readability mutates the document it reads; the fallback below needs the untouched body text.
  const bodyText = document.body?.textContent ?? '';
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();

  let paragraphs: string[] = [];
  if (article?.content) {
    const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`);
    paragraphs = [...content.querySelectorAll(BLOCKS)]
      .filter((element) => !element.querySelector(BLOCKS))
      .map((element) => (element.textContent ?? '').trim())
      .filter(Boolean);
    if (paragraphs.length === 0) paragraphs = (article.textContent ?? '').split(/\n+/);
  } else {
    paragraphs = bodyText.split(/\n+/);
  }
  return {
    title: (article?.title || fallbackTitle).trim(),
    paragraphs: paragraphs.map((p) => p.trim()).filter(Boolean),
    source: source ?? article?.siteName ?? undefined,
    url,
    publishedAt: publishedAt ?? article?.publishedTime ?? undefined,
  };
}
