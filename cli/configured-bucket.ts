import { S3Client } from '@aws-sdk/client-s3';
import { ENVIRONMENT } from '../functions/shared/resources';

/** The bucket and client named by the environment, as `corroborate local --serve` prints it or as set for AWS. */
export function configuredBucket(): { s3: S3Client; bucket: string } | undefined {
  const bucket = process.env[ENVIRONMENT.bucketName];
  if (!bucket) return undefined;
  return { bucket, s3: new S3Client({ forcePathStyle: process.env.CORROBORATE_S3_PATH_STYLE === 'true' }) };
}
