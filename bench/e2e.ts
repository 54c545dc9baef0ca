import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { toLambdaEvent } from '../cli/local/event-delivery';
import { startLocalStack } from '../cli/local/local-stack';
import type { WorkerReply, WorkerRequest } from './e2e-worker';
import { combinedMeter } from './sdk-meter';
import { syntheticArticle } from './synthetic-corpus';
import { percentile } from './percentile';

export interface EndToEnd {
  articles: number;
  /** Left out of the latency figures: connection set-up and JIT warm-up of the first invocations. */
  warmUp: number;
  articlesPerSecond: number;
  /** Upload start -> the handler's invocation for it has returned (digest published), ms. */
  latencyMs: { p50: number; p95: number; max: number };
  /** Time inside the handler process per invocation, ms. */
  handlerMs: { p50: number; p95: number };
  /** The slowest invocation, to look into. */
  slowest: { key: string; handlerMs: number };
  statuses: Record<string, number>;
  dynamoDb: { requestsPerArticle: number; byOperation: Record<string, number>; readUnitsPerArticle: number; writeUnitsPerArticle: number; capacityReported: boolean; failedConditionalWritesPerArticle: number; writeUnitsByKind: Record<string, number> };
  s3: { requestsPerArticle: number; byOperation: Record<string, number> };
  handlerProcess: { heapLimitMb?: number; maxRssMb: number; heapUsedMbAtEnd: number; rssMbAtEnd: number };
}

/**
 * Articles through the local mini-AWS one at a time: upload to s3rver -> its S3 event -> the
 * Lambda event AWS would deliver -> the handler in its own process (bench/e2e-worker.ts) ->
 * DynamoDB Local and s3rver, ingest and publish in one call (`handleS3Event`). The next upload
 * starts when the previous invocation has returned: the cost of one article on an idle pipeline.
 */
export async function measureEndToEnd(root: string, outdir: string, baseTexts: readonly string[], articles: number, warmUp: number, heapLimitMb?: number): Promise<EndToEnd> {
  const worker = join(outdir, 'e2e-worker.js');
  buildSync({ entryPoints: [join(root, 'bench', 'e2e-worker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: worker, logLevel: 'error' });

  const stack = await startLocalStack();
  const env = { ...process.env, ...stack.environment, POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'INFO', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  // Its log lines go nowhere (as cheap as Lambda's log shipping is to the function): they are written, not shown.
  const child = fork(worker, [], { env, execArgv: heapLimitMb ? [`--max-old-space-size=${heapLimitMb}`] : [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const replies: Array<{ resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }> = [];
  child.on('message', (reply: WorkerReply) => replies.shift()?.resolve(reply));
  // A handler process that dies (out of memory under a heap limit, say) fails the measurement.
  child.on('exit', (code, signal) => {
    for (const waiter of replies.splice(0)) waiter.reject(new Error(`handler process exited (code ${code}, signal ${signal})`));
  });
  const ask = (request: WorkerRequest) => new Promise<WorkerReply>((resolve, reject) => {
    replies.push({ resolve, reject });
    child.send(request);
  });

  const waiting = new Map<string, (event: S3Event) => void>();
  stack.onObjectCreated((raw) => {
    const event = toLambdaEvent(raw);
    const key = raw.Records[0]?.s3.object.key;
    if (event && key) waiting.get(key)?.(event);
  });
  const s3 = new S3Client({ endpoint: stack.s3Endpoint, region: stack.environment.AWS_REGION, forcePathStyle: true, credentials: { accessKeyId: stack.environment.AWS_ACCESS_KEY_ID, secretAccessKey: stack.environment.AWS_SECRET_ACCESS_KEY } });

  const latencies: number[] = [];
  const handlerTimes: number[] = [];
  const statuses: Record<string, number> = {};
  let slowest = { key: '', handlerMs: 0 };
  let before: Extract<WorkerReply, { type: 'report' }> | undefined;
  let measuredStart = 0n;
  try {
    for (let i = 0; i < articles; i += 1) {
      if (i === warmUp) {
        before = (await ask({ type: 'report' })) as Extract<WorkerReply, { type: 'report' }>;
        measuredStart = process.hrtime.bigint();
      }
      const article = syntheticArticle(baseTexts, i);
      const start = process.hrtime.bigint();
      const delivered = new Promise<S3Event>((resolve) => waiting.set(article.key, resolve));
      await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: article.key, Body: article.body, ContentType: 'text/plain' }));
      const event = await delivered;
      waiting.delete(article.key);
      const reply = await ask({ type: 'event', event });
      if (reply.type === 'failed') throw new Error(`handler failed on ${article.key}: ${reply.error}`);
      if (reply.type !== 'handled') throw new Error('unexpected reply');
      if (i >= warmUp) {
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        handlerTimes.push(reply.ms);
        if (reply.ms > slowest.handlerMs) slowest = { key: article.key, handlerMs: reply.ms };
        for (const status of reply.statuses) statuses[status] = (statuses[status] ?? 0) + 1;
      }
      if ((i + 1) % 50 === 0) process.stderr.write(`end-to-end: ${i + 1}/${articles}\n`);
    }
    const seconds = Number(process.hrtime.bigint() - measuredStart) / 1e9;
    const after = (await ask({ type: 'report' })) as Extract<WorkerReply, { type: 'report' }>;
    const measured = articles - warmUp;
    const dynamo = combinedMeter(after.dynamoDb, before!.dynamoDb, -1);
    const s3Meter = combinedMeter(after.s3, before!.s3, -1);
    return {
      articles: measured,
      warmUp,
      articlesPerSecond: measured / seconds,
      latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: Math.max(...latencies) },
      handlerMs: { p50: percentile(handlerTimes, 0.5), p95: percentile(handlerTimes, 0.95) },
      slowest,
      statuses,
      dynamoDb: {
        requestsPerArticle: total(dynamo.requests) / measured,
        byOperation: perArticle(dynamo.requests, measured),
        readUnitsPerArticle: dynamo.readUnits / measured,
        writeUnitsPerArticle: dynamo.writeUnits / measured,
        capacityReported: after.dynamoDb.responsesWithCapacity > 0,
        failedConditionalWritesPerArticle: dynamo.failedConditionalWrites / measured,
        writeUnitsByKind: perArticle(dynamo.writeUnitsByKind, measured),
      },
      s3: { requestsPerArticle: total(s3Meter.requests) / measured, byOperation: perArticle(s3Meter.requests, measured) },
      handlerProcess: { ...(heapLimitMb ? { heapLimitMb } : {}), maxRssMb: after.maxRssMb, heapUsedMbAtEnd: after.heapUsedMb, rssMbAtEnd: after.rssMb },
    };
  } finally {
    child.kill();
    s3.destroy();
    await stack.stop();
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function perArticle(counts: Record<string, number>, articles: number): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([operation, count]) => [operation.replace(/Command$/, ''), Math.round((count / articles) * 100) / 100]));
}
