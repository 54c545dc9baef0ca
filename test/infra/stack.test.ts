import { Match, Template } from 'aws-cdk-lib/assertions';
import { BUCKET_PREFIXES, ENVIRONMENT, FUNCTION_TIMEOUTS, QUEUES, TABLE } from '../../functions/shared/resources';
import { QUEUE_AGE_ALARM_MINUTES } from '../../infra/constructs/monitoring';
import { INGEST_SIZING } from '../../infra/stage-config';
import { asArray, corroborateStack, logicalIdOf, roleStatements } from './synth';

const { template, config } = corroborateStack({ stage: 'prod', alarmEmail: 'ops@example.com', rejectedRetentionDays: 21, terminationProtection: true, ingestMaxConcurrency: 25 });
const articles = logicalIdOf(template, 'AWS::S3::Bucket', /^StorageArticles/);
const logs = logicalIdOf(template, 'AWS::S3::Bucket', /^StorageAccessLogs/);
const ingestFn = logicalIdOf(template, 'AWS::Lambda::Function', /^IngestFunction/);
const ingestQueue = logicalIdOf(template, 'AWS::SQS::Queue', /^IngestQueue/);
const ingestDeadLetters = logicalIdOf(template, 'AWS::SQS::Queue', /^IngestDeadLetters/);
const publishQueue = logicalIdOf(template, 'AWS::SQS::Queue', /^PublisherQueue/);
const publishDeadLetters = logicalIdOf(template, 'AWS::SQS::Queue', /^PublisherDeadLetters/);
const publisherFn = logicalIdOf(template, 'AWS::Lambda::Function', /^PublisherFunction/);
const alarmTopic = logicalIdOf(template, 'AWS::SNS::Topic', /AlarmTopic/);
const digestTopic = logicalIdOf(template, 'AWS::SNS::Topic', /^DigestPublished/);
const topicKey = logicalIdOf(template, 'AWS::KMS::Key', /^TopicKey/);
const distribution = logicalIdOf(template, 'AWS::CloudFront::Distribution', /^DigestDistribution/);
const objectsUnder = (bucket: string, prefix: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, `/${prefix}*`]] });

describe('storage', () => {
  it('keeps both buckets private, encrypted, TLS 1.2+-only and retained', () => {
    for (const bucket of [articles, logs]) {
      const resource = template.toJSON().Resources[bucket];
      expect(resource.DeletionPolicy).toBe('Retain');
      expect(resource.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(resource.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
          ]),
        },
      });
    }
  });

  it('versions the articles bucket and logs access to it', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logs },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' })]) },
    });
  });

  it('expires set-aside inputs under rejected/ after the configured days, and old versions and uploads', () => {
    const rules = template.toJSON().Resources[articles].Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: BUCKET_PREFIXES.rejected, ExpirationInDays: 21, Status: 'Enabled', NoncurrentVersionExpiration: expect.anything() }),
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: config.noncurrentVersionRetentionDays }, ExpiredObjectDeleteMarker: true, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
      ]),
    );
    const logRules = template.toJSON().Resources[logs].Properties.LifecycleConfiguration.Rules;
    expect(logRules).toEqual([expect.objectContaining({ ExpirationInDays: config.accessLogRetentionDays })]);
  });

  it('queues every kind of object creation (multipart included), under inbox/ only', () => {
    const notifications = template.findResources('Custom::S3BucketNotifications');
    expect(Object.keys(notifications)).toHaveLength(1);
    const { NotificationConfiguration, BucketName } = Object.values(notifications)[0]!.Properties;
    expect(BucketName).toEqual({ Ref: articles });
    expect(NotificationConfiguration).toEqual({
      QueueConfigurations: [
        {
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: BUCKET_PREFIXES.inbox }] } },
          QueueArn: { 'Fn::GetAtt': [ingestQueue, 'Arn'] },
        },
      ],
    });
    // Only this bucket may send to the queue.
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: ingestQueue }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [articles, 'Arn'] } } } }),
        ]),
      },
    });
    // The function writes digest/ and rejected/: neither may ever be a trigger.
    for (const prefix of [BUCKET_PREFIXES.digest, BUCKET_PREFIXES.rejected]) expect(BUCKET_PREFIXES.inbox.startsWith(prefix) || prefix.startsWith(BUCKET_PREFIXES.inbox)).toBe(false);
  });
});

