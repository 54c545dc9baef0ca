import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Digest } from '../../functions/core/digest/build-digest';
import type { ObjectIngestOutcome } from '../../functions/ingest/ingest-object';
import { PUBLISHING_KEYS } from '../../functions/core/publishing/keys';
import { plural } from '../../functions/core/publishing/story-summary';
import { handleSqsEvent } from '../../functions/ingest/handler';
import { handlePublishRequests } from '../../functions/publish/handler';
import { dependenciesFromEnvironment } from '../../functions/shared/aws-dependencies';
import { BUCKET_PREFIXES, DIGEST_KEYS, QUEUES } from '../../functions/shared/resources';
import { toLambdaEvent } from '../local/event-delivery';
import { EventSourceMapping } from '../local/event-source-mapping';
import { localQueues, type LocalQueues } from '../local/local-queues';
import { startLocalStack, type LocalStack } from '../local/local-stack';
import { formatSummary } from '../summary';
import { collectUploads, uploadAll } from '../upload';

export interface LocalOptions {
  inputs: string[];
  dataDir: string;
  reset: boolean;
  serve: boolean;
  out: string;
  /**
   * Ingest batches handled at once (the mapping's maximum concurrency on AWS). One by default, so
   * that a folder is ingested in file order, as it is uploaded.
   */
  workers?: number;
  quiet?: boolean;
}

/** A failed message is delivered again after this long (on AWS: the visibility timeout). */
const LOCAL_RETRY_DELAY_MS = 500;

/**
 * The local pipeline: ingest and publish queues in process, fed and drained as on AWS, with the
 * handlers' own code. Returns a function that stops the workers.
 */
export function startLocalPipeline(stack: LocalStack, options: { workers: number; log: (line: string) => void; onOutcome?: (outcome: ObjectIngestOutcome) => void }) {
  const queues: LocalQueues = localQueues();
  // The handlers read their configuration from the environment, exactly as on Lambda.
  Object.assign(process.env, stack.environment);
  const deps = { ...dependenciesFromEnvironment(), publishQueue: queues.publish };
  const ingest = new EventSourceMapping({
    queue: queues.ingest,
    workers: options.workers,
    batchSize: QUEUES.ingest.batchSize,
    batchingWindowMs: QUEUES.ingest.maxBatchingWindowSeconds * 1000,
    retryDelayMs: LOCAL_RETRY_DELAY_MS,
    handler: async (event) => {
      // Each message's lines as it is done: the publisher may publish before the rest of the batch.
      const result = await handleSqsEvent(event, deps, {
        onMessageIngested: (outcomes) => {
          for (const outcome of outcomes) {
            options.onOutcome?.(outcome);
            options.log(`  ${describeOutcome(outcome)}`);
          }
        },
      });
      for (const failure of result.batchItemFailures) console.error(`  message ${failure.itemIdentifier} failed; it is delivered again`);
      return result;
    },
    onError: (error) => console.error(`  ingest batch failed: ${(error as Error).stack ?? error}`),
  });
  const publish = new EventSourceMapping({
    queue: queues.publish,
    workers: 1,
    batchSize: QUEUES.publish.batchSize,
    batchingWindowMs: 0,
    retryDelayMs: LOCAL_RETRY_DELAY_MS,
    handler: async (event) => {
      const digest = await handlePublishRequests(event, deps);
      if (digest) options.log(`  digest version ${digest.version} published (${plural(event.Records.length, 'request')})`);
    },
    onError: (error) => console.error(`  publish failed: ${(error as Error).stack ?? error}`),
  });
  stack.onObjectCreated((event) => {
    const lambdaEvent = toLambdaEvent(event);
    if (lambdaEvent) void queues.ingest.send({ body: JSON.stringify(lambdaEvent) });
  });
  return {
    queues,
    /** Resolves when every upload so far is ingested and the digest published. */
    async settled(): Promise<void> {
      await ingest.idle();
      await publish.idle();
    },
    async stop(): Promise<void> {
      await Promise.all([ingest.stop(), publish.stop()]);
    },
  };
}

/**
 * The whole pipeline on the local mini-AWS: upload the inputs to the inbox; each S3 event goes to
 * the ingest queue, `workers` consumers hand batches to the ingest handler, and the publisher
 * publishes the digest; write the published digest to `out`.
 */
