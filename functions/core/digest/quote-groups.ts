import { sameEntity } from '../claims/entities';
import { quoteDifference, quoteOverlap, quoteWords } from '../claims/quotes';
import type { ArticleRecord, MentionRecord } from '../records';

/** One quotation of one speaker as the outlets render it. */
export interface DigestQuoteGroup {
  speaker: string;
  /** Outlets that carry the quotation, earliest first. */
  outlets: string[];
  /** Every outlet renders it in the same words (punctuation and case aside). */
  identical: boolean;
  variants: DigestQuoteVariant[];
  /** How many variants the group has, when the digest shows only the first of them (see DigestBounds). */
  variantCount?: number;
}

export interface DigestQuoteVariant {
  articleId: string;
  source: string;
  claimId: string;
  text: string;
  /** Against the first variant: its words this one leaves out, and words it has that the first lacks. */
  omitted?: string[];
  added?: string[];
}

/** Share of the shorter quotation that the other must contain, in order, to be the same quotation. */
export const SAME_QUOTE_OVERLAP = 0.6;

/**
 * The story's quotations grouped by speaker (spelling variants and surname-only references meet)
 * and wording: two outlets quoting Lavrov's "is constructive in nature..." with or without its
 * opening words are one quotation with two variants.
 */
export function buildQuoteGroups(mentions: readonly MentionRecord[], articles: ReadonlyMap<string, Pick<ArticleRecord, 'publishedAt' | 'ingestedAt'>>): DigestQuoteGroup[] {
  const at = (m: MentionRecord) => {
    const a = articles.get(m.articleId);
    return a?.publishedAt ?? a?.ingestedAt ?? m.ingestedAt;
  };
  const ordered = [...mentions].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.claimIndex - b.claimIndex));
  const groups: Array<{ speaker: string; keys: string[]; words: string[]; variants: Array<DigestQuoteVariant & { words: string[] }> }> = [];
  for (const m of ordered) {
    for (const q of m.quotes ?? []) {
      if (!q.speaker || !q.speakerKey) continue;
      const words = quoteWords(q.text);
      const key = q.speakerKey;
      const group = groups.find((g) => g.keys.some((k) => sameEntity(k, key)) && quoteOverlap(g.words, words) >= SAME_QUOTE_OVERLAP);
      const variant = { articleId: m.articleId, source: m.source, claimId: m.claimId, text: q.text, words };
      if (!group) groups.push({ speaker: q.speaker, keys: [key], words, variants: [variant] });
      else {
        if (group.variants.some((v) => v.articleId === m.articleId && v.text === q.text)) continue;
        if (!group.keys.includes(key)) group.keys.push(key);
        // The fullest name stands for the speaker ("Russian Foreign Minister Sergei Lavrov" over "Lavrov").
        if (q.speaker.length > group.speaker.length) group.speaker = q.speaker;
        group.variants.push(variant);
      }
    }
  }
  return groups.map((g) => {
    const reference = g.variants[0].words;
    const variants = g.variants.map(({ words, ...v }, i) => {
      if (i === 0) return v;
      const diff = quoteDifference(reference, words);
      return { ...v, ...(diff.omitted.length > 0 ? { omitted: diff.omitted } : {}), ...(diff.added.length > 0 ? { added: diff.added } : {}) };
    });
    return {
      speaker: g.speaker,
      outlets: [...new Set(variants.map((v) => v.source))],
      identical: variants.every((v) => !('omitted' in v) && !('added' in v)),
      variants,
    };
  });
}
