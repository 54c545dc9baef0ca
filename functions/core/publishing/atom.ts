import type { FeedPage } from './feed';
import { atomPageName, CONTENT_TYPES, PUBLISHING_KEYS, siblingUrl } from './keys';

/**
 * A page of the JSON Feed as Atom 1.0 (RFC 4287), for feed readers and mail-digest tools that take
 * only Atom: the same entries with the same ids, in the same order. Pages are atom.xml, then
 * atom-2.xml... linked with rel="next" (RFC 5005), as feed.json links feed-2.json.
 */

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

export interface AtomPage {
  page: number;
  key: string;
  url: string;
  xml: string;
}

/** The Atom page for a JSON Feed page; `homePageUrl` and the feed URL come from the JSON Feed itself. */
export function atomPage(jsonPage: FeedPage): AtomPage {
  const { feed, page } = jsonPage;
  const url = atomPageUrl(jsonPage.url, page);
  const first = atomPageUrl(jsonPage.url, 1);
  const updated = feed.items.reduce((latest, item) => (item.date_modified > latest ? item.date_modified : latest), feed._corroborate.generatedAt);
  const links = [
    link('self', url, CONTENT_TYPES.atom),
    link('alternate', feed.home_page_url, 'text/html'),
    ...(page > 1 ? [link('first', first, CONTENT_TYPES.atom), link('previous', atomPageUrl(jsonPage.url, page - 1), CONTENT_TYPES.atom)] : []),
    ...(feed.next_url ? [link('next', atomPageUrl(jsonPage.url, page + 1), CONTENT_TYPES.atom)] : []),
  ];
  const entries = feed.items.map(
    (item) => `  <entry>
    <id>${text(item.id)}</id>
    <title type="text">${text(item.title)}</title>
    ${link('alternate', item.url, 'text/html')}
    ${link('related', item._corroborate.document, CONTENT_TYPES.json)}
    <published>${text(item.date_published)}</published>
    <updated>${text(item.date_modified)}</updated>
    <summary type="text">${text(item.summary)}</summary>
    <content type="html">${text(item.content_html)}</content>
${(item.tags ?? []).map((tag) => `    <category term="${text(tag)}"/>\n`).join('')}  </entry>`,
  );
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="${ATOM_NAMESPACE}">
  <id>${text(first)}</id>
  <title type="text">${text(feed.title)}</title>
  <subtitle type="text">${text(feed.description)}</subtitle>
  <updated>${text(updated)}</updated>
  <author><name>corroborate</name></author>
  <generator>corroborate</generator>
${links.map((l) => `  ${l}\n`).join('')}${entries.join('\n')}${entries.length > 0 ? '\n' : ''}</feed>
`;
  return { page, key: PUBLISHING_KEYS.atomPage(page), url, xml };
}

/** The Atom page that sits beside a JSON Feed page: …/feed.json -> …/atom.xml, page n -> atom-n.xml. */
export function atomPageUrl(jsonFeedPageUrl: string, page: number): string {
  return siblingUrl(jsonFeedPageUrl, atomPageName(page));
}

function link(rel: string, href: string, type: string): string {
  return `<link rel="${rel}" type="${type}" href="${text(href)}"/>`;
}

// XML 1.0 allows tab, newline, carriage return and the characters from U+0020 on, less surrogates and U+FFFE/U+FFFF.
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for element content or an attribute value: escaped, and characters XML cannot carry dropped. */
function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