describe('digest over HTTPS', () => {
  it('serves digest/ through CloudFront with origin access control, HTTPS only, logged', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [articles, 'RegionalDomainName'] },
            OriginPath: '/digest',
            OriginAccessControlId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DigestOriginAccess'), 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'https-only', AllowedMethods: ['GET', 'HEAD'] }),
        CacheBehaviors: [Match.objectLike({ PathPattern: '/versions/*', ViewerProtocolPolicy: 'https-only' })],
        DefaultRootObject: 'latest.json',
        Logging: Match.objectLike({ Bucket: { 'Fn::GetAtt': [logs, 'RegionalDomainName'] } }),
      }),
    });
  });

  it('serves the page, latest.json and both feeds (feed.json, atom.xml) briefly cached and compressed; only /versions/* long', () => {
    const [config] = Object.values(template.findResources('AWS::CloudFront::Distribution')).map((d) => d.Properties.DistributionConfig);
    const patterns = (config.CacheBehaviors as Array<{ PathPattern: string }>).map((b) => b.PathPattern);
    const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(path);
    for (const path of ['/atom.xml', '/atom-2.xml', '/feed.json', '/index.html', '/latest.json']) expect(patterns.filter((p) => matches(p, path))).toEqual([]);
    expect(config.DefaultCacheBehavior.Compress).toBe(true);
    const shortCache = Object.entries(template.findResources('AWS::CloudFront::CachePolicy')).find(([id]) => config.DefaultCacheBehavior.CachePolicyId.Ref === id)![1];
    expect(shortCache.Properties.CachePolicyConfig).toMatchObject({ DefaultTTL: 30, MaxTTL: 300 });
  });

  it('lets only this distribution read, and only digest/*', () => {
    const statements = Object.values(template.findResources('AWS::S3::BucketPolicy'))
      .filter((policy) => policy.Properties.Bucket.Ref === articles)
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: objectsUnder(articles, BUCKET_PREFIXES.digest),
        Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', expect.arrayContaining([{ Ref: distribution }])] } } },
      }),
    ]);
  });

  it('outputs the digest URL', () => {
    template.hasOutput('DigestUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, '/latest.json']] } });
  });
});

describe('ingest function', () => {
  it('runs on nodejs22.x arm64, sized from the measurements, without reserved concurrency, traced', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: INGEST_SIZING.memorySize,
      Timeout: INGEST_SIZING.timeout.toSeconds(),
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN', LogGroup: { Ref: Match.stringLikeRegexp('^IngestLogs') } },
      RecursiveLoop: 'Terminate',
      Environment: {
        Variables: Match.objectLike({
          [ENVIRONMENT.tableName]: { Ref: Match.stringLikeRegexp('^Ledger') },
          [ENVIRONMENT.bucketName]: { Ref: articles },
          [ENVIRONMENT.publishQueueUrl]: { Ref: publishQueue },
          [ENVIRONMENT.maxObjectBytes]: String(INGEST_SIZING.maxObjectBytes),
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: 'corroborate-ingest',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          POWERTOOLS_METRICS_NAMESPACE: 'Corroborate/prod',
        }),
      },
    });
    expect(template.toJSON().Resources[ingestFn].Properties.ReservedConcurrentExecutions).toBeUndefined();
    expect(template.toJSON().Resources[ingestFn].Properties.Environment.Variables[ENVIRONMENT.topicArn]).toBeUndefined();
  });

  it('writes to explicit log groups (ingest, publisher) with the configured retention', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: config.logRetentionDays });
    template.resourceCountIs('AWS::Logs::LogGroup', 2);
  });

  it('consumes the ingest queue: 14 days of retention, 6x the timeout of visibility, a dead-letter queue after a few receives', () => {
    const queue = template.toJSON().Resources[ingestQueue].Properties;
    expect(queue).toMatchObject({
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
      VisibilityTimeout: INGEST_SIZING.timeout.toSeconds() * 6,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [ingestDeadLetters, 'Arn'] }, maxReceiveCount: QUEUES.ingest.maxReceiveCount },
    });
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * INGEST_SIZING.timeout.toSeconds());
    expect(QUEUES.ingest.maxReceiveCount).toBeGreaterThanOrEqual(3);
    expect(QUEUES.ingest.maxReceiveCount).toBeLessThanOrEqual(5);
    template.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true, RedrivePolicy: Match.absent() });
    for (const queueId of [ingestQueue, ingestDeadLetters, publishQueue, publishDeadLetters]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
  });

  it('takes batches through an event source mapping that reports partial failures, up to the configured concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: ingestFn },
      EventSourceArn: { 'Fn::GetAtt': [ingestQueue, 'Arn'] },
      BatchSize: QUEUES.ingest.batchSize,
      MaximumBatchingWindowInSeconds: QUEUES.ingest.maxBatchingWindowSeconds,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 25 },
    });
    const defaults = corroborateStack({}).template;
    defaults.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: QUEUES.ingest.maxConcurrency } });
    expect(QUEUES.ingest.maxConcurrency).toBeGreaterThanOrEqual(10);
  });

  it('is not invoked by S3 directly (no asynchronous invocation config, no S3 permission)', () => {
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 0);
    expect(Object.values(template.findResources('AWS::Lambda::Permission')).filter((p) => p.Properties.Principal === 's3.amazonaws.com')).toEqual([]);
  });

  it('turns the structured log lines into metrics', () => {
    for (const metricName of ['ArticlesIngested', 'InputsSetAside', 'MessagesFailed', 'DigestsPublished']) {
      template.hasResourceProperties('AWS::Logs::MetricFilter', {
        MetricTransformations: [Match.objectLike({ MetricName: metricName, MetricNamespace: 'Corroborate/prod' })],
      });
    }
  });
});

