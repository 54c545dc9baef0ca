import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { BUCKET_PREFIXES, ENVIRONMENT, TABLE } from '../../functions/shared/resources';
import { INGEST_SIZING } from '../stage-config';

export interface IngestFunctionProps {
  bucket: s3.Bucket;
  table: dynamodb.Table;
  topic: sns.Topic;
  topicKey: kms.IKey;
  /** CloudWatch namespace of the function's metrics (Powertools EMF and the log metric filters). */
  metricsNamespace: string;
  logRetention: logs.RetentionDays;
}

/** Log lines of the handler (Powertools Logger, JSON) that the metric filters count. */
export const LOG_METRICS = {
  ingested: { metricName: 'ArticlesIngested', pattern: '{ $.message = "object processed" && $.status = "ingested" }' },
  duplicates: { metricName: 'DuplicatesRecognised', pattern: '{ $.message = "object processed" && $.status = "duplicate" }' },
  rejected: { metricName: 'InputsSetAside', pattern: '{ $.message = "input set aside" }' },
  digests: { metricName: 'DigestsPublished', pattern: '{ $.message = "digest published" }' },
} as const;

/**
 * The ingest function: every object created under inbox/ (PUT, POST, COPY and completed multipart
 * uploads) -> ledger table -> digest/ and the topic. One invocation at a time, two retries, then the
 * event goes to the failure queue. Its role can do exactly what the code does, on the prefixes it
 * does it to.
 */
export class IngestFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly failures: sqs.Queue;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: IngestFunctionProps) {
    super(scope, id);
    const { bucket, table, topic } = props;

    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });

    this.failures = new sqs.Queue(this, 'Failures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is the ingest function's on-failure destination, i.e. the dead-letter queue itself; nothing consumes it automatically, messages are kept 14 days and an alarm fires as soon as one arrives.",
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
      reservedConcurrentExecutions: INGEST_SIZING.reservedConcurrency,
      retryAttempts: INGEST_SIZING.retryAttempts,
      maxEventAge: INGEST_SIZING.maxEventAge,
      onFailure: new SqsDestination(this.failures),
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
        [ENVIRONMENT.topicArn]: topic.topicArn,
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

    // Only inbox/ triggers ingestion: the function's own writes (digest/, rejected/) never do.
    bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.function), { prefix: BUCKET_PREFIXES.inbox });
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

  /** The calls in functions/adapters and functions/ingest, and nothing else. */
  private grantWhatTheCodeUses({ bucket, table, topic, topicKey }: IngestFunctionProps): void {
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
        sid: 'PublishDigest',
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects(`${BUCKET_PREFIXES.digest}*`)],
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
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
      }),
      new iam.PolicyStatement({
        sid: 'LedgerRecencyIndex',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${TABLE.recencyIndex.name}`],
      }),
      new iam.PolicyStatement({ sid: 'Notify', actions: ['sns:Publish'], resources: [topic.topicArn] }),
      new iam.PolicyStatement({ sid: 'NotifyEncrypted', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [topicKey.keyArn] }),
    ];
    for (const statement of statements) this.role.addToPrincipalPolicy(statement);

    const objectArn = (prefix: string) => `Resource::<${Stack.of(this).getLogicalId(bucket.node.defaultChild as s3.CfnBucket)}.Arn>/${prefix}*`;
    for (const [prefix, why] of [
      [BUCKET_PREFIXES.inbox, 'reads, and after setting an input aside deletes, the uploads under inbox/ only'],
      [BUCKET_PREFIXES.rejected, 'writes set-aside inputs and their .error.json records under rejected/ only'],
      [BUCKET_PREFIXES.digest, 'writes digest/latest.json and digest/versions/<n>.json under digest/ only'],
    ] as const) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[${objectArn(prefix)}]`,
        reason: `Object keys are data (one per uploaded article or digest version), so the grant is scoped to a prefix: the function ${why}.`,
      });
    }
  }
}
