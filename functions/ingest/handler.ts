import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { S3Event } from 'aws-lambda';
import { publishDigestIfChanged } from '../digest/publish-digest';
import { dependenciesFromEnvironment, type PipelineDependencies } from '../shared/aws-dependencies';
import { ingestObject, type ObjectIngestOutcome } from './ingest-object';
import { objectsCreated } from './s3-event';

const logger = new Logger({ serviceName: 'corroborate-ingest' });
// EMF metrics on AWS; off locally and in tests (POWERTOOLS_METRICS_DISABLED), where stdout is for people.
const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Corroborate', serviceName: 'corroborate-ingest' });
let dependencies: PipelineDependencies | undefined;

/**
 * S3 ObjectCreated -> ingest each object -> publish the digest once for the batch. Bad input is set
 * aside by `ingestObject` and does not fail the batch; other errors fail the invocation so that
 * the platform retries it (every step is idempotent).
 */
export async function handler(event: S3Event): Promise<{ outcomes: ObjectIngestOutcome[] }> {
  dependencies ??= dependenciesFromEnvironment();
  metrics.captureColdStartMetric();
  try {
    const result = await handleS3Event(event, dependencies);
    for (const outcome of result.outcomes) metrics.addMetric(OUTCOME_METRICS[outcome.status], MetricUnit.Count, 1);
    return result;
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

export async function handleS3Event(event: unknown, deps: PipelineDependencies): Promise<{ outcomes: ObjectIngestOutcome[] }> {
  const outcomes: ObjectIngestOutcome[] = [];
  for (const object of objectsCreated(event)) {
    const outcome = await ingestObject(deps, object);
    if (outcome.status === 'rejected') logger.warn('input set aside', { ...outcome });
    else logger.info('object processed', { key: outcome.key, status: outcome.status, ...('articleId' in outcome ? { articleId: outcome.articleId } : {}), ...('truncated' in outcome ? { truncated: outcome.truncated } : {}) });
    outcomes.push(outcome);
  }
  // Also after an object found already processed: the invocation that processed it may have failed
  // before publishing, and this retry is the only one left to do it. Nothing is published when the
  // digest already shows everything.
  if (outcomes.some((outcome) => outcome.status === 'ingested' || outcome.status === 'already-processed' || outcome.status === 'duplicate')) {
    const digest = await publishDigestIfChanged(deps);
    if (digest) logger.info('digest published', { version: digest.version, stories: digest.stories.length });
    else logger.info('digest unchanged, nothing published');
  }
  return { outcomes };
}
