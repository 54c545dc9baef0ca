import { plural } from '../../functions/core/publishing/story-summary';
import { ENVIRONMENT } from '../../functions/shared/resources';
import { configuredBucket } from '../configured-bucket';
import { collectUploads, uploadAll } from '../upload';

export async function runIngest(paths: string[]): Promise<void> {
  const target = configuredBucket();
  if (!target) {
    throw new Error(
      `no bucket configured: set ${ENVIRONMENT.bucketName} (and the AWS environment), e.g. by pasting the variables that "npm start -- --serve" prints`,
    );
  }
  const items = collectUploads(paths);
  const started = Date.now();
  const interactive = process.stdout.isTTY;
  await uploadAll(target.s3, target.bucket, items, (done, total, item) => {
    const line = `[${done}/${total}] ${item.key}`;
    if (interactive) process.stdout.write(`\r${line.padEnd(80).slice(0, 100)}`);
    else if (total <= 50 || done % 50 === 0 || done === total) console.log(line);
  });
  if (interactive) process.stdout.write('\n');
  console.log(`Uploaded ${plural(items.length, 'file')} to s3://${target.bucket} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
