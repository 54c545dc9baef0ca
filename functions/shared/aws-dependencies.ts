import type { DigestBounds } from '../core/digest/digest-bounds';
import type { StoryPolicy } from '../core/stories/story-policy';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDbTableStore } from '../adapters/dynamodb-table-store';
import { RecordingNotifier } from '../adapters/recording-notifier';
import { S3ObjectStore } from '../adapters/s3-object-store';
import { SnsNotifier } from '../adapters/sns-notifier';
import { SqsQueue } from '../adapters/sqs-queue';
import { Ledger } from '../ledger/ledger';
import type { Notifier } from '../ports/notifier';
import type { ObjectStore } from '../ports/object-store';
import type { QueuePort } from '../ports/queue';
import { DEFAULT_MAX_OBJECT_BYTES, ENVIRONMENT, QUEUES } from './resources';

export interface PipelineDependencies {
  ledger: Ledger;
  objects: ObjectStore;
  notifier: Notifier;
  maxObjectBytes: number;
  now: () => Date;
  siteUrl?: string;
  /** How stories are decided; the fitted default unless an evaluation or a test swaps it. */
  storyPolicy?: StoryPolicy;
  /** Where ingest asks for a publish. Absent: ingest publishes the digest itself. */
  publishQueue?: QueuePort;
  /** Messages of one SQS batch ingested at once (1 when absent). */
  batchConcurrency?: number;
  /** How much of each story the digest shows (DIGEST_BOUNDS unless a test swaps it). */
  bounds?: DigestBounds;
}

/**
 * Wires the adapters from the environment. Endpoints, region and credentials come from the standard
 * AWS variables (AWS_ENDPOINT_URL_S3, AWS_REGION, ...), so the same code runs on the local mini-AWS
 * and on AWS.
 */
/**
 * X-Ray subsegments per AWS call, where Lambda runs the code (AWS_EXECUTION_ENV is set there; the
 * tracer would turn itself off anywhere else). Elsewhere it is not loaded at all: the X-Ray SDK
 * under it installs an async hook as it loads, which then tracks every promise the process creates
 * (a promise costs about ten times as much CPU with it), whether or not anything is traced.
 */
const tracer: Tracer | undefined =
  process.env.AWS_EXECUTION_ENV && process.env.POWERTOOLS_TRACE_ENABLED !== 'false'
    ? new (require('@aws-lambda-powertools/tracer') as typeof import('@aws-lambda-powertools/tracer')).Tracer({ serviceName: 'corroborate-ingest' })
    : undefined;

function traced<Client>(client: Client): Client {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}

export function dependenciesFromEnvironment(env: NodeJS.ProcessEnv = process.env): PipelineDependencies {
  const tableName = required(env, ENVIRONMENT.tableName);
  const bucketName = required(env, ENVIRONMENT.bucketName);
  const topicArn = env[ENVIRONMENT.topicArn];
  const publishQueueUrl = env[ENVIRONMENT.publishQueueUrl];
  return {
    ledger: new Ledger(new DynamoDbTableStore(tableName, traced(new DynamoDBClient({})))),
    objects: new S3ObjectStore(bucketName, traced(new S3Client({ forcePathStyle: env.CORROBORATE_S3_PATH_STYLE === 'true' }))),
    notifier: topicArn ? new SnsNotifier(topicArn, traced(new SNSClient({}))) : new RecordingNotifier(),
    maxObjectBytes: Number(env[ENVIRONMENT.maxObjectBytes] ?? DEFAULT_MAX_OBJECT_BYTES),
    now: () => new Date(),
    ...(env[ENVIRONMENT.siteUrl] ? { siteUrl: env[ENVIRONMENT.siteUrl] } : {}),
    ...(publishQueueUrl ? { publishQueue: new SqsQueue(publishQueueUrl, traced(new SQSClient({}))) } : {}),
    batchConcurrency: Number(env[ENVIRONMENT.batchConcurrency] ?? QUEUES.ingest.batchConcurrency),
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}
