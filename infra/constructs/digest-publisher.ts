import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { BUCKET_PREFIXES, ENVIRONMENT, FUNCTION_TIMEOUTS, QUEUES, TABLE } from '../../functions/shared/resources';

export interface DigestPublisherProps {
  bucket: s3.Bucket;
  table: dynamodb.Table;
  topic: sns.Topic;
  topicKey: kms.IKey;
  metricsNamespace: string;
  logRetention: logs.RetentionDays;
}

/** Log line of the publisher that the digests-published metric counts. */
export const PUBLISHED_METRIC = { metricName: 'DigestsPublished', pattern: '{ $.message = "digest published" }' } as const;

/**
 * The single-flight publisher: a FIFO queue of publish requests (one message group, deduplicated
 * per time bucket, delivered one bucket late) -> one function invocation at a time -> a new digest
 * version under digest/ and a notice on the topic, when the ledger changed. Requests that fail
 * `QUEUES.publish.maxReceiveCount` times go to a FIFO dead-letter queue.
 */
export class DigestPublisher extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DigestPublisherProps) {
    super(scope, id);
    const { bucket, table, topic, topicKey } = props;
    const timeout = Duration.seconds(FUNCTION_TIMEOUTS.publishSeconds);

    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      fifo: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(QUEUES.publishDeadLetter.retentionDays),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      fifo: true,
      contentBasedDeduplication: false,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(QUEUES.publish.retentionDays),
      deliveryDelay: Duration.seconds(QUEUES.publish.bucketSeconds),
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * QUEUES.publish.visibilityTimeoutFactor),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: QUEUES.publish.maxReceiveCount },
    });

    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: 'corroborate digest publisher' });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(__dirname, '..', '..', 'functions', 'publish', 'handler.ts'),
      handler: 'handler',
      description: 'corroborate: publish requests -> ledger -> digest/ and the topic, one at a time',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout,
      // One message group already delivers one batch at a time; this makes it so whatever the mapping does.
      reservedConcurrentExecutions: 1,
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
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'corroborate-publish',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
      },
      bundling: { minify: true, sourceMap: true, sourcesContent: false, target: 'node22', format: OutputFormat.CJS, bundleAwsSDK: true },
    });
    this.function.addEventSource(new SqsEventSource(this.queue, { batchSize: QUEUES.publish.batchSize }));
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime this product is built for: the code is developed and tested on Node 20/22 machines and bundled for node22, like the ingest function. Node 22 is supported on Lambda until 2027.',
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords (added by active tracing) do not support resource-level permissions; that is the only statement on "*".',
    });

    const statements = [
      new iam.PolicyStatement({
        sid: 'ReadAndWriteDigest',
        // GetObject: latest.json, the previous version and the feed pages, which a publish builds on.
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [bucket.arnForObjects(`${BUCKET_PREFIXES.digest}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'TellMissingFromForbidden',
        // Without ListBucket, reading a digest object that does not exist yet answers 403, not 404.
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
      }),
      new iam.PolicyStatement({
        sid: 'Ledger',
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
      }),
      new iam.PolicyStatement({ sid: 'LedgerRecencyIndex', actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/${TABLE.recencyIndex.name}`] }),
      new iam.PolicyStatement({ sid: 'Notify', actions: ['sns:Publish'], resources: [topic.topicArn] }),
      new iam.PolicyStatement({ sid: 'NotifyEncrypted', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [topicKey.keyArn] }),
    ];
    for (const statement of statements) this.role.addToPrincipalPolicy(statement);
    const bucketId = Stack.of(this).getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${BUCKET_PREFIXES.digest}*]`,
      reason: 'Object keys are data (one per digest version, story and feed page), so the grant is scoped to a prefix: the publisher reads and writes under digest/ only.',
    });

    new logs.MetricFilter(this, 'Metric-digests', {
      logGroup: this.logGroup,
      metricNamespace: props.metricsNamespace,
      metricName: PUBLISHED_METRIC.metricName,
      filterPattern: logs.FilterPattern.literal(PUBLISHED_METRIC.pattern),
      metricValue: '1',
      unit: cloudwatch.Unit.COUNT,
    });
  }
}
