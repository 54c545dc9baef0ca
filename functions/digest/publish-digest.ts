import { buildDigest, type Digest } from '../core/digest/build-digest';
import type { Ledger } from '../ledger/ledger';
import type { Notifier } from '../ports/notifier';
import type { ObjectStore } from '../ports/object-store';
import { DIGEST_KEYS } from '../shared/resources';

export interface PublishDependencies {
  ledger: Ledger;
  objects: ObjectStore;
  notifier: Notifier;
  now: () => Date;
}

/** The digest lists the most recently active stories; older ones stay in the ledger. */
export const DIGEST_STORY_LIMIT = 50;

/**
 * Builds the digest from the most recent stories (one partition read each), writes an immutable
 * versioned snapshot and then `latest.json`, and tells subscribers.
 */
export async function publishDigest(deps: PublishDependencies): Promise<Digest> {
  const storyIds = await deps.ledger.recentStoryIds(DIGEST_STORY_LIMIT);
  const snapshots = (await Promise.all(storyIds.map((id) => deps.ledger.storySnapshot(id)))).filter((s) => s !== undefined);
  const version = await deps.ledger.nextDigestVersion();
  const digest = buildDigest(snapshots, version, deps.now().toISOString());
  const body = `${JSON.stringify(digest, null, 2)}\n`;
  await deps.objects.put(DIGEST_KEYS.version(version), body, 'application/json');
  await deps.objects.put(DIGEST_KEYS.latest, body, 'application/json');
  const claims = digest.stories.reduce((sum, story) => sum + story.claims.length, 0);
  await deps.notifier.publish({
    subject: `corroborate digest v${version}`,
    message: JSON.stringify({ version, latest: DIGEST_KEYS.latest, snapshot: DIGEST_KEYS.version(version), stories: digest.stories.length, claims }),
    attributes: { kind: 'digest-published', version: String(version) },
  });
  return digest;
}
