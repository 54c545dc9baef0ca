import { MemoryObjectStore } from '../../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import { RecordingNotifier } from '../../functions/adapters/recording-notifier';
import type { StoryPolicy } from '../../functions/core/stories/story-policy';
import { Ledger } from '../../functions/ledger/ledger';
import type { PipelineDependencies } from '../../functions/shared/aws-dependencies';
import { DEFAULT_MAX_OBJECT_BYTES } from '../../functions/shared/resources';

/** The pipeline wired to in-process adapters: the real use cases over plain data. */
export function memoryPipeline(maxObjectBytes = DEFAULT_MAX_OBJECT_BYTES, storyPolicy?: StoryPolicy) {
  const table = new MemoryTableStore();
  const objects = new MemoryObjectStore();
  const notifier = new RecordingNotifier();
  let tick = Date.parse('2025-01-20T00:00:00Z');
  const deps: PipelineDependencies = { ledger: new Ledger(table), objects, notifier, maxObjectBytes, now: () => new Date(tick), siteUrl: 'https://digest.example.test/', ...(storyPolicy ? { storyPolicy } : {}) };
  return {
    deps,
    table,
    objects,
    notifier,
    /** A strictly increasing event time per call, like S3 events arriving one after another. */
    nextEventTime: () => new Date((tick += 1000)).toISOString(),
  };
}

/** An S3 ObjectCreated event as AWS delivers it (key URL-encoded, '+' for space). */
export function s3Event(keys: Array<{ key: string; eventTime: string; etag?: string }>, bucket = 'corroborate') {
  return {
    Records: keys.map(({ key, eventTime, etag }) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      eventTime,
      s3: { bucket: { name: bucket }, object: { key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'), size: 1, ...(etag ? { eTag: etag } : {}) } },
    })),
  };
}

/** SQS messages, each carrying one S3 notification as the inbox's notification sends it. */
export function sqsEvent(messages: Array<{ messageId: string; body: unknown }>) {
  return {
    Records: messages.map(({ messageId, body }) => ({
      messageId,
      receiptHandle: `${messageId}-receipt`,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'test', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:corroborate-ingest',
      awsRegion: 'us-east-1',
    })),
  };
}

/**
 * Holds the first write of `key` to `objects` until `release` is called: a publisher overtaken at
 * that write while another publishes.
 */
export function holdFirstPut(objects: MemoryObjectStore, key: string): { release: () => void } {
  const put = objects.put.bind(objects);
  let release: () => void = () => undefined;
  const mayWrite = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  jest.spyOn(objects, 'put').mockImplementation(async (written, body, type, metadata) => {
    if (written === key && !held) {
      held = true;
      await mayWrite;
    }
    return put(written, body, type, metadata);
  });
  return { release: () => release() };
}
