/**
 * A web page's title is often its headline followed by the site's name and tagline ("Man charged
 * in Smithfield shooting :: WRAL.com", "... - KSLA News 12 Shreveport, Louisiana News Weather &
 * Sports"). Those words are on every page of the site: left in the headline, they make two reports
 * of different events from one site look alike, and they are not part of the headline a reader of
 * the digest wants. The site is known (the article's source or its address), so its name can be
 * recognised in the title without a list of sites.
 */

/** Separators between a headline and a site name: a bar, a dash, a double colon, a guillemet or a middle dot, with spaces around. */
const SEPARATOR = /\s+(?:\||-|–|—|::|»|·)\s+/g;
/** Fewer words than this left of the site name: the title is kept whole (the "site name" was part of the headline). */
const MIN_HEADLINE_WORDS = 3;
/** Labels too common to name a site. */
const GENERIC_LABELS = new Set(['www', 'news']);
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu']);
const MIN_LABEL_LENGTH = 3;

/**
 * `title` without the site's name and what follows it: the first segment after a separator that
 * names the site (holds one of `sites`' labels, in letters and digits only) is cut, with
 * everything after it. The title is returned as it is when no segment names the
 * site or the headline left would have fewer than 3 words.
 */
export function withoutSiteName(title: string, sites: readonly (string | undefined)[]): string {
  const labels = sites.flatMap(siteLabels);
  if (labels.length === 0) return title;
  const separators = [...title.matchAll(SEPARATOR)];
  for (let i = 0; i < separators.length; i += 1) {
    const start = separators[i].index + separators[i][0].length;
    const end = i + 1 < separators.length ? separators[i + 1].index : title.length;
    const segment = squash(title.slice(start, end));
    if (!labels.some((label) => segment.includes(label))) continue;
    const headline = title.slice(0, separators[i].index).trim();
    return headline.split(/\s+/).length >= MIN_HEADLINE_WORDS ? headline : title;
  }
  return title;
}

/**
 * The name a site goes by in an address or a source field: the label before the top-level domain
 * ("ksla.com:80" -> "ksla", "chicago.suntimes.com" -> "suntimes", "bbc.co.uk" -> "bbc"; a subdomain
 * names a section, not the site), or a name as written ("The Wire" -> "thewire").
 */
function siteLabels(site: string | undefined): string[] {
  if (!site) return [];
  const host = site.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[:/].*$/, '');
  let label = host;
  if (/^\S+\.[a-z]{2,}$/.test(host)) {
    const parts = host.split('.').slice(0, -1);
    // A second-level domain of a country (co.uk, com.au) stands before the site's own label.
    if (parts.length > 1 && SECOND_LEVEL.has(parts[parts.length - 1])) parts.pop();
    label = parts[parts.length - 1];
  }
  const squashed = squash(label);
  return squashed.length >= MIN_LABEL_LENGTH && !GENERIC_LABELS.has(squashed) ? [squashed] : [];
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
