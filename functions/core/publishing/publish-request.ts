import { QUEUES } from '../../shared/resources';

/** The body of a publish request: when the ledger changed. The publisher reads the ledger itself. */
export interface PublishRequest {
  changedAt: string;
}

/**
 * The publish request for a change at `now`. All requests share one message group, so one publish
 * runs at a time; the deduplication id is the time bucket, so requests within one bucket coalesce
 * into one. The publish queue delays delivery by one bucket, so the request of a bucket reaches
 * the publisher after every change of that bucket was committed.
 */
export function publishRequest(now: Date, bucketSeconds: number = QUEUES.publish.bucketSeconds): { body: string; groupId: string; deduplicationId: string } {
  const bucket = Math.floor(now.getTime() / (bucketSeconds * 1000));
  const body: PublishRequest = { changedAt: now.toISOString() };
  return { body: JSON.stringify(body), groupId: QUEUES.publish.messageGroupId, deduplicationId: `digest-${bucket}` };
}
