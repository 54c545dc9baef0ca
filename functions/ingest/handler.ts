import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { publishRequest } from '../core/publishing/publish-request';
import { publishDigestIfChanged } from '../digest/publish-digest';
import { dependenciesFromEnvironment, type PipelineDependencies } from '../shared/aws-dependencies';
import { mapConcurrently } from '../shared/concurrently';
import { ingestObject, type ObjectIngestOutcome } from './ingest-object';
import { objectsCreated, objectsInNotification, sqsMessages, type S3ObjectCreated } from './s3-event';

const logger = new Logger({ serviceName: 'corroborate-ingest' });
// EMF metrics on AWS; off locally and in tests (POWERTOOLS_METRICS_DISABLED), where stdout is for people.
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Corroborate', serviceName: 'corroborate-ingest' });
let dependencies: PipelineDependencies | undefined;

export interface SqsIngestResult extends SQSBatchResponse {
  outcomes: ObjectIngestOutcome[];
}

/**
 * SQS messages carrying the inbox's S3 notifications -> ingest each object -> one publish request
 * for the batch. Bad input is set aside by `ingestObject` and counts as done; a message that failed
 * otherwise is reported in `batchItemFailures`, so that SQS delivers it again (every step is
 * idempotent) and, after the queue's receive limit, moves it to the dead-letter queue.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  dependencies ??= dependenciesFromEnvironment();
  metrics.captureColdStartMetric();
  try {
    const { outcomes, batchItemFailures } = await handleSqsEvent(event, dependencies);
    for (const outcome of outcomes) metrics.addMetric(OUTCOME_METRICS[outcome.status], MetricUnit.Count, 1);
    if (batchItemFailures.length > 0) metrics.addMetric('MessagesFailed', MetricUnit.Count, batchItemFailures.length);
    return { batchItemFailures };
  } finally {
    metrics.publishStoredMetrics();
  }
}

const OUTCOME_METRICS: Record<ObjectIngestOutcome['status'], string> = {
  ingested: 'ArticlesIngested',
  duplicate: 'ExactDuplicates',
  'already-processed': 'Redeliveries',
  missing: 'MissingObjects',
  rejected: 'InputsSetAside',
};

type MessageResult = { messageId: string; outcomes: ObjectIngestOutcome[] } | { messageId: string; failed: true };

/**
 * The messages of one batch, `deps.batchConcurrency` at a time. Each message that may have changed
 * the ledger asks for a publish as soon as it is done, so the digest does not wait for the rest of
 * the batch; requests of one time bucket are sent once per invocation (SQS would drop the repeats).
 * A message fails as a whole when one of its objects fails or its publish request cannot be sent;
 * a body that is not an S3 notification fails too, so that it ends in the dead-letter queue where
 * someone can look at it rather than vanishing.
 */
export async function handleSqsEvent(event: unknown, deps: PipelineDependencies, observer: { onMessageIngested?: (outcomes: readonly ObjectIngestOutcome[]) => void } = {}): Promise<SqsIngestResult> {
  const messages = sqsMessages(event);
  const requestPublish = publishRequester(deps);
  const results = await mapConcurrently(messages, deps.batchConcurrency ?? 1, async ({ messageId, body }): Promise<MessageResult> => {
    try {
      const outcomes = await ingestAll(objectsInNotification(body), deps);
      // Before the publish request, so that whoever reports progress reports the ingest before the publish.
      observer.onMessageIngested?.(outcomes);
      if (mayHaveChanged(outcomes)) await requestPublish();
      return { messageId, outcomes };
    } catch (error) {
      logger.warn('message failed, left for redelivery', { messageId, error: error as Error });
      return { messageId, failed: true };
    }
  });
  const outcomes = results.flatMap((result) => ('outcomes' in result ? result.outcomes : []));
  const batchItemFailures = results.filter((result) => 'failed' in result).map(({ messageId }) => ({ itemIdentifier: messageId }));
  return { outcomes, batchItemFailures };
}

/**
 * One S3 event delivered directly (tests, the in-process pipeline): ingest each object, then
 * publish. An error fails the whole event.
 */
export async function handleS3Event(event: unknown, deps: PipelineDependencies): Promise<{ outcomes: ObjectIngestOutcome[] }> {
  const outcomes = await ingestAll(objectsCreated(event), deps);
  if (mayHaveChanged(outcomes)) await publishRequester(deps)();
  return { outcomes };
}

async function ingestAll(objects: readonly S3ObjectCreated[], deps: PipelineDependencies): Promise<ObjectIngestOutcome[]> {
  const outcomes: ObjectIngestOutcome[] = [];
  for (const object of objects) {
    const outcome = await ingestObject(deps, object);
    if (outcome.status === 'rejected') logger.warn('input set aside', { ...outcome });
    else logger.info('object processed', { key: outcome.key, status: outcome.status, ...('articleId' in outcome ? { articleId: outcome.articleId } : {}), ...('truncated' in outcome ? { truncated: outcome.truncated } : {}) });
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Whether an outcome may have changed the ledger. Also an object found already processed: the
 * delivery that processed it may have failed before asking for a publish, and this redelivery is
 * the only one left to do it.
 */
function mayHaveChanged(outcomes: readonly ObjectIngestOutcome[]): boolean {
  return outcomes.some((outcome) => outcome.status === 'ingested' || outcome.status === 'already-processed' || outcome.status === 'duplicate');
}

/**
 * Asks for a publish. With a publish queue the request goes there (the publisher coalesces them),
 * at most once per time bucket from one invocation; without one the digest is published here, when
 * it changed.
 */
function publishRequester(deps: PipelineDependencies): () => Promise<void> {
  let lastSent: string | undefined;
  return async () => {
    if (deps.publishQueue) {
      const request = publishRequest(deps.now());
      if (request.deduplicationId === lastSent) return;
      await deps.publishQueue.send(request);
      lastSent = request.deduplicationId;
      logger.info('digest publish requested');
      return;
    }
    const digest = await publishDigestIfChanged(deps);
    if (digest) logger.info('digest published', { version: digest.version, stories: digest.stories.length });
    else logger.info('digest unchanged, nothing published');
  };
}
