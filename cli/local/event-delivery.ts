import type { S3Event } from 'aws-lambda';
import { BUCKET_PREFIXES } from '../../functions/shared/resources';
import type { EmulatorEvent } from './local-stack';

/**
 * Turns an emulator event into the event AWS would deliver to the function: only inbox/ keys (the
 * bucket notification's prefix filter), keys URL-encoded with '+' for space as S3 does.
 */
export function toLambdaEvent(event: EmulatorEvent): S3Event | undefined {
  const records = event.Records.filter((record) => record.eventName.startsWith('ObjectCreated') && record.s3.object.key.startsWith(BUCKET_PREFIXES.inbox));
  if (records.length === 0) return undefined;
  return {
    Records: records.map((record) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: process.env.AWS_REGION ?? 'us-east-1',
      eventTime: record.eventTime,
      eventName: record.eventName,
      userIdentity: { principalId: 'local' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'inbox',
        bucket: { name: record.s3.bucket.name, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${record.s3.bucket.name}` },
        object: { key: encodeS3Key(record.s3.object.key), size: record.s3.object.size ?? 0, eTag: record.s3.object.eTag ?? '', sequencer: record.s3.object.sequencer ?? '' },
      },
    })),
  } as S3Event;
}

export function encodeS3Key(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}
