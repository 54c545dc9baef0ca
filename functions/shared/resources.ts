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
} as const;

/** Names used by the local mini-AWS (on AWS the stack generates unique names). */
export const LOCAL_NAMES = {
  table: 'corroborate',
  bucket: 'corroborate',
  topic: 'corroborate-digest',
} as const;

/** Objects larger than this are set aside before being read whole. */
export const DEFAULT_MAX_OBJECT_BYTES = 5 * 1024 * 1024;
