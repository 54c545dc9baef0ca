import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { useLocalStack } from '../support/local-stack';

jest.setTimeout(120_000);

/**
 * The local S3 emulator as a reader of the digest sees it: on S3 a PUT replaces an object whole,
 * so that a reader polling latest.json while the publisher rewrites it gets the old version or
 * the new one, never a mix or a cut.
 */
describe('objects in the local S3 emulator', () => {
  const stack = useLocalStack();
  const client = () =>
    new S3Client({
      endpoint: stack.current.s3Endpoint,
      region: stack.current.environment.AWS_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: stack.current.environment.AWS_ACCESS_KEY_ID, secretAccessKey: stack.current.environment.AWS_SECRET_ACCESS_KEY },
      maxAttempts: 1,
    });

  /** A JSON document of about `kilobytes` KB, distinct for each version. */
  const version = (n: number, kilobytes: number) => JSON.stringify({ version: n, stories: Array.from({ length: kilobytes * 16 }, (_, i) => `claim ${n}.${i} ${'x'.repeat(40)}`) });

  it('shows a reader the previous or the new version of an object being rewritten, whole', async () => {
    const s3 = client();
    const bucket = stack.current.bucket;
    const key = 'digest/latest.json';
    const written = new Map<string, number>();
    const put = async (n: number) => {
      // Versions of different sizes, as the digest's are: a cut or a mix of two shows as a body no version has.
      const body = version(n, n % 2 === 0 ? 300 : 120);
      written.set(body, n);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }));
    };
    await put(0);
    let writing = true;
    const writer = (async () => {
      for (let n = 1; n <= 40; n += 1) await put(n);
      writing = false;
    })();
    const readers = Array.from({ length: 4 }, async () => {
      const seen: Array<number | string> = [];
      while (writing) {
        try {
          const body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
          seen.push(written.get(body) ?? `a body of ${body.length} characters that no PUT wrote`);
        } catch (error) {
          seen.push(`a read that failed: ${(error as Error).message}`);
        }
      }
      return seen;
    });
    await writer;
    const seen = (await Promise.all(readers)).flat();
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.filter((n) => typeof n === 'string')).toEqual([]);
  });

  it('lists, reads back (whole, in part, its head, not modified), copies and deletes what it stored', async () => {
    const s3 = client();
    const bucket = stack.current.bucket;
    await Promise.all(['inbox/a.txt', 'inbox/b.txt'].map((Key, i) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: `article ${i}`, Metadata: { source: `outlet ${i}` } }))));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'inbox/' }));
    expect(listed.Contents?.map((object) => [object.Key, object.Size])).toEqual([
      ['inbox/a.txt', 9],
      ['inbox/b.txt', 9],
    ]);
    const b = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'inbox/b.txt' }));
    expect([await b.Body!.transformToString(), b.Metadata?.source, b.ContentLength]).toEqual(['article 1', 'outlet 1', 9]);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'inbox/b.txt' }));
    expect([head.ContentLength, head.ETag]).toEqual([9, b.ETag]);
    await expect(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'inbox/b.txt', IfNoneMatch: b.ETag }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 304 } });
    const part = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'inbox/b.txt', Range: 'bytes=2-5' }));
    expect([await part.Body!.transformToString(), part.ContentRange]).toEqual(['ticl', 'bytes 2-5/9']);
    await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'rejected/a.txt', CopySource: `${bucket}/inbox/a.txt` }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'inbox/a.txt' }));
    expect((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'inbox/' }))).Contents?.map((object) => object.Key)).toEqual(['inbox/b.txt']);
    const copied = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'rejected/a.txt' }));
    expect([await copied.Body!.transformToString(), copied.Metadata?.source]).toEqual(['article 0', 'outlet 0']);
  });
});
