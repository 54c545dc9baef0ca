import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPipeline } from '../../cli/commands/local';
import { collectUploads, uploadAll } from '../../cli/upload';
import { parseFeed } from '@rowanmanning/feed-parser';
import { DIGEST_SCHEMA_VERSION, type Digest } from '../../functions/core/digest/build-digest';
import { PUBLISHING_KEYS } from '../../functions/core/publishing/keys';
import type { ObjectIngestOutcome } from '../../functions/ingest/ingest-object';
import { DynamoDbTableStore } from '../../functions/adapters/dynamodb-table-store';
import { Ledger } from '../../functions/ledger/ledger';
import { DIGEST_KEYS, TABLE } from '../../functions/shared/resources';
import { digestSchemaErrors } from '../support/digest-schema';
import { seedFiles } from '../support/seeds';
import { useLocalStack } from '../support/local-stack';
import { eventArticles } from '../support/two-events';

jest.setTimeout(120_000);

/**
 * The real handlers against DynamoDB Local and the S3 emulator, with real SDK clients: an upload
 * makes the emulator emit an event, which goes through the ingest queue to the ingest handler as an
 * SQS batch, and the publish request through the publish queue to the publisher, as on AWS.
 */
describe('upload -> S3 event -> queue -> handler -> DynamoDB -> publisher -> digest, on the local mini-AWS', () => {
  const local = useLocalStack();
  let s3: S3Client;
  let pipeline: ReturnType<typeof startLocalPipeline>;
  const outcomes: ObjectIngestOutcome[] = [];

  beforeAll(async () => {
    pipeline = startLocalPipeline(local.current, { workers: 1, log: () => undefined, onOutcome: (outcome) => outcomes.push(outcome) });
    s3 = new S3Client({ forcePathStyle: true });
  });
  afterAll(async () => pipeline.stop());

  async function put(key: string, body: Uint8Array | string, contentType = 'text/plain') {
    await s3.send(new PutObjectCommand({ Bucket: local.current.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  /** Until the uploads so far are ingested and the digest published. */
  async function settled() {
    await new Promise((r) => setTimeout(r, 50));
    await pipeline.settled();
  }

  async function upload(key: string, body: Uint8Array | string, contentType = 'text/plain') {
    await put(key, body, contentType);
    await settled();
  }

  async function digest(): Promise<Digest> {
    const result = await s3.send(new GetObjectCommand({ Bucket: local.current.bucket, Key: DIGEST_KEYS.latest }));
    return JSON.parse(await result.Body!.transformToString()) as Digest;
  }

  it('ingests the seeds into one story with cross-outlet claims', async () => {
    // One batch, in upload order (one worker).
    for (const seed of seedFiles()) await put(`inbox/${seed.name}`, seed.bytes);
    await settled();
    expect(outcomes.map((o) => o.status)).toEqual(['ingested', 'ingested', 'ingested', 'ingested', 'ingested']);
    const published = await digest();
    expect(digestSchemaErrors(published)).toEqual([]);
    expect(published.stories).toHaveLength(1);
    expect(published.stories[0].articles.map((a) => a.key).sort()).toEqual(seedFiles().map((s) => `inbox/${s.name}`));
    expect(published.stories[0].claims.filter((c) => c.outlets.length >= 3).length).toBeGreaterThanOrEqual(3);

    // The ledger holds the story partition the digest was read from.
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const items = await documents.send(
      new QueryCommand({ TableName: local.current.table, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': TABLE.partitionKey }, ExpressionAttributeValues: { ':pk': `STORY#${published.stories[0].id}` } }),
    );
    expect(items.Items!.filter((i) => String(i.sk).startsWith('ARTICLE#'))).toHaveLength(5);
  });

  it('changes no counts when the same files are uploaded again', async () => {
    const before = await digest();
    outcomes.length = 0;
    for (const seed of seedFiles()) await put(`inbox/${seed.name}`, seed.bytes);
    await settled();
    expect(outcomes).toHaveLength(seedFiles().length);
    expect(outcomes.every((o) => o.status === 'already-processed' || o.status === 'duplicate')).toBe(true);
    const after = await digest();
    expect(after.stories.map((s) => [s.id, s.articles.length, s.claims.length])).toEqual(before.stories.map((s) => [s.id, s.articles.length, s.claims.length]));
    expect(after.version).toBe(before.version);
  });

  it('names the outlets that a folder manifest gives, in any script, as the CLI uploads them', async () => {
    outcomes.length = 0;
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-outlets-'));
    try {
      writeFileSync(join(dir, 'vote.txt'), 'Harbour city elects new mayor\n\nVoters in Port Ellis elected Dana Moreau as mayor on Sunday, ending twelve years of rule by the Harbour Party.');
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ articles: { 'vote.txt': { source: 'Süddeutsche Zeitung' } } }));
      await uploadAll(s3, local.current.bucket, collectUploads([dir], 'inbox/outlets/'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise((r) => setTimeout(r, 50));
    await pipeline.settled();
    expect(outcomes).toEqual([expect.objectContaining({ key: 'inbox/outlets/vote.txt', status: 'ingested' })]);
    const article = (await digest()).stories.flatMap((s) => s.articles).find((a) => a.key === 'inbox/outlets/vote.txt');
    expect(article?.source).toBe('Süddeutsche Zeitung');
  });

  it('decodes keys with spaces, unicode and + as S3 encodes them', async () => {
    outcomes.length = 0;
    const key = 'inbox/the herald/Café + notes.json';
    await upload(key, JSON.stringify({ title: 'Chile earthquake damages homes', body: 'A magnitude 7 earthquake struck northern Chile on Monday, damaging hundreds of homes in the port city of Iquique, officials said.' }), 'application/json');
    expect(outcomes).toEqual([expect.objectContaining({ key, status: 'ingested' })]);
    const article = (await digest()).stories.flatMap((s) => s.articles).find((a) => a.key === key);
    expect(article).toMatchObject({ source: 'the herald', title: 'Chile earthquake damages homes' });
  });

  it('sets bad input aside under rejected/ with a reason and keeps going', async () => {
    outcomes.length = 0;
    await upload('inbox/scan.pdf', Buffer.from('%PDF-1.7\n%\xff\xff binary'), 'application/pdf');
    expect(outcomes).toEqual([expect.objectContaining({ key: 'inbox/scan.pdf', status: 'rejected', code: 'binary' })]);
    const record = await s3.send(new GetObjectCommand({ Bucket: local.current.bucket, Key: 'rejected/scan.pdf.error.json' }));
    expect(JSON.parse(await record.Body!.transformToString())).toMatchObject({ key: 'inbox/scan.pdf', code: 'binary' });
    await expect(s3.send(new HeadObjectCommand({ Bucket: local.current.bucket, Key: 'rejected/scan.pdf' }))).resolves.toBeDefined();
    await expect(s3.send(new HeadObjectCommand({ Bucket: local.current.bucket, Key: 'inbox/scan.pdf' }))).rejects.toThrow();
  });

  it('keeps two similar events in two stories, on DynamoDB Local', async () => {
    const bern = eventArticles('bern', 7);
    const mannheim = eventArticles('mannheim', 7);
    for (const article of [...bern, ...mannheim]) await put(`inbox/boxing/${article.name}.txt`, `${article.title}\n\n${article.text}`);
    await settled();
    const stories = (await digest()).stories.filter((s) => s.articles.some((a) => a.key.startsWith('inbox/boxing/')));
    expect(stories.map((s) => s.articles.map((a) => a.key.replace(/^inbox\/boxing\/|\.txt$/g, '')).sort())).toEqual(
      expect.arrayContaining([bern.map((a) => a.name).sort(), mannheim.map((a) => a.name).sort()]),
    );
    expect(stories).toHaveLength(2);
    const parent = stories.find((s) => s.articles.some((a) => a.key === `inbox/boxing/${bern[0].name}.txt`))!;
    // The first event's partition holds its own articles and mentions only.
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const items = await documents.send(
      new QueryCommand({ TableName: local.current.table, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': TABLE.partitionKey }, ExpressionAttributeValues: { ':pk': `STORY#${parent.id}` } }),
    );
    expect(items.Items!.filter((i) => String(i.sk).startsWith('ARTICLE#')).map((i) => i.key).sort()).toEqual(bern.map((a) => `inbox/boxing/${a.name}.txt`).sort());
    const contents = (await new Ledger(new DynamoDbTableStore(local.current.table, new DynamoDBClient({}))).storyContents(parent.id))!;
    expect(contents.mentions.length).toBeGreaterThan(0);
    expect(contents.mentions.filter((m) => !parent.articles.some((a) => a.id === m.articleId))).toEqual([]);
  });

  it('serves the digest to a plain HTTP GET', async () => {
    const response = await fetch(`${local.current.s3Endpoint}/${local.current.bucket}/${DIGEST_KEYS.latest}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Digest).schemaVersion).toBe(DIGEST_SCHEMA_VERSION);
  });

  it('serves the Atom feed beside the JSON Feed, as application/atom+xml', async () => {
    const response = await fetch(`${local.current.s3Endpoint}/${local.current.bucket}/${PUBLISHING_KEYS.atomPage(1)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml');
    const atom = parseFeed(await response.text());
    expect(atom.meta).toEqual({ type: 'atom', version: '1.0' });
    expect(atom.items.length).toBeGreaterThan(0);
  });
});
