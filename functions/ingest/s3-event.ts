import { z } from 'zod';

const S3EventRecordSchema = z.object({
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({ key: z.string(), eTag: z.string().optional(), size: z.number().optional(), sequencer: z.string().optional() }),
  }),
});

export const S3EventSchema = z.object({ Records: z.array(S3EventRecordSchema) });

export interface S3ObjectCreated {
  bucket: string;
  key: string;
  etag?: string;
  eventTime: string;
}

/**
 * The object-created records of an S3 event, keys decoded. S3 URL-encodes keys in events and
 * writes spaces as '+', so '+' must become a space before percent-decoding.
 */
export function objectsCreated(event: unknown): S3ObjectCreated[] {
  const parsed = S3EventSchema.parse(event);
  return parsed.Records.filter((record) => record.eventName.startsWith('ObjectCreated')).map((record) => ({
    bucket: record.s3.bucket.name,
    key: decodeS3Key(record.s3.object.key),
    ...(record.s3.object.eTag ? { etag: normalizeEtag(record.s3.object.eTag) } : {}),
    eventTime: new Date(record.eventTime).toISOString(),
  }));
}

export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** Events carry the ETag bare; HeadObject quotes it. */
export function normalizeEtag(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

const SqsEventSchema = z.object({ Records: z.array(z.object({ messageId: z.string(), body: z.string() })) });

/** The messages of an SQS event: their ids (for batchItemFailures) and bodies. */
export function sqsMessages(event: unknown): Array<{ messageId: string; body: string }> {
  return SqsEventSchema.parse(event).Records.map(({ messageId, body }) => ({ messageId, body }));
}

const S3TestEventSchema = z.object({ Event: z.literal('s3:TestEvent') });

/**
 * The objects an SQS message from the bucket's notification names. S3 sends one `s3:TestEvent`
 * when the notification is configured: it names no object. Anything else that is not an S3 event
 * throws.
 */
export function objectsInNotification(body: string): S3ObjectCreated[] {
  const parsed: unknown = JSON.parse(body);
  if (S3TestEventSchema.safeParse(parsed).success) return [];
  return objectsCreated(parsed);
}
