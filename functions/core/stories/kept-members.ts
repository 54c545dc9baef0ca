import type { ArticleEvidence } from './story-evidence';

/**
 * Members whose evidence a story keeps for deciding joins: its first article (what the story was
 * opened on) and the newest (where it is now). Bounded, so reading a candidate story costs the
 * same however large it grows.
 */
export const KEPT_MEMBERS = 8;

/** The kept members after `added` joins. */
export function keepMember(kept: readonly ArticleEvidence[], added: ArticleEvidence): ArticleEvidence[] {
  return firstAndNewest([...kept, added], KEPT_MEMBERS);
}

/** At most `max` of a story's members in joining order: the first, and the newest after it. */
export function firstAndNewest<T>(members: readonly T[], max: number): T[] {
  return members.length <= max ? [...members] : [members[0], ...members.slice(members.length - (max - 1))];
}

/** The kept members of a story whose members are `ids`, in joining order (members without evidence are left out). */
export function keptMembersOf(ids: readonly string[], evidenceOf: (id: string) => ArticleEvidence | undefined): ArticleEvidence[] {
  return ids.reduce<ArticleEvidence[]>((kept, id) => {
    const evidence = evidenceOf(id);
    return evidence ? keepMember(kept, evidence) : kept;
  }, []);
}
