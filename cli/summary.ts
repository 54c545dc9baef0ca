import type { Digest } from '../functions/core/digest/build-digest';
import { claimLine } from '../functions/core/digest/claim-headline';
import { plural, summarizeStory } from '../functions/core/publishing/story-summary';

const CLAIMS_SHOWN = 5;

/** A short human reading of the digest: stories, their outlets, their best-corroborated claims. */
export function formatSummary(digest: Digest, claimsShown = CLAIMS_SHOWN): string {
  const articles = digest.stories.reduce((sum, story) => sum + story.articles.length, 0);
  const lines = [
    `Digest v${digest.version} (${digest.generatedAt}): ${plural(digest.stories.length, 'story', 'stories')}, ${plural(articles, 'article')}.`,
  ];
  for (const story of digest.stories) {
    const copies = story.articles.filter((a) => a.duplicateOf || a.derivedFrom).length;
    lines.push('');
    lines.push(`* ${story.headline}`);
    lines.push(`  ${plural(story.articles.length, 'article')} from ${plural(story.outlets.length, 'outlet')}${copies ? ` (${copies} copied or rewritten)` : ''}: ${story.outlets.join(', ')}`);
    // A story past the digest's bounds carries its whole numbers in `partial`.
    const numbers = summarizeStory(story);
    lines.push(`  ${plural(numbers.claims, 'claim')}, ${numbers.corroborated} reported by more than one outlet. Most corroborated:`);
    for (const claim of story.claims.slice(0, claimsShown)) {
      lines.push(`   - [${claim.independentOutlets} independent / ${plural(claim.outlets.length, 'outlet')}]${claim.disputed ? ' DISPUTED' : ''} ${truncate(claimLine(claim), 140)}`);
      lines.push(`     first: ${claim.firstReportedBy.source}; also: ${claim.outlets.filter((o) => o !== claim.firstReportedBy.source).join(', ') || 'none'}`);
      for (const dispute of claim.disputes ?? []) lines.push(`     disputed: ${truncate(dispute.detail.includes(dispute.outlets[0] ?? '\u0000') ? dispute.detail : `${dispute.detail} (${dispute.outlets.join(', ')})`, 160)}`);
    }
    const disputed = story.claims.filter((claim) => claim.disputed);
    if (disputed.length > 0 && claimsShown < story.claims.length) {
      lines.push(`  Disputed: ${plural(numbers.disputed, 'claim')}`);
      for (const claim of disputed.filter((c) => !story.claims.slice(0, claimsShown).includes(c)).slice(0, 3)) {
        lines.push(`   - ${truncate(claimLine(claim), 140)}`);
        for (const dispute of claim.disputes ?? []) lines.push(`     ${truncate(`${dispute.detail} (${dispute.outlets.join(", ")})`, 160)}`);
      }
    }
  }
  return lines.join('\n');
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