export async function runLocal(options: LocalOptions): Promise<Digest | undefined> {
  const log = options.quiet ? () => undefined : (line: string) => console.log(line);
  log(`Starting the local mini-AWS (DynamoDB Local + S3 emulator), data in ${options.dataDir}${options.reset ? ' (reset)' : ''}...`);
  const stack = await startLocalStack({ dataDir: options.dataDir, reset: options.reset });
  const stop = async () => stack.stop();
  const pipeline = startLocalPipeline(stack, { workers: options.workers ?? 1, log });
  try {

    const s3 = new S3Client({ forcePathStyle: true });
    const uploads = collectUploads(options.inputs);
    log(`Uploading ${plural(uploads.length, 'file')} to s3://${stack.bucket}/${BUCKET_PREFIXES.inbox} ...`);
    // One at a time, so that events arrive in file order: an article without a date counts as
    // reported when it arrived, which decides who reported a claim first.
    await uploadAll(s3, stack.bucket, uploads, (done, total, item) => log(`  [${done}/${total}] ${item.key}`), 1);
    // The emulator emits the event as the object is stored, possibly just after our PUT returns.
    await new Promise((r) => setTimeout(r, 50));
    await pipeline.settled();
    const dead = pipeline.queues.ingestDeadLetter.depth;
    if (dead > 0) console.error(`${plural(dead, 'notification')} failed ${QUEUES.ingest.maxReceiveCount} times and ${dead === 1 ? 'is' : 'are'} in the dead-letter queue`);

    const digest = await readDigest(s3, stack.bucket);
    if (digest) {
      const out = resolve(options.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(digest, null, 2)}\n`);
      log('');
      log(formatSummary(digest));
      log('');
      log(`Digest written to ${out}`);
    } else {
      log('No digest has been published yet (no article was ingested).');
    }

    if (options.serve) {
      printServeInstructions(stack);
      await waitForSignal();
    }
    return digest;
  } finally {
    await pipeline.stop();
    await stop();
  }
}

function describeOutcome(outcome: ObjectIngestOutcome): string {
  switch (outcome.status) {
    case 'ingested':
      return `${outcome.key}: ingested as ${outcome.articleId} in story ${outcome.storyId}${outcome.duplicateOf ? `, copy of ${outcome.duplicateOf}` : ''}${outcome.derivedFrom ? `, rewrite of ${outcome.derivedFrom}` : ''} (${plural(outcome.newClaims, 'new claim')}, ${outcome.matchedClaims} matched)${outcome.truncated ? `; TRUNCATED: ${outcome.truncated}` : ''}`;
    case 'duplicate':
      return `${outcome.key}: exact duplicate of ${outcome.articleId}, not counted again`;
    case 'already-processed':
      return `${outcome.key}: already processed, unchanged`;
    case 'rejected':
      return `${outcome.key}: SET ASIDE (${outcome.code}): ${outcome.reason} -> ${outcome.rejectedKey}.error.json`;
    case 'missing':
      return `${outcome.key}: no longer in the bucket, skipped`;
  }
}

async function readDigest(s3: S3Client, bucket: string): Promise<Digest | undefined> {
  try {
    const result = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: DIGEST_KEYS.latest }));
    return JSON.parse(await result.Body!.transformToString()) as Digest;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

function printServeInstructions(stack: Awaited<ReturnType<typeof startLocalStack>>): void {
  const env = stack.environment;
  console.log(`
The local mini-AWS is up. Press Ctrl-C to stop it (state is kept in the data folder).

  S3 endpoint:        ${stack.s3Endpoint}
  DynamoDB endpoint:  ${stack.dynamoDbEndpoint}
  Digest (JSON):      ${stack.s3Endpoint}/${stack.bucket}/${DIGEST_KEYS.latest}
  Page:               ${stack.s3Endpoint}/${stack.bucket}/${PUBLISHING_KEYS.page}
  Feed (JSON Feed):   ${stack.s3Endpoint}/${stack.bucket}/${PUBLISHING_KEYS.feedPage(1)}
  Feed (Atom):        ${stack.s3Endpoint}/${stack.bucket}/${PUBLISHING_KEYS.atomPage(1)}

Drop more articles with the AWS CLI:
  AWS_ACCESS_KEY_ID=${env.AWS_ACCESS_KEY_ID} AWS_SECRET_ACCESS_KEY=${env.AWS_SECRET_ACCESS_KEY} AWS_REGION=${env.AWS_REGION} \\
    aws s3 cp article.txt s3://${stack.bucket}/${BUCKET_PREFIXES.inbox}article.txt --endpoint-url ${stack.s3Endpoint}

Or with this CLI, after pasting these variables into your shell:
${Object.entries(env)
  .map(([name, value]) => `  export ${name}=${value}`)
  .join('\n')}
  npx corroborate ingest path/to/articles/
  npx corroborate digest
`);
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
