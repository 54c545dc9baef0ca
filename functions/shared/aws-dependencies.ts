import type { StoryPolicy } from '../core/stories/story-policy';
import { Tracer } from '@aws-lambda-powertools/tracer';
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
}

/**
 * Wires the adapters from the environment. Endpoints, region and credentials come from the standard
 * AWS variables (AWS_ENDPOINT_URL_S3, AWS_REGION, ...), so the same code runs on the local mini-AWS
 * and on AWS.
 */
// X-Ray segments per AWS call on Lambda; the tracer turns itself off anywhere else.
const tracer = new Tracer({ serviceName: 'corroborate-ingest' });

export function dependenciesFromEnvironment(env: NodeJS.ProcessEnv = process.env): PipelineDependencies {
  const tableName = required(env, ENVIRONMENT.tableName);
  const bucketName = required(env, ENVIRONMENT.bucketName);
  const topicArn = env[ENVIRONMENT.topicArn];
  const publishQueueUrl = env[ENVIRONMENT.publishQueueUrl];
  return {
    ledger: new Ledger(new DynamoDbTableStore(tableName, tracer.captureAWSv3Client(new DynamoDBClient({})))),
    objects: new S3ObjectStore(bucketName, tracer.captureAWSv3Client(new S3Client({ forcePathStyle: env.CORROBORATE_S3_PATH_STYLE === 'true' }))),
    notifier: topicArn ? new SnsNotifier(topicArn, tracer.captureAWSv3Client(new SNSClient({}))) : new RecordingNotifier(),
    maxObjectBytes: Number(env[ENVIRONMENT.maxObjectBytes] ?? DEFAULT_MAX_OBJECT_BYTES),
    now: () => new Date(),
    ...(env[ENVIRONMENT.siteUrl] ? { siteUrl: env[ENVIRONMENT.siteUrl] } : {}),
    ...(publishQueueUrl ? { publishQueue: new SqsQueue(publishQueueUrl, tracer.captureAWSv3Client(new SQSClient({}))) } : {}),
    batchConcurrency: Number(env[ENVIRONMENT.batchConcurrency] ?? QUEUES.ingest.batchConcurrency),
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}
