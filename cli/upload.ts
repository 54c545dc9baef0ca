import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { encodeMetadataValue } from '../functions/core/parse/metadata-value';
import { BUCKET_PREFIXES } from '../functions/shared/resources';
import { MANIFEST_FILE, readManifest } from './manifest';

const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  json: 'application/json',
};

export interface UploadItem {
  path: string;
  key: string;
  /** S3 user metadata from the folder's manifest (source, published-at, url). */
  metadata?: Record<string, string>;
}

/**
 * Files named on the command line, directories expanded (hidden files skipped), in a stable order.
 * A directory's manifest.json is not uploaded: it gives the metadata of the files it names.
 */
export function collectUploads(paths: readonly string[], prefix: string = BUCKET_PREFIXES.inbox): UploadItem[] {
  const items: UploadItem[] = [];
  for (const path of paths) {
    const stats = statSync(path);
    if (!stats.isDirectory()) {
      items.push({ path, key: `${prefix}${basename(path)}` });
      continue;
    }
    const files = new Map(walk(path).map((file) => [relative(path, file).split('\\').join('/'), file]));
    files.delete(MANIFEST_FILE);
    const manifest = readManifest(path, new Set(files.keys()));
    for (const [name, file] of files) {
      const metadata = manifest.get(name);
      items.push({ path: file, key: `${prefix}${name}`, ...(metadata ? { metadata } : {}) });
    }
  }
  return items;
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(directory, entry.name)) : [join(directory, entry.name)]));
}

export async function uploadAll(
  s3: S3Client,
  bucket: string,
  items: readonly UploadItem[],
  onProgress: (done: number, total: number, item: UploadItem) => void = () => undefined,
  concurrency = 8,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      const extension = /\.([a-z0-9]+)$/i.exec(item.path)?.[1]?.toLowerCase() ?? '';
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: item.key,
          Body: readFileSync(item.path),
          ContentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
          ...(item.metadata ? { Metadata: encodeMetadata(item.metadata) } : {}),
        }),
      );
      done += 1;
      onProgress(done, items.length, item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** S3 user metadata travels as HTTP headers: values outside ASCII go as RFC 2047 encoded words, as S3 documents. */
function encodeMetadata(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([name, value]) => [name, encodeMetadataValue(value)]));
}
