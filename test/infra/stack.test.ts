import { Match, Template } from 'aws-cdk-lib/assertions';
import { BUCKET_PREFIXES, ENVIRONMENT, TABLE } from '../../functions/shared/resources';
import { EVENT_AGE_ALARM_MINUTES } from '../../infra/constructs/monitoring';
import { INGEST_SIZING } from '../../infra/stage-config';
import { asArray, corroborateStack, logicalIdOf, roleStatements } from './synth';

const { template, config } = corroborateStack({ stage: 'prod', alarmEmail: 'ops@example.com', rejectedRetentionDays: 21, terminationProtection: true });
const articles = logicalIdOf(template, 'AWS::S3::Bucket', /^StorageArticles/);
const logs = logicalIdOf(template, 'AWS::S3::Bucket', /^StorageAccessLogs/);
const ingestFn = logicalIdOf(template, 'AWS::Lambda::Function', /^IngestFunction/);
const failures = logicalIdOf(template, 'AWS::SQS::Queue', /^IngestFailures/);
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

  it('triggers the function for every kind of object creation (multipart included), under inbox/ only', () => {
    const notifications = template.findResources('Custom::S3BucketNotifications');
    expect(Object.keys(notifications)).toHaveLength(1);
    const { NotificationConfiguration, BucketName } = Object.values(notifications)[0]!.Properties;
    expect(BucketName).toEqual({ Ref: articles });
    expect(NotificationConfiguration).toEqual({
      LambdaFunctionConfigurations: [
        {
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: BUCKET_PREFIXES.inbox }] } },
          LambdaFunctionArn: { 'Fn::GetAtt': [ingestFn, 'Arn'] },
        },
      ],
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
  it('runs on nodejs22.x arm64, sized from the measurements, one at a time, traced', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: INGEST_SIZING.memorySize,
      Timeout: INGEST_SIZING.timeout.toSeconds(),
      ReservedConcurrentExecutions: 1,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN', LogGroup: { Ref: Match.stringLikeRegexp('^IngestLogs') } },
      RecursiveLoop: 'Terminate',
      Environment: {
        Variables: Match.objectLike({
          [ENVIRONMENT.tableName]: { Ref: Match.stringLikeRegexp('^Ledger') },
          [ENVIRONMENT.bucketName]: { Ref: articles },
          [ENVIRONMENT.topicArn]: { Ref: digestTopic },
          [ENVIRONMENT.maxObjectBytes]: String(INGEST_SIZING.maxObjectBytes),
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: 'corroborate-ingest',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          POWERTOOLS_METRICS_NAMESPACE: 'Corroborate/prod',
        }),
      },
    });
  });

  it('writes to an explicit log group with the configured retention', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: config.logRetentionDays });
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
  });

  it('retries a failed event twice, keeps it at most 6 hours, then sends it to the failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: ingestFn },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failures, 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('turns the structured log lines into metrics', () => {
    for (const metricName of ['ArticlesIngested', 'InputsSetAside', 'DigestsPublished']) {
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
    expect(allowed('s3:PutObject')).toEqual(expect.arrayContaining([objectsUnder(articles, BUCKET_PREFIXES.rejected), objectsUnder(articles, BUCKET_PREFIXES.digest)]));
    expect(allowed('s3:PutObject')).toHaveLength(2);
    expect(allowed('s3:ListBucket')).toEqual([{ 'Fn::GetAtt': [articles, 'Arn'] }]);
  });

  it('scopes the table, topic, key, queue and logs to their own resources', () => {
    const policy = Template.fromJSON({ Resources: { P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Statement: statements } } } } });
    const has = (statement: Record<string, unknown>) =>
      policy.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike(statement)]) } });
    has({
      Action: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Ledger'), 'Arn'] },
    });
    has({ Action: 'dynamodb:Query', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Ledger'), 'Arn'] }, `/index/${TABLE.recencyIndex.name}`]] } });
    has({ Action: 'sns:Publish', Resource: { Ref: digestTopic } });
    has({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [topicKey, 'Arn'] } });
    has({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [failures, 'Arn'] } });
    has({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestLogs'), 'Arn'] } });
    // Everything on "*" is X-Ray, which has no resource-level permissions.
    expect(statements.filter((s) => s.Resource === '*').flatMap((s) => asArray(s.Action as string[]))).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
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

  it.each([
    ['Errors', 'AWS/Lambda', 1],
    ['Throttles', 'AWS/Lambda', 1],
    ['AsyncEventAge', 'AWS/Lambda', EVENT_AGE_ALARM_MINUTES * 60_000],
    ['AsyncEventsDropped', 'AWS/Lambda', 1],
    ['ApproximateNumberOfMessagesVisible', 'AWS/SQS', 1],
    ['Duration', 'AWS/Lambda', INGEST_SIZING.timeout.toMilliseconds() * 0.8],
  ])('alarms on %s and notifies the alarm topic', (metricName, namespace, threshold) => {
    const alarm = alarmOn(metricName);
    expect(alarm).toMatchObject({ Namespace: namespace, Threshold: threshold, TreatMissingData: 'notBreaching', AlarmActions: [{ Ref: alarmTopic }], OKActions: [{ Ref: alarmTopic }] });
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
  it('is termination-protected in prod and has the outputs the README names', () => {
    expect(corroborateStack({ terminationProtection: true }).stack.terminationProtection).toBe(true);
    for (const output of ['BucketName', 'InboxUri', 'DigestUrl', 'TableName', 'DigestTopicArn', 'IngestFunctionName', 'IngestLogGroup', 'FailedEventsQueueUrl', 'AlarmTopicArn', 'DashboardName']) {
      template.hasOutput(output, {});
    }
  });

  it('contains no account ids', () => {
    expect(JSON.stringify(template.toJSON())).not.toMatch(/arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:\d{12}:/);
  });
});
