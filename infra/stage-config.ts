import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { FUNCTION_TIMEOUTS, QUEUES } from '../functions/shared/resources';

/**
 * Everything that differs between deployments, read from CDK context (`-c key=value`) or the
 * environment (CI). No account ids or regions here: the target account and region are the ones of
 * the credentials `cdk deploy` runs with.
 */
export interface StageConfig {
  /** `dev`, `prod`, ...: part of the stack name (`Corroborate-<stage>`) and of the metric namespace. */
  stage: string;
  /** Where alarm notifications go (an SNS e-mail subscription, to confirm once). None: alarms only show on the dashboard. */
  alarmEmail?: string;
  /** Days the function's logs are kept. */
  logRetentionDays: logs.RetentionDays;
  /** Days set-aside inputs (`rejected/`) are kept before they expire. */
  rejectedRetentionDays: number;
  /** Days an overwritten or deleted object version is kept (the inbox and `digest/latest.json` are rewritten). */
  noncurrentVersionRetentionDays: number;
  /** Days S3 and CloudFront access logs are kept. */
  accessLogRetentionDays: number;
  /** Stops `cdk destroy` / stack deletion until switched off; on for prod. */
  terminationProtection: boolean;
  /** Ingest invocations at once, at most (the SQS event source mapping's maximum concurrency, 2-1000). */
  ingestMaxConcurrency: number;
}

/**
 * Ingest function sizing, from `npx tsx infra/tools/measure-ingest.ts` (the real handler over
 * in-process stores, counting storage calls; one core of a 2-core AMD EPYC):
 *   - a news article: CPU p50 284 ms, p99 559 ms (ingest and, then, the digest publish);
 *   - inputs far larger than an article grow linearly, about 17 s of CPU per MiB of text
 *     (64 KiB: 0.9 s, 256 KiB: 4 s, 1 MiB: 17.5 s, peak RSS 260 MiB); the function's own 5 MiB default
 *     limit would need minutes, so the stack sets `maxObjectBytes` to 2 MiB (~35 s): larger uploads are
 *     set aside as `too-large` instead of timing out on every receive and landing in the dead-letter queue.
 * 1769 MB is one full vCPU (Lambda allocates CPU in proportion to memory, and the parse runs on one
 * thread); memory use stays far below it. 120 s is over three times the largest accepted input and
 * ~50x a typical article, and a batch of ten articles fits in it many times over.
 */
export const INGEST_SIZING = {
  memorySize: 1769,
  timeout: Duration.seconds(FUNCTION_TIMEOUTS.ingestSeconds),
  /** Uploads above this are set aside as too large (CORROBORATE_MAX_OBJECT_BYTES). */
  maxObjectBytes: 2 * 1024 * 1024,
} as const;

const DEFAULTS = {
  stage: 'dev',
  logRetentionDays: 30,
  rejectedRetentionDays: 30,
  noncurrentVersionRetentionDays: 30,
  accessLogRetentionDays: 90,
  ingestMaxConcurrency: QUEUES.ingest.maxConcurrency,
};

/** `Corroborate-<stage>`: the name the workflows and the README deploy. */
export function stackNameFor(stage: string): string {
  return `Corroborate-${stage}`;
}

/**
 * Reads the stage configuration: context first (`-c stage=prod`), then the environment
 * (`CORROBORATE_STAGE`, `CORROBORATE_ALARM_EMAIL`, `CORROBORATE_LOG_RETENTION_DAYS`,
 * `CORROBORATE_REJECTED_RETENTION_DAYS`, `CORROBORATE_NONCURRENT_VERSION_RETENTION_DAYS`,
 * `CORROBORATE_ACCESS_LOG_RETENTION_DAYS`, `CORROBORATE_INGEST_MAX_CONCURRENCY`), then the
 * defaults. Invalid values throw.
 */
export function stageConfigFrom(node: Pick<Node, 'tryGetContext'>, env: NodeJS.ProcessEnv = process.env): StageConfig {
  const read = (contextKey: string, envKey: string): string | undefined => {
    const value = node.tryGetContext(contextKey) ?? env[envKey];
    if (value === undefined || value === null) return undefined;
    const text = String(value).trim();
    return text === '' ? undefined : text;
  };
  const days = (contextKey: string, envKey: string, fallback: number): number => {
    const text = read(contextKey, envKey);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${contextKey} must be a whole number of days (at least 1), got "${text}"`);
    return value;
  };

  const stage = read('stage', 'CORROBORATE_STAGE') ?? DEFAULTS.stage;
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) throw new Error(`stage must be lower-case letters, digits and dashes (at most 20), got "${stage}"`);

  const alarmEmail = read('alarmEmail', 'CORROBORATE_ALARM_EMAIL');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) throw new Error(`alarmEmail is not an e-mail address: "${alarmEmail}"`);

  const logRetention = days('logRetentionDays', 'CORROBORATE_LOG_RETENTION_DAYS', DEFAULTS.logRetentionDays);
  if (!(Object.values(logs.RetentionDays) as number[]).includes(logRetention)) {
    throw new Error(`logRetentionDays must be one that CloudWatch Logs offers (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ...), got ${logRetention}`);
  }

  const concurrencyText = read('ingestMaxConcurrency', 'CORROBORATE_INGEST_MAX_CONCURRENCY');
  const ingestMaxConcurrency = concurrencyText === undefined ? DEFAULTS.ingestMaxConcurrency : Number(concurrencyText);
  // The limits of an SQS event source mapping's maximum concurrency.
  if (!Number.isInteger(ingestMaxConcurrency) || ingestMaxConcurrency < 2 || ingestMaxConcurrency > 1000) {
    throw new Error(`ingestMaxConcurrency must be a whole number from 2 to 1000, got "${concurrencyText}"`);
  }

  return {
    stage,
    ...(alarmEmail ? { alarmEmail } : {}),
    logRetentionDays: logRetention as logs.RetentionDays,
    rejectedRetentionDays: days('rejectedRetentionDays', 'CORROBORATE_REJECTED_RETENTION_DAYS', DEFAULTS.rejectedRetentionDays),
    noncurrentVersionRetentionDays: days('noncurrentVersionRetentionDays', 'CORROBORATE_NONCURRENT_VERSION_RETENTION_DAYS', DEFAULTS.noncurrentVersionRetentionDays),
    accessLogRetentionDays: days('accessLogRetentionDays', 'CORROBORATE_ACCESS_LOG_RETENTION_DAYS', DEFAULTS.accessLogRetentionDays),
    terminationProtection: stage === 'prod',
    ingestMaxConcurrency,
  };
}