describe('least privilege', () => {
  const statements = roleStatements(template, /^IngestRole/);
  const allowed = (action: string) => statements.filter((s) => asArray(s.Action as string | string[]).includes(action)).map((s) => s.Resource);

  it('has no managed policies and no service-wide actions', () => {
    const role = Object.entries(template.findResources('AWS::IAM::Role')).find(([id]) => id.startsWith('IngestRole'))![1];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const actions = statements.flatMap((s) => asArray(s.Action as string | string[]));
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('dynamodb:DeleteItem');
    expect(new Set(actions.filter((a) => a.startsWith('s3:')))).toEqual(new Set(['s3:GetObject', 's3:GetObjectTagging', 's3:DeleteObject', 's3:PutObject', 's3:PutObjectTagging', 's3:ListBucket']));
  });

  it('scopes object access to the prefixes the code uses', () => {
    expect(allowed('s3:GetObject')).toEqual([objectsUnder(articles, BUCKET_PREFIXES.inbox)]);
    expect(allowed('s3:DeleteObject')).toEqual([objectsUnder(articles, BUCKET_PREFIXES.inbox)]);
    expect(allowed('s3:PutObject')).toEqual([objectsUnder(articles, BUCKET_PREFIXES.rejected)]);
    expect(allowed('s3:ListBucket')).toEqual([{ 'Fn::GetAtt': [articles, 'Arn'] }]);
  });

  it('scopes the table, topic, key, queue and logs to their own resources', () => {
    const policy = Template.fromJSON({ Resources: { P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Statement: statements } } } } });
    const has = (statement: Record<string, unknown>) =>
      policy.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike(statement)]) } });
    has({
      Action: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Ledger'), 'Arn'] },
    });
    has({ Action: 'dynamodb:Query', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Ledger'), 'Arn'] }, `/index/${TABLE.recencyIndex.name}`]] } });
    has({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [publishQueue, 'Arn'] } });
    has({ Action: Match.arrayWith(['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:ReceiveMessage']), Resource: { 'Fn::GetAtt': [ingestQueue, 'Arn'] } });
    has({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestLogs'), 'Arn'] } });
    // Publishing is the publisher's: ingest cannot write digest/ or notify.
    const actions = statements.flatMap((s) => asArray(s.Action as string | string[]));
    expect(actions).not.toContain('sns:Publish');
    expect(actions.filter((a) => a.startsWith('kms:'))).toEqual([]);
    expect(statements.filter((s) => asArray(s.Action as string[]).includes('sqs:SendMessage')).map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [publishQueue, 'Arn'] }]);
    // Everything on "*" is X-Ray, which has no resource-level permissions.
    expect(statements.filter((s) => s.Resource === '*').flatMap((s) => asArray(s.Action as string[]))).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });
});

