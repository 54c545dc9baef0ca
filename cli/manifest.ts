import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * A folder's manifest.json: what a crawler knows about each file besides its bytes, sent with the
 * upload as S3 user metadata, which the parser reads before anything in the document:
 *
 *   { "articles": { "004_2aa31278f9d7b48c.txt": { "source": "Los Angeles Times", "why": "..." } } }
 *
 * `why` says where the value comes from, for people; it is not uploaded.
 */
export const MANIFEST_FILE = 'manifest.json';

const entrySchema = z
  .object({
    source: z.string().trim().min(1).optional(),
    publishedAt: z.string().trim().min(1).optional(),
    url: z.string().url().optional(),
    why: z.string().optional(),
  })
  .strict();

const manifestSchema = z.object({ about: z.string().optional(), articles: z.record(z.string(), entrySchema) }).strict();

export type ManifestEntry = z.infer<typeof entrySchema>;

/** The S3 user metadata names the parser reads (parse-article.ts). */
const METADATA_NAMES = { source: 'source', publishedAt: 'published-at', url: 'url' } as const;

export class ManifestError extends Error {}

/**
 * The metadata per file (paths relative to the folder, with '/') of `directory`'s manifest; an
 * empty map when it has none. A manifest that is not valid, or names a file the folder does not
 * hold, is an error: uploading without the outlets it names would publish the wrong ones.
 */
export function readManifest(directory: string, files: ReadonlySet<string>): Map<string, Record<string, string>> {
  const path = join(directory, MANIFEST_FILE);
  if (!existsSync(path)) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ManifestError(`${path} is not valid JSON (${(error as Error).message})`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`).join('; ');
    throw new ManifestError(`${path} is not a manifest ({"articles": {"<file>": {"source": "..."}}}): ${issues}`);
  }
  const metadata = new Map<string, Record<string, string>>();
  for (const [file, entry] of Object.entries(result.data.articles)) {
    if (!files.has(file)) throw new ManifestError(`${path} names ${file}, which is not in ${directory}`);
    metadata.set(file, metadataOf(entry));
  }
  return metadata;
}

function metadataOf(entry: ManifestEntry): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [field, name] of Object.entries(METADATA_NAMES) as Array<[keyof typeof METADATA_NAMES, string]>) {
    const value = entry[field];
    if (value !== undefined) metadata[name] = value;
  }
  return metadata;
}
