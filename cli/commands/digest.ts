import { GetObjectCommand } from '@aws-sdk/client-s3';
import { existsSync, readFileSync } from 'node:fs';
import type { Digest } from '../../functions/core/digest/build-digest';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { configuredBucket } from '../configured-bucket';
import { formatSummary } from '../summary';

export async function runDigest(options: { json: boolean; file: string }): Promise<void> {
  const digest = await loadDigest(options.file);
  console.log(options.json ? JSON.stringify(digest, null, 2) : formatSummary(digest, Number.POSITIVE_INFINITY));
}

async function loadDigest(file: string): Promise<Digest> {
  const target = configuredBucket();
  if (target) {
    const result = await target.s3.send(new GetObjectCommand({ Bucket: target.bucket, Key: DIGEST_KEYS.latest }));
    return JSON.parse(await result.Body!.transformToString()) as Digest;
  }
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Digest;
  throw new Error(`no bucket configured and no ${file}: run "npm start" first`);
}
