import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CorroborateStack } from '../../infra/corroborate-stack';
import { BUCKET_PREFIXES, ENVIRONMENT, TABLE } from '../../functions/shared/resources';

// Skipping bundling keeps synthesis in-process and fast; `npx cdk synth` bundles for real.
const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const template = Template.fromStack(new CorroborateStack(app, 'Test'));

describe('CorroborateStack', () => {
  it('defines the ledger table from the shared definition', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: TABLE.recencyIndex.name, Projection: { ProjectionType: 'KEYS_ONLY' } })],
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('runs the ingest function on Node 22 (arm64) with its resources in the environment', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Environment: {
        Variables: Match.objectLike({
          [ENVIRONMENT.tableName]: { Ref: Match.stringLikeRegexp('Ledger') },
          [ENVIRONMENT.bucketName]: { Ref: Match.stringLikeRegexp('Articles') },
          [ENVIRONMENT.topicArn]: { Ref: Match.stringLikeRegexp('DigestPublished') },
        }),
      },
    });
  });

  it('triggers the function only for objects created under inbox/', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: BUCKET_PREFIXES.inbox }] } },
          }),
        ],
      },
    });
  });

  it('keeps the bucket private, encrypted and TLS-only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.anyValue(),
      VersioningConfiguration: { Status: 'Enabled' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('has a topic for digest subscribers that the function may publish to', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sns:Publish', Effect: 'Allow' })]) },
    });
  });
});