describe('digest publisher', () => {
  const statements = roleStatements(template, /^PublisherRole/);
  const allowed = (action: string) => statements.filter((s) => asArray(s.Action as string | string[]).includes(action)).map((s) => s.Resource);

  it('takes publish requests from a FIFO queue, delivered one time bucket late, with a FIFO dead-letter queue', () => {
    expect(template.toJSON().Resources[publishQueue].Properties).toMatchObject({
      FifoQueue: true,
      ContentBasedDeduplication: false,
      DelaySeconds: QUEUES.publish.bucketSeconds,
      VisibilityTimeout: FUNCTION_TIMEOUTS.publishSeconds * 6,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [publishDeadLetters, 'Arn'] }, maxReceiveCount: QUEUES.publish.maxReceiveCount },
    });
    expect(template.toJSON().Resources[publishDeadLetters].Properties).toMatchObject({ FifoQueue: true });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: publisherFn }, EventSourceArn: { 'Fn::GetAtt': [publishQueue, 'Arn'] }, BatchSize: QUEUES.publish.batchSize });
  });

  it('runs one invocation at a time, and publishes where the digest is served', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      ReservedConcurrentExecutions: 1,
      Timeout: FUNCTION_TIMEOUTS.publishSeconds,
      Environment: {
        Variables: Match.objectLike({
          [ENVIRONMENT.tableName]: { Ref: Match.stringLikeRegexp('^Ledger') },
          [ENVIRONMENT.bucketName]: { Ref: articles },
          [ENVIRONMENT.topicArn]: { Ref: digestTopic },
          [ENVIRONMENT.siteUrl]: Match.anyValue(),
        }),
      },
    });
    expect(template.toJSON().Resources[publisherFn].Properties.Environment.Variables[ENVIRONMENT.siteUrl]).toBeDefined();
  });

  it('reads and writes digest/ only, notifies the topic, and cannot write the inbox or delete', () => {
    expect(allowed('s3:GetObject')).toEqual([objectsUnder(articles, BUCKET_PREFIXES.digest)]);
    expect(allowed('s3:PutObject')).toEqual([objectsUnder(articles, BUCKET_PREFIXES.digest)]);
    expect(allowed('sns:Publish')).toEqual([{ Ref: digestTopic }]);
    expect(allowed('kms:GenerateDataKey')).toEqual([{ 'Fn::GetAtt': [topicKey, 'Arn'] }]);
    const actions = statements.flatMap((s) => asArray(s.Action as string | string[]));
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    for (const action of ['s3:DeleteObject', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:Scan', 'sqs:SendMessage']) expect(actions).not.toContain(action);
  });
});

describe('ledger table', () => {
  it('is on-demand, recoverable, protected from deletion, encrypted, with TTL, from the shared definition', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: TABLE.recencyIndex.name, Projection: { ProjectionType: 'KEYS_ONLY' } })],
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });
});

describe('topics', () => {
  it('encrypts both topics with a rotated customer key that CloudWatch alarms may use, and allows TLS only', () => {
    for (const topic of [digestTopic, alarmTopic]) {
      template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [topicKey, 'Arn'] } });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: topic }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        EnableKeyRotation: true,
        KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]) },
      }),
    });
  });
});

describe('observability', () => {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
  const alarmOn = (metricName: string) => alarms.find((alarm) => alarm.MetricName === metricName);

  const dimension = (alarm: Record<string, any> | undefined) => alarm?.Dimensions?.[0]?.Value;

  it.each([
    ['Errors', 'AWS/Lambda', 1, ingestFn],
    ['Errors', 'AWS/Lambda', 1, publisherFn],
    ['Throttles', 'AWS/Lambda', 1, ingestFn],
    ['ApproximateAgeOfOldestMessage', 'AWS/SQS', QUEUE_AGE_ALARM_MINUTES * 60, ingestQueue],
    ['ApproximateNumberOfMessagesVisible', 'AWS/SQS', 1, ingestDeadLetters],
    ['ApproximateNumberOfMessagesVisible', 'AWS/SQS', 1, publishDeadLetters],
    ['Duration', 'AWS/Lambda', INGEST_SIZING.timeout.toMilliseconds() * 0.8, ingestFn],
  ])('alarms on %s of %s and notifies the alarm topic', (metricName, namespace, threshold, resource) => {
    const alarm = alarms.find((a) => a.MetricName === metricName && JSON.stringify(dimension(a)).includes(resource));
    expect(alarm).toMatchObject({ Namespace: namespace, Threshold: threshold, TreatMissingData: 'notBreaching', AlarmActions: [{ Ref: alarmTopic }], OKActions: [{ Ref: alarmTopic }] });
  });

  it('has no alarms left on asynchronous invocation metrics', () => {
    expect(alarmOn('AsyncEventAge')).toBeUndefined();
    expect(alarmOn('AsyncEventsDropped')).toBeUndefined();
  });

  it('subscribes the configured e-mail address to the alarms', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: alarmTopic } });
    expect(corroborateStack({}).template.findResources('AWS::SNS::Subscription')).toEqual({});
  });

  it('has a dashboard per stage', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'corroborate-prod' });
  });
});

describe('stack', () => {
  it('is termination-protected in prod and has the outputs the deploy and operations docs name', () => {
    expect(corroborateStack({ terminationProtection: true }).stack.terminationProtection).toBe(true);
    for (const output of ['BucketName', 'InboxUri', 'DigestUrl', 'TableName', 'DigestTopicArn', 'IngestFunctionName', 'IngestLogGroup', 'IngestQueueUrl', 'IngestDeadLetterQueueUrl', 'IngestDeadLetterQueueArn', 'PublishDeadLetterQueueUrl', 'PublisherFunctionName', 'PublisherLogGroup', 'AlarmTopicArn', 'DashboardName']) {
      template.hasOutput(output, {});
    }
  });

  it('contains no account ids', () => {
    expect(JSON.stringify(template.toJSON())).not.toMatch(/arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:\d{12}:/);
  });
});
