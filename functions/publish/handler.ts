import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent } from 'aws-lambda';
import type { Digest } from '../core/digest/build-digest';
import { publishDigestIfChanged } from '../digest/publish-digest';
import { sqsMessages } from '../ingest/s3-event';
import { dependenciesFromEnvironment, type PipelineDependencies } from '../shared/aws-dependencies';

const logger = new Logger({ serviceName: 'corroborate-publish' });
let dependencies: PipelineDependencies | undefined;

/**
 * A batch of publish requests (FIFO, one message group: one batch at a time) -> at most one new
 * digest version. The requests only say that the ledger changed; the publisher reads the ledger and
 * publishes when the digest does not show it yet. An error fails the batch, which SQS delivers
 * again: `publishDigestIfChanged` compares with latest.json, the last object a publish writes.
 */
export async function handler(event: SQSEvent): Promise<void> {
  dependencies ??= dependenciesFromEnvironment();
  await handlePublishRequests(event, dependencies);
}

export async function handlePublishRequests(event: unknown, deps: PipelineDependencies): Promise<Digest | undefined> {
  const requests = sqsMessages(event).length;
  const digest = await publishDigestIfChanged(deps);
  if (digest) logger.info('digest published', { version: digest.version, stories: digest.stories.length, requests });
  else logger.info('digest unchanged, nothing published', { requests });
  return digest;
}
