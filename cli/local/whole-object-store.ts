import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The parts of s3rver's filesystem store (s3rver/lib/stores/filesystem.js) this file builds on. */
interface FilesystemStore {
  getResourcePath(bucket: string, key: string | undefined, resource: 'object' | 'object.md5' | 'metadata.json'): string;
  getMetadata(bucket: string, key: string): Promise<Record<string, string | number>>;
}
interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}
type FilesystemStoreClass = new (directory: string) => FilesystemStore;
type S3ObjectClass = (new (bucket: string, key: string, content: Readable | null, metadata: Record<string, string | number>) => { range?: { start: number; end: number } }) & {
  /** The metadata s3rver keeps besides `x-amz-meta-*`. */
  ALLOWED_METADATA: readonly string[];
};

// s3rver ships no types for its store and object model; the shapes used are declared above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BaseStore = require('s3rver/lib/stores/filesystem') as FilesystemStoreClass;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3Object = require('s3rver/lib/models/object') as S3ObjectClass;

/**
 * s3rver's store with S3's promise to readers: a PUT (or copy) replaces an object whole. s3rver's
 * own store writes an object's bytes into its file in place and reads a file's size before opening
 * it, so a reader of `digest/latest.json` during a publish can get a cut or mixed body, or a
 * response that ends short of its announced length. Here each file of an object (bytes, checksum,
 * metadata) is written beside it under a name the listing ignores and renamed over it once
 * complete, and a read takes its bytes and their length from one open file. The object's metadata
 * is read apart and may be the next version's, which the pipeline never varies for one key.
 */
export class WholeObjectStore extends BaseStore {
  async putObject(object: StoredObject): Promise<{ size: number; md5: string }> {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    const md5 = createHash('md5');
    let size = 0;
    await replaceFile(objectPath, async (temporary) => {
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          md5.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content, counted, createWriteStream(temporary));
    });
    const digest = md5.digest('hex');
    // After the bytes: a reader in between gets the new bytes under the old ETag, and its next
    // conditional read the new ETag; the other way round, it could keep old bytes under the new one.
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  }

  async putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void> {
    const kept = Object.fromEntries(Object.entries(metadata).filter(([name]) => S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-')));
    if (md5) await replaceFile(this.getResourcePath(bucket, key, 'object.md5'), (temporary) => writeFile(temporary, md5));
    await replaceFile(this.getResourcePath(bucket, key, 'metadata.json'), (temporary) => writeFile(temporary, JSON.stringify(kept, null, 2)));
  }

  async copyObject(sourceBucket: string, sourceKey: string, bucket: string, key: string, replacementMetadata?: Record<string, string>): Promise<Record<string, string | number>> {
    const files = ['object', 'object.md5', 'metadata.json'] as const;
    const [source, target] = [files.map((file) => this.getResourcePath(sourceBucket, sourceKey, file)), files.map((file) => this.getResourcePath(bucket, key, file))];
    if (source[0] !== target[0]) await replaceFile(target[0], (temporary) => copyFile(source[0], temporary));
    if (replacementMetadata) await this.putMetadata(bucket, key, replacementMetadata);
    else if (source[0] !== target[0]) for (const i of [1, 2]) await replaceFile(target[i], (temporary) => copyFile(source[i], temporary));
    return this.getMetadata(bucket, key);
  }

  async getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<InstanceType<S3ObjectClass> | null> {
    let file;
    try {
      file = await open(this.getResourcePath(bucket, key, 'object'), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // Read whole from the one open file and closed at once: its bytes and length are one version's,
    // and no file stays open for a response that never reads its body (a HEAD, a 304).
    let bytes: Buffer;
    let modified: Date;
    try {
      [bytes, modified] = await Promise.all([file.readFile(), file.stat().then((stat) => stat.mtime)]);
    } finally {
      await file.close();
    }
    let metadata;
    try {
      metadata = { ...(await this.getMetadata(bucket, key)), 'content-length': bytes.length, 'last-modified': modified.toUTCString() };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const lastByte = Math.max(0, bytes.length - 1);
    const range = { start: options?.start ?? 0, end: Math.min(options?.end || Infinity, lastByte) };
    const satisfiable = range.start >= 0 && range.end >= range.start;
    const object = new S3Object(bucket, key, satisfiable ? Readable.from([bytes.subarray(range.start, range.end + 1)]) : null, metadata);
    if (options !== undefined && (options.start !== undefined || Boolean(options.end))) object.range = range;
    return object;
  }
}

/** Writes a file's next version beside it and renames it into place: a reader opens the old file or the new one, never one being written. */
async function replaceFile(path: string, write: (temporary: string) => Promise<unknown>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // The suffix keeps the file out of s3rver's listing, which lists names ending in `._S3rver_object`.
  const temporary = `${path}.${randomUUID()}.writing`;
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
