import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { BUCKET_PREFIXES } from '../functions/shared/resources';

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
}

/** Files named on the command line, directories expanded (hidden files skipped), in a stable order. */
export function collectUploads(paths: readonly string[], prefix: string = BUCKET_PREFIXES.inbox): UploadItem[] {
  const items: UploadItem[] = [];
  for (const path of paths) {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const file of walk(path)) items.push({ path: file, key: `${prefix}${relative(path, file).split('\\').join('/')}` });
    } else {
      items.push({ path, key: `${prefix}${basename(path)}` });
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
        new PutObjectCommand({ Bucket: bucket, Key: item.key, Body: readFileSync(item.path), ContentType: CONTENT_TYPES[extension] ?? 'application/octet-stream' }),
      );
      done += 1;
      onProgress(done, items.length, item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
