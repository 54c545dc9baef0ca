import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { INPUT_BOUNDS } from './bounds';
import { countMarkup, flattenHtml } from './flat-html';
import type { TitledBody } from './plain-text';

export interface HtmlArticle extends TitledBody {
  source?: string;
  url?: string;
  publishedAt?: string;
  /** Why the page was read as flat text rather than through Readability (too deep or too large for it). */
  flattened?: string;
  /** The flat text went on past what is read: only its first part was. */
  cut?: boolean;
}

const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre';

/**
 * Main-content extraction with Readability over a server-side DOM. Scripts, styles and frames never
 * reach the text: Readability drops them and only text content is read back.
 */
export function parseHtml(html: string): HtmlArticle {
  const { domElements, domAttributes, domDepth } = INPUT_BOUNDS;
  const size = countMarkup(html, { elements: domElements, attributes: domAttributes });
  if (size.elements > domElements) return flatArticle(html, `it has more than ${domElements} elements`);
  if (size.attributes > domAttributes) return flatArticle(html, `it has more than ${domAttributes} attributes`);
  const { document } = parseDocument(html);
  const depth = maxDepth(document.documentElement as unknown as ElementLike, domDepth);
  if (depth > domDepth) return flatArticle(html, `its elements nest more than ${domDepth} deep`);
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

/**
 * The DOM of a page. linkedom makes the first element of a fragment the document's root (a lone
 * "<nav>", or text with none at all), and once such a root is removed `document.title` throws:
 * markup without an <html> root is read as the body of one.
 */
function parseDocument(html: string): ReturnType<typeof parseHTML> {
  const parsed = parseHTML(html);
  return parsed.document.documentElement?.tagName === 'HTML' ? parsed : parseHTML(`<html><body>${html}</body></html>`);
}

/** A page too deep or too large for a DOM and Readability, read as lines of text (no main-content extraction, no metadata). */
function flatArticle(html: string, why: string): HtmlArticle {
  const page = flattenHtml(html, INPUT_BOUNDS.readCharacters);
  return { title: page.title, paragraphs: page.lines, flattened: why, ...(page.cut ? { cut: true } : {}) };
}

interface ElementLike {
  firstElementChild: ElementLike | null;
  nextElementSibling: ElementLike | null;
}

/** The depth of the element tree under `root`, walked without recursion; stops looking once it passes `limit`. */
function maxDepth(root: ElementLike | null, limit: number): number {
  let deepest = 0;
  const stack: Array<[ElementLike, number]> = root ? [[root, 1]] : [];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) break;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}
