/**
 * The handler-like process of the end-to-end bench: the ingest handler's own code path
 * (`handleS3Event` with Logger and Metrics as the handler module sets them up) over real SDK clients
 * pointed at the local mini-AWS, with request and capacity meters on the clients. Bundled with
 * esbuild and run by plain `node`, so its memory is that of the shipped code, not of the harness.
 * Driven over IPC: by bench/e2e.ts one S3 event at a time (ingest and publish in one call), and by
 * bench/queued.ts with SQS batches (`sqs`: the ingest handler, its publish requests sent back to the
 * harness's publish queue) or publish-request batches (`publish`: the publisher).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { DynamoDbTableStore } from '../functions/adapters/dynamodb-table-store';
import { S3ObjectStore } from '../functions/adapters/s3-object-store';
import { handleS3Event, handleSqsEvent } from '../functions/ingest/handler';
import type { QueueMessage } from '../functions/ports/queue';
import { handlePublishRequests } from '../functions/publish/handler';
import { Ledger } from '../functions/ledger/ledger';
import { DEFAULT_MAX_OBJECT_BYTES, ENVIRONMENT } from '../functions/shared/resources';
import { meterDynamoDb, meterS3, newMeter } from './sdk-meter';

// Under --cpu-prof (BENCH_PROFILE_DIR), node writes the profile on a normal exit only: the harness's SIGTERM ends it as one.
if (process.execArgv.some((arg) => arg.startsWith('--cpu-prof'))) process.on('SIGTERM', () => process.exit(0));

export type WorkerRequest = { type: 'event'; event: S3Event } | { type: 'report' } | { type: 'sqs'; event: unknown } | { type: 'publish'; event: unknown };
export type WorkerReply =
  | { type: 'handled'; ms: number; statuses: string[] }
  | { type: 'ingested'; ms: number; at: number; outcomes: Array<{ key: string; status: string }>; batchItemFailures: Array<{ itemIdentifier: string }> }
  | { type: 'published'; ms: number; version?: number; keys: string[] }
  | { type: 'publish-request'; message: QueueMessage }
  | { type: 'failed'; error: string }
  | { type: 'report'; dynamoDb: ReturnType<typeof newMeter>; s3: ReturnType<typeof newMeter>; maxRssMb: number; heapUsedMb: number; rssMb: number; cpuMs: number };

const dynamoDb = newMeter();
const s3 = newMeter();
const dynamoClient = new DynamoDBClient({});
const s3Client = new S3Client({ forcePathStyle: process.env.CORROBORATE_S3_PATH_STYLE === 'true' });
meterDynamoDb(dynamoClient, dynamoDb);
meterS3(s3Client, s3);

const deps = {
  ledger: new Ledger(new DynamoDbTableStore(process.env[ENVIRONMENT.tableName]!, dynamoClient)),
  objects: new S3ObjectStore(process.env[ENVIRONMENT.bucketName]!, s3Client),
  // On AWS an SNS publish per digest; here nothing is kept, so the process holds no growing log of notices.
  notifier: { publish: async () => undefined },
  maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES,
  now: () => new Date(),
  ...(process.env[ENVIRONMENT.siteUrl] ? { siteUrl: process.env[ENVIRONMENT.siteUrl] } : {}),
};

const send = (reply: WorkerReply) => process.send!(reply);
// Publish requests go back to the harness, which keeps the publish queue.
const queuedDeps = { ...deps, publishQueue: { send: async (message: QueueMessage) => void send({ type: 'publish-request', message }) } };

/**
 * Peak RSS of this process image. Not getrusage's maxRSS: Linux carries the forking parent's RSS
 * over into the child's maxRSS across exec, so a child of a large harness would report the
 * harness. VmHWM is the high-water mark of this image's own memory; elsewhere, the largest RSS
 * sampled after each invocation.
 */
let sampledPeakRss = 0;
function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  return sampledPeakRss / 2 ** 20;
}

process.on('message', (request: WorkerRequest) => {
  if (request.type === 'report') {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    send({ type: 'report', dynamoDb, s3, maxRssMb: peakRssMb(), heapUsedMb: memory.heapUsed / 2 ** 20, rssMb: memory.rss / 2 ** 20, cpuMs: (cpu.user + cpu.system) / 1000 });
    return;
  }
  const start = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
  const failed = (error: Error) => send({ type: 'failed', error: error.stack ?? String(error) });
  const sample = () => (sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss));
  if (request.type === 'sqs') {
    handleSqsEvent(request.event, queuedDeps).then((result) => {
      sample();
      send({ type: 'ingested', ms: elapsed(), at: Date.now(), outcomes: result.outcomes.map((o) => ({ key: o.key, status: o.status })), batchItemFailures: result.batchItemFailures });
    }, failed);
    return;
  }
  if (request.type === 'publish') {
    handlePublishRequests(request.event, deps).then((digest) => {
      sample();
      send({ type: 'published', ms: elapsed(), keys: digest ? digest.stories.flatMap((story) => story.articles.map((a) => a.key)) : [], ...(digest ? { version: digest.version } : {}) });
    }, failed);
    return;
  }
  handleS3Event(request.event, deps).then(
    (result) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
      send({ type: 'handled', ms, statuses: result.outcomes.map((o) => o.status) });
    },
    (error: Error) => send({ type: 'failed', error: error.stack ?? String(error) }),
  );
});
