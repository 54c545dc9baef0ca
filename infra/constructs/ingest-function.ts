import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { BUCKET_PREFIXES, ENVIRONMENT, QUEUES, TABLE } from '../../functions/shared/resources';
import { INGEST_SIZING } from '../stage-config';

export interface IngestFunctionProps {
  bucket: s3.Bucket;
  table: dynamodb.Table;
  /** Where ingest asks for a digest publish (the publisher's FIFO queue). */
  publishQueue: sqs.IQueue;
  /** CloudWatch namespace of the function's metrics (Powertools EMF and the log metric filters). */
  metricsNamespace: string;
  logRetention: logs.RetentionDays;
  /** Invocations at once, at most (the event source mapping's maximum concurrency). */
  maxConcurrency: number;
}

/** Log lines of the handler (Powertools Logger, JSON) that the metric filters count. */
export const LOG_METRICS = {
  ingested: { metricName: 'ArticlesIngested', pattern: '{ $.message = "object processed" && $.status = "ingested" }' },
  duplicates: { metricName: 'DuplicatesRecognised', pattern: '{ $.message = "object processed" && $.status = "duplicate" }' },
  rejected: { metricName: 'InputsSetAside', pattern: '{ $.message = "input set aside" }' },
  failedMessages: { metricName: 'MessagesFailed', pattern: '{ $.message = "message failed, left for redelivery" }' },
} as const;

/**
 * The ingest function: every object created under inbox/ (PUT, POST, COPY and completed multipart
 * uploads) -> the ingest queue -> batches, up to `maxConcurrency` at once -> ledger table -> a
 * publish request. A message that fails `QUEUES.ingest.maxReceiveCount` times goes to the
 * dead-letter queue. Its role can do exactly what the code does, on the prefixes it does it to.
 */
export class IngestFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: IngestFunctionProps) {
    super(scope, id);
    const { bucket, table } = props;

    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });

    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(QUEUES.ingestDeadLetter.retentionDays),
    });
    // SSE-SQS: S3 event notifications cannot reach a queue encrypted with the AWS-managed KMS key.
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(QUEUES.ingest.retentionDays),
      visibilityTimeout: Duration.seconds(INGEST_SIZING.timeout.toSeconds() * QUEUES.ingest.visibilityTimeoutFactor),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: QUEUES.ingest.maxReceiveCount },
    });

    // A role of its own instead of AWSLambdaBasicExecutionRole: logs go to this log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'corroborate ingest function',
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(__dirname, '..', '..', 'functions', 'ingest', 'handler.ts'),
      handler: 'handler',
      description: 'corroborate: S3 inbox/ -> ledger -> digest',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: INGEST_SIZING.memorySize,
      timeout: INGEST_SIZING.timeout,
      recursiveLoop: lambda.RecursiveLoop.TERMINATE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        [ENVIRONMENT.tableName]: table.tableName,
        [ENVIRONMENT.bucketName]: bucket.bucketName,
        [ENVIRONMENT.publishQueueUrl]: props.publishQueue.queueUrl,
        [ENVIRONMENT.batchConcurrency]: String(QUEUES.ingest.batchConcurrency),
        [ENVIRONMENT.maxObjectBytes]: String(INGEST_SIZING.maxObjectBytes),
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'corroborate-ingest',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
      },
      bundling: {
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        target: 'node22',
        format: OutputFormat.CJS,
        bundleAwsSDK: true,
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime this product is built for (issue #6): the code is developed and tested on Node 20/22 machines and bundled for node22. Node 22 is supported on Lambda until 2027; moving to nodejs24.x waits until the toolchain and tests run on Node 24.',
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords (added by active tracing) do not support resource-level permissions; that is the only statement on "*".',
    });

    this.grantWhatTheCodeUses(props);

    // Only inbox/ is queued for ingestion: the pipeline's own writes (digest/, rejected/) never are.
    bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(this.queue), { prefix: BUCKET_PREFIXES.inbox });
    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: QUEUES.ingest.batchSize,
        maxBatchingWindow: Duration.seconds(QUEUES.ingest.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
        maxConcurrency: props.maxConcurrency,
      }),
    );
    const notificationsHandler = Stack.of(this).node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's own deploy-time function that writes the bucket's notification configuration (Custom::S3BucketNotifications); the L2 API gives no way to replace its role, and the managed policy only lets it write its own logs.",
      });
    }

    for (const [key, { metricName, pattern }] of Object.entries(LOG_METRICS)) {
      new logs.MetricFilter(this, `Metric-${key}`, {
        logGroup: this.logGroup,
        metricNamespace: props.metricsNamespace,
        metricName,
        filterPattern: logs.FilterPattern.literal(pattern),
        metricValue: '1',
        unit: cloudwatch.Unit.COUNT,
      });
    }
  }

  /** The calls in functions/adapters and functions/ingest, and nothing else (publishing is the publisher's). */
  private grantWhatTheCodeUses(props: IngestFunctionProps): void {
    const { bucket, table } = props;
    const statements = [
      new iam.PolicyStatement({
        sid: 'ReadInbox',
        // GetObject: Get, Head and the source of the set-aside copy; GetObjectTagging: CopyObject copies tags.
        actions: ['s3:GetObject', 's3:GetObjectTagging'],
        resources: [bucket.arnForObjects(`${BUCKET_PREFIXES.inbox}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'RemoveSetAsideInputs',
        actions: ['s3:DeleteObject'],
        resources: [bucket.arnForObjects(`${BUCKET_PREFIXES.inbox}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'SetAsideInputs',
        actions: ['s3:PutObject', 's3:PutObjectTagging'],
        resources: [bucket.arnForObjects(`${BUCKET_PREFIXES.rejected}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'TellMissingFromForbidden',
        // Without ListBucket, HeadObject on a key that is gone answers 403 instead of 404, and the
        // handler would retry a redelivered event for an input it already moved to rejected/.
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
      }),
      new iam.PolicyStatement({
        sid: 'Ledger',
        // PartiQL INSERT and UPDATE: set additions in batches (the LSH bands; see DynamoDbTableStore.addToSets).
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:UpdateItem', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate'],
        resources: [table.tableArn],
      }),
      new iam.PolicyStatement({
        sid: 'LedgerRecencyIndex',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${TABLE.recencyIndex.name}`],
      }),
      new iam.PolicyStatement({ sid: 'RequestPublish', actions: ['sqs:SendMessage'], resources: [props.publishQueue.queueArn] }),
    ];
    for (const statement of statements) this.role.addToPrincipalPolicy(statement);

    const objectArn = (prefix: string) => `Resource::<${Stack.of(this).getLogicalId(bucket.node.defaultChild as s3.CfnBucket)}.Arn>/${prefix}*`;
    for (const [prefix, why] of [
      [BUCKET_PREFIXES.inbox, 'reads, and after setting an input aside deletes, the uploads under inbox/ only'],
      [BUCKET_PREFIXES.rejected, 'writes set-aside inputs and their .error.json records under rejected/ only'],
    ] as const) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[${objectArn(prefix)}]`,
        reason: `Object keys are data (one per uploaded article or digest version), so the grant is scoped to a prefix: the function ${why}.`,
      });
    }
  }
}
