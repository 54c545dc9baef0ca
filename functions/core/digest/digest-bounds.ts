import type { DigestClaim, DigestStory, PartialStory } from './build-digest';

/**
 * How much of a story the digest (latest.json and each version) shows. A story's claims grow with
 * its reports (about 22 an article), and latest.json is rewritten by every publish and read by
 * every subscriber: unbounded, a breaking story of 800 reports makes it 12 MB. The story document
 * (stories/<id>.json) shows the whole story.
 */
export interface DigestBounds {
  /** Claims shown per story, most corroborated first (the digest's claim order). */
  claimsPerStory: number;
  /** Disputed claims shown past those, so that no dispute is hidden by its claim's rank. */
  disputedClaimsPerStory: number;
  /**
   * Mentions shown per claim and per dispute, and variants per quotation group, earliest first;
   * `outlets` always lists every outlet.
   */
  mentionsPerClaim: number;
  /** Quotation groups shown per story, in the story's order. */
  quoteGroupsPerStory: number;
}

export const DIGEST_BOUNDS: DigestBounds = { claimsPerStory: 100, disputedClaimsPerStory: 20, mentionsPerClaim: 10, quoteGroupsPerStory: 20 };

/**
 * The story as the digest shows it: at most the bounds' claims, mentions and quotation groups,
 * and, when anything is left out, `partial` with the whole story's numbers. A story within the
 * bounds comes back as it is; a story already bounded comes back the same.
 */
export function boundStory(story: DigestStory, bounds: DigestBounds = DIGEST_BOUNDS): DigestStory {
  if (story.partial) return story;
  const claims = shownClaims(story.claims, bounds);
  const cut = claims.map((claim) => boundClaim(claim, bounds.mentionsPerClaim));
  const groups = story.quotes.slice(0, bounds.quoteGroupsPerStory);
  const quotes = groups.map((group) => (group.variants.length > bounds.mentionsPerClaim ? { ...group, variants: group.variants.slice(0, bounds.mentionsPerClaim), variantCount: group.variants.length } : group));
  const anythingLeftOut = claims.length < story.claims.length || groups.length < story.quotes.length || cut.some((claim, i) => claim !== claims[i]) || quotes.some((group, i) => group !== groups[i]);
  if (!anythingLeftOut) return story;
  return { ...story, claims: cut, quotes, partial: wholeStoryNumbers(story) };
}

/** Whether the digest entry shows only part of its story (the story document shows all of it). */
export function isPartial(story: DigestStory): boolean {
  return story.partial !== undefined;
}

function shownClaims(claims: readonly DigestClaim[], bounds: DigestBounds): DigestClaim[] {
  let disputedPast = 0;
  return claims.filter((claim, rank) => {
    if (rank < bounds.claimsPerStory) return true;
    if (!claim.disputed || disputedPast >= bounds.disputedClaimsPerStory) return false;
    disputedPast += 1;
    return true;
  });
}

function boundClaim(claim: DigestClaim, mentions: number): DigestClaim {
  const longDispute = claim.disputes.some((dispute) => dispute.mentions.length > mentions);
  if (claim.mentions.length <= mentions && !longDispute) return claim;
  return {
    ...claim,
    mentions: claim.mentions.slice(0, mentions),
    ...(claim.mentions.length > mentions ? { mentionCount: claim.mentions.length } : {}),
    disputes: claim.disputes.map((dispute) => (dispute.mentions.length > mentions ? { ...dispute, mentions: dispute.mentions.slice(0, mentions), mentionCount: dispute.mentions.length } : dispute)),
  };
}

function wholeStoryNumbers(story: DigestStory): PartialStory {
  return { ...claimNumbers(story.claims), quoteGroups: story.quotes.length };
}

/**
 * How many claims, how many carried by two or more outlets, by two or more on their own, and
 * disputed: what `partial` carries and every summary of a story states. Read defensively (a
 * digest read back may lack fields); `disputed` tells a disputed claim (its flag by default).
 */
export function claimNumbers(claims: readonly DigestClaim[], disputed: (claim: DigestClaim) => boolean = (claim) => claim.disputed): Omit<PartialStory, 'quoteGroups'> {
  return {
    claims: claims.length,
    corroborated: claims.filter((claim) => (claim.outlets?.length ?? 0) >= 2).length,
    independentlyCorroborated: claims.filter((claim) => (claim.independentOutlets ?? 0) >= 2).length,
    disputed: claims.filter(disputed).length,
  };
}
