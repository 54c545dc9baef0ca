/**
 * The one definition of every storage resource. The CDK stack and the local mini-AWS both build
 * from these values, so the table the Lambda talks to locally is the table it gets on AWS.
 */

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Secondary index used to list stories by recency without scanning the table. */
  recencyIndex: { name: 'byRecency', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  ttlAttribute: 'expiresAt',
} as const;

export const BUCKET_PREFIXES = {
  /** Uploads land here; only this prefix triggers the ingest function. */
  inbox: 'inbox/',
  /** Published documents. Never under inbox/, so publishing cannot trigger ingestion. */
  digest: 'digest/',
  /** Inputs that could not be ingested, each with a `.error.json` record beside it. */
  rejected: 'rejected/',
} as const;

export const DIGEST_KEYS = {
  latest: `${BUCKET_PREFIXES.digest}latest.json`,
  version: (version: number) => `${BUCKET_PREFIXES.digest}versions/${String(version).padStart(10, '0')}.json`,
} as const;

/** Environment variables through which the function learns where its resources are. */
export const ENVIRONMENT = {
  tableName: 'CORROBORATE_TABLE',
  bucketName: 'CORROBORATE_BUCKET',
  topicArn: 'CORROBORATE_TOPIC_ARN',
  maxObjectBytes: 'CORROBORATE_MAX_OBJECT_BYTES',
  /** Where digest/ is served (CloudFront, or the emulator locally): absolute links in the feed. */
  siteUrl: 'CORROBORATE_SITE_URL',
  /** The publish-request queue; without it, the ingest path publishes the digest itself. */
  publishQueueUrl: 'CORROBORATE_PUBLISH_QUEUE_URL',
  /** S3 event messages of one batch processed at once. */
  batchConcurrency: 'CORROBORATE_BATCH_CONCURRENCY',
} as const;

/** Function timeouts, in seconds; the queues' visibility timeouts are a multiple of them. */
export const FUNCTION_TIMEOUTS = {
  /** Sized in infra/stage-config.ts (INGEST_SIZING). */
  ingestSeconds: 120,
  /** A publish reads the changed stories and writes the site: seconds, with room for a slow S3. */
  publishSeconds: 60,
} as const;

/**
 * The queues. The stack builds the SQS queues and event source mappings from these values, and the
 * local runner its in-process queues and workers, so both deliver the same way.
 */
export const QUEUES = {
  /** Inbox S3 notifications, consumed by the ingest function. */
  ingest: {
    /** Days a notification waits before SQS drops it: long enough to outlast any outage that is noticed. */
    retentionDays: 14,
    /** Visibility timeout = this x the function timeout (AWS advises at least 6x for event source mappings). */
    visibilityTimeoutFactor: 6,
    /** Receives before a message goes to the dead-letter queue: a transient error gets retried, a poison message stops. */
    maxReceiveCount: 4,
    /** Messages per invocation, and how long the mapping waits to fill a batch. */
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    /** Invocations at once, at most (the mapping's maximum concurrency; configurable per stage). */
    maxConcurrency: 10,
    /**
     * Messages of one batch ingested at once inside an invocation. One: concurrency comes from the
     * mapping's concurrent invocations, and articles of one batch arrive in upload order.
     */
    batchConcurrency: 1,
  },
  /** Notifications that failed `maxReceiveCount` times; redriven by hand (docs/operations.md). */
  ingestDeadLetter: { retentionDays: 14 },
  /**
   * Publish requests (FIFO). One message group makes the publisher single-flight; the deduplication
   * id is the request's time bucket, so one request per bucket gets through; the queue's delivery
   * delay equals the bucket, so the publisher reads the ledger after every change of that bucket.
   */
  publish: {
    messageGroupId: 'digest',
    bucketSeconds: 2,
    visibilityTimeoutFactor: 6,
    batchSize: 10,
    maxReceiveCount: 5,
    retentionDays: 4,
  },
  publishDeadLetter: { retentionDays: 14 },
} as const;

/** Names used by the local mini-AWS (on AWS the stack generates unique names). */
export const LOCAL_NAMES = {
  table: 'corroborate',
  bucket: 'corroborate',
  topic: 'corroborate-digest',
  ingestQueue: 'corroborate-ingest',
  ingestDeadLetterQueue: 'corroborate-ingest-dlq',
  publishQueue: 'corroborate-publish.fifo',
  publishDeadLetterQueue: 'corroborate-publish-dlq.fifo',
} as const;

/** Objects larger than this are set aside before being read whole. */
export const DEFAULT_MAX_OBJECT_BYTES = 5 * 1024 * 1024;
