import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { BUCKET_PREFIXES, ENVIRONMENT, TABLE } from '../functions/shared/resources';
import { ArticleStorage } from './constructs/article-storage';
import { DigestDistribution } from './constructs/digest-distribution';
import { DigestPublisher } from './constructs/digest-publisher';
import { IngestFunction } from './constructs/ingest-function';
import { Monitoring } from './constructs/monitoring';
import type { StageConfig } from './stage-config';

export interface CorroborateStackProps extends StackProps {
  config: StageConfig;
}

/**
 * Articles bucket (inbox/ -> ingest queue -> ingest function -> publish queue -> publisher ->
 * digest/, served by CloudFront), the ledger table,
 * the subscribers' topic, alarms and a dashboard, all named from the shared resource definition
 * that the local mini-AWS uses too.
 */
export class CorroborateStack extends Stack {
  readonly storage: ArticleStorage;
  readonly table: dynamodb.Table;
  readonly topic: sns.Topic;
  readonly ingest: IngestFunction;
  readonly publisher: DigestPublisher;
  readonly digest: DigestDistribution;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: CorroborateStackProps) {
    super(scope, id, { terminationProtection: props.config.terminationProtection, ...props });
    // S3 server access logs are granted by bucket policy (not the legacy LogDelivery ACL).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const { config } = props;
    const metricsNamespace = `Corroborate/${config.stage}`;

    this.storage = new ArticleStorage(this, 'Storage', config);

    this.table = new dynamodb.Table(this, 'Ledger', {
      partitionKey: { name: TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TABLE.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE.recencyIndex.name,
      partitionKey: { name: TABLE.recencyIndex.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE.recencyIndex.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });

    // One customer-managed key for both topics: CloudWatch alarms can only publish to an encrypted
    // topic whose key policy lets them, which the AWS-managed SNS key does not.
    const topicKey = new kms.Key(this, 'TopicKey', {
      description: `corroborate ${config.stage}: SNS topics (digest updates, alarms)`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    topicKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    this.topic = new sns.Topic(this, 'DigestPublished', { displayName: 'corroborate digest updates', masterKey: topicKey, enforceSSL: true });

    this.publisher = new DigestPublisher(this, 'Publisher', {
      bucket: this.storage.bucket,
      table: this.table,
      topic: this.topic,
      topicKey,
      metricsNamespace,
      logRetention: config.logRetentionDays,
    });
    this.ingest = new IngestFunction(this, 'Ingest', {
      bucket: this.storage.bucket,
      table: this.table,
      publishQueue: this.publisher.queue,
      metricsNamespace,
      logRetention: config.logRetentionDays,
      maxConcurrency: config.ingestMaxConcurrency,
    });

    this.digest = new DigestDistribution(this, 'Digest', { bucket: this.storage.bucket, logBucket: this.storage.logBucket });
    // The feed links to itself and the page with absolute URLs.
    this.publisher.function.addEnvironment(ENVIRONMENT.siteUrl, `https://${this.digest.distribution.distributionDomainName}/`);

    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage: config.stage,
      ingest: this.ingest.function,
      ingestQueue: this.ingest.queue,
      ingestDeadLetters: this.ingest.deadLetters,
      publisher: this.publisher.function,
      publishDeadLetters: this.publisher.deadLetters,
      table: this.table,
      metricsNamespace,
      topicKey,
      ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
    });

    const bucket = this.storage.bucket;
    new CfnOutput(this, 'BucketName', { value: bucket.bucketName, description: 'Articles bucket' });
    new CfnOutput(this, 'InboxUri', { value: `s3://${bucket.bucketName}/${BUCKET_PREFIXES.inbox}`, description: 'Upload articles here' });
    new CfnOutput(this, 'DigestUrl', { value: this.digest.url, description: 'The latest digest, over HTTPS' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'DigestTopicArn', { value: this.topic.topicArn, description: 'Subscribe to hear about each new digest' });
    new CfnOutput(this, 'IngestFunctionName', { value: this.ingest.function.functionName });
    new CfnOutput(this, 'IngestLogGroup', { value: this.ingest.logGroup.logGroupName });
    new CfnOutput(this, 'IngestQueueUrl', { value: this.ingest.queue.queueUrl, description: 'Inbox notifications waiting to be ingested' });
    new CfnOutput(this, 'IngestDeadLetterQueueUrl', { value: this.ingest.deadLetters.queueUrl, description: 'Inbox notifications that failed on every receive (redrive: docs/operations.md)' });
    new CfnOutput(this, 'IngestDeadLetterQueueArn', { value: this.ingest.deadLetters.queueArn });
    new CfnOutput(this, 'PublishDeadLetterQueueUrl', { value: this.publisher.deadLetters.queueUrl, description: 'Publish requests that failed on every receive' });
    new CfnOutput(this, 'PublisherFunctionName', { value: this.publisher.function.functionName });
    new CfnOutput(this, 'PublisherLogGroup', { value: this.publisher.logGroup.logGroupName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }
}
