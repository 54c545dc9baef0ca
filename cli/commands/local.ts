import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Digest } from '../../functions/core/digest/build-digest';
import type { ObjectIngestOutcome } from '../../functions/ingest/ingest-object';
import { PUBLISHING_KEYS } from '../../functions/core/publishing/keys';
import { handler } from '../../functions/ingest/handler';
import { BUCKET_PREFIXES, DIGEST_KEYS } from '../../functions/shared/resources';
import { DeliveryQueue, toLambdaEvent } from '../local/event-delivery';
import { startLocalStack } from '../local/local-stack';
import { formatSummary } from '../summary';
import { collectUploads, uploadAll } from '../upload';

export interface LocalOptions {
  inputs: string[];
  dataDir: string;
  reset: boolean;
  serve: boolean;
  out: string;
  quiet?: boolean;
}

// Lambda retries a failed asynchronous invocation twice.
const DELIVERY_ATTEMPTS = 3;

/**
 * The whole pipeline on the local mini-AWS: upload the inputs to the inbox, deliver each S3 event
 * to the real handler, and write the published digest to `out`.
 */
export async function runLocal(options: LocalOptions): Promise<Digest | undefined> {
  const log = options.quiet ? () => undefined : (line: string) => console.log(line);
  log(`Starting the local mini-AWS (DynamoDB Local + S3 emulator), data in ${options.dataDir}${options.reset ? ' (reset)' : ''}...`);
  const stack = await startLocalStack({ dataDir: options.dataDir, reset: options.reset });
  const stop = async () => stack.stop();
  try {
    // The handler reads its configuration from the environment, exactly as on Lambda.
    Object.assign(process.env, stack.environment);
    const queue = new DeliveryQueue(async (event: S3Event) => {
      for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt += 1) {
        try {
          const { outcomes } = await handler(event);
          for (const outcome of outcomes) log(`  ${describeOutcome(outcome)}`);
          return;
        } catch (error) {
          console.error(`  handler failed on attempt ${attempt}/${DELIVERY_ATTEMPTS}: ${(error as Error).stack ?? error}`);
        }
      }
    });
    stack.onObjectCreated((event) => {
      const lambdaEvent = toLambdaEvent(event);
      if (lambdaEvent) queue.push(lambdaEvent);
    });

    const s3 = new S3Client({ forcePathStyle: true });
    const uploads = collectUploads(options.inputs);
    log(`Uploading ${uploads.length} file(s) to s3://${stack.bucket}/${BUCKET_PREFIXES.inbox} ...`);
    // One at a time, so that events arrive in file order: an article without a date counts as
    // reported when it arrived, which decides who reported a claim first.
    await uploadAll(s3, stack.bucket, uploads, (done, total, item) => log(`  [${done}/${total}] ${item.key}`), 1);
    // The emulator emits the event as the object is stored, possibly just after our PUT returns.
    await new Promise((r) => setTimeout(r, 50));
    await queue.idle();

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
      stack.onObjectCreated(() => undefined);
      await waitForSignal();
    }
    return digest;
  } finally {
    await stop();
  }
}

function describeOutcome(outcome: ObjectIngestOutcome): string {
  switch (outcome.status) {
    case 'ingested':
      return `${outcome.key}: ingested as ${outcome.articleId} in story ${outcome.storyId}${outcome.duplicateOf ? `, copy of ${outcome.duplicateOf}` : ''}${outcome.derivedFrom ? `, rewrite of ${outcome.derivedFrom}` : ''} (${outcome.newClaims} new claims, ${outcome.matchedClaims} matched)${outcome.truncated ? `; TRUNCATED: ${outcome.truncated}` : ''}`;
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
