import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { BUCKET_PREFIXES, DEFAULT_MAX_OBJECT_BYTES, ENVIRONMENT, TABLE } from '../functions/shared/resources';

export interface CorroborateStackProps extends StackProps {
  /** Days to keep the function's logs. */
  logRetentionDays?: logs.RetentionDays;
}

/**
 * Bucket (inbox/ -> ingest function -> digest/), the ledger table and the subscribers' topic,
 * all named from the shared resource definition that the local mini-AWS uses too.
 */
export class CorroborateStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly table: dynamodb.Table;
  readonly topic: sns.Topic;
  readonly ingestFunction: NodejsFunction;

  constructor(scope: Construct, id: string, props: CorroborateStackProps = {}) {
    super(scope, id, props);

    this.bucket = new s3.Bucket(this, 'Articles', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new dynamodb.Table(this, 'Ledger', {
      partitionKey: { name: TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE.recencyIndex.name,
      partitionKey: { name: TABLE.recencyIndex.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE.recencyIndex.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });

    this.topic = new sns.Topic(this, 'DigestPublished', { displayName: 'corroborate digest updates', enforceSSL: true });

    this.ingestFunction = new NodejsFunction(this, 'Ingest', {
      entry: join(__dirname, '..', 'functions', 'ingest', 'handler.ts'),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(60),
      logGroup: new logs.LogGroup(this, 'IngestLogs', { retention: props.logRetentionDays ?? logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      environment: {
        [ENVIRONMENT.tableName]: this.table.tableName,
        [ENVIRONMENT.bucketName]: this.bucket.bucketName,
        [ENVIRONMENT.topicArn]: this.topic.topicArn,
        [ENVIRONMENT.maxObjectBytes]: String(DEFAULT_MAX_OBJECT_BYTES),
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'corroborate-ingest',
      },
      bundling: { minify: true, sourceMap: true, target: 'node22', format: OutputFormat.CJS, bundleAwsSDK: true },
    });

    this.table.grantReadWriteData(this.ingestFunction);
    this.bucket.grantRead(this.ingestFunction, `${BUCKET_PREFIXES.inbox}*`);
    this.bucket.grantDelete(this.ingestFunction, `${BUCKET_PREFIXES.inbox}*`);
    this.bucket.grantPut(this.ingestFunction, `${BUCKET_PREFIXES.digest}*`);
    this.bucket.grantPut(this.ingestFunction, `${BUCKET_PREFIXES.rejected}*`);
    this.topic.grantPublish(this.ingestFunction);

    // Only the inbox triggers ingestion, so the function's own writes (digest/, rejected/) cannot.
    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.ingestFunction), { prefix: BUCKET_PREFIXES.inbox });

    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'InboxUri', { value: `s3://${this.bucket.bucketName}/${BUCKET_PREFIXES.inbox}` });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'DigestTopicArn', { value: this.topic.topicArn });
  }
}
