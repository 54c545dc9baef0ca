import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbTableStore } from '../../functions/adapters/dynamodb-table-store';
import { RecordingNotifier } from '../../functions/adapters/recording-notifier';
import { S3ObjectStore } from '../../functions/adapters/s3-object-store';
import type { Digest } from '../../functions/core/digest/build-digest';
import { handleS3Event } from '../../functions/ingest/handler';
import { Ledger } from '../../functions/ledger/ledger';
import type { PipelineDependencies } from '../../functions/shared/aws-dependencies';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { createTableInput } from '../../functions/shared/table-definition';
import { injectFaults, retryInjectedFaults, seededRandom } from '../support/fault-injection';
import { s3Event } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';
import { useLocalStack } from '../support/local-stack';

jest.setTimeout(600_000);

/** Per DynamoDB call, before and after: a fault or so per invocation of a few dozen DynamoDB calls. */
const FAULT_RATE = 0.006;
/**
 * Per S3 call: an invocation makes only a few, so at the DynamoDB rate S3 would see about one
 * fault over all the seeds, and some runs none.
 */
const S3_FAULT_RATE = 0.03;
const FAULT_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * Errors and throttling injected into the real DynamoDB and S3 clients (SDK middleware) at random
 * points, on the local mini-AWS. The platform retries a failed invocation; whatever a failure left
 * behind, the retries must converge to exactly the state of a fault-free run.
 */
describe('faults injected into DynamoDB and S3 calls (local mini-AWS)', () => {
  useLocalStack();
  let runs = 0;

  /** The seeds through the handler on a fresh table and bucket; every invocation retried until it succeeds. */
  async function run(faultSeed: number | undefined): Promise<{ digest: Digest; injected: string[]; failedInvocations: number; inbox: string[]; rejected: string[] }> {
    const name = `faults-${(runs += 1)}`;
    const dynamo = new DynamoDBClient({});
    const s3 = new S3Client({ forcePathStyle: true });
    await dynamo.send(new CreateTableCommand(createTableInput(name)));
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    for (const seed of seedFiles()) await s3.send(new PutObjectCommand({ Bucket: name, Key: `inbox/${seed.name}`, Body: seed.bytes }));
    const faults =
      faultSeed === undefined ? [] : [injectFaults([dynamo], seededRandom(faultSeed), FAULT_RATE), injectFaults([s3], seededRandom(faultSeed + 1000), S3_FAULT_RATE)];
    const deps: PipelineDependencies = {
      ledger: new Ledger(new DynamoDbTableStore(name, dynamo)),
      objects: new S3ObjectStore(name, s3),
      notifier: new RecordingNotifier(),
      maxObjectBytes: 1 << 22,
      now: () => new Date('2025-01-20T00:00:00Z'),
    };
    let failedInvocations = 0;
    let minute = 0;
    for (const seed of seedFiles()) {
      const event = s3Event([{ key: `inbox/${seed.name}`, eventTime: new Date(Date.UTC(2025, 0, 17, 12, (minute += 1))).toISOString() }], name);
      failedInvocations += await retryInjectedFaults(() => handleS3Event(event, deps), 50);
    }
    const reader = new S3Client({ forcePathStyle: true });
    const latest = await new S3ObjectStore(name, reader).get(DIGEST_KEYS.latest);
    const list = async (prefix: string) => ((await reader.send(new ListObjectsV2Command({ Bucket: name, Prefix: prefix }))).Contents ?? []).map((object) => object.Key!);
    return { digest: JSON.parse(new TextDecoder().decode(latest!.body)) as Digest, injected: faults.flatMap((injection) => injection.injected), failedInvocations, inbox: await list('inbox/'), rejected: await list('rejected/') };
  }

  function content(digest: Digest) {
    return digest.stories.map((story) => ({
      id: story.id,
      articles: story.articles.map((a) => ({ id: a.id, derivedFrom: a.derivedFrom, duplicateOf: a.duplicateOf })),
      claims: story.claims.map((c) => ({ id: c.id, outlets: c.outlets, independentOutlets: c.independentOutlets, disputed: c.disputed, mentions: c.mentions.map((m) => `${m.articleId}:${m.text}`) })),
    }));
  }

  let expected: ReturnType<typeof content>;
  const injectedPerSeed: number[] = [];
  const injectedKinds: string[] = [];

  beforeAll(async () => {
    expected = content((await run(undefined)).digest);
  });

  it('has a fault-free result to compare with', () => {
    expect(expected).toHaveLength(1);
    expect(expected[0].articles).toHaveLength(5);
  });

  it.each(FAULT_SEEDS)('converges to the fault-free result after retried invocations (fault seed %i)', async (seed) => {
    const { digest, injected, failedInvocations, inbox, rejected } = await run(seed);
    // A fault is never mistaken for bad input: nothing set aside, every upload still in the inbox.
    expect(rejected).toEqual([]);
    expect(inbox).toHaveLength(seedFiles().length);
    injectedPerSeed.push(injected.length);
    // Calls made side by side can fail together: one failed invocation for one or more faults.
    expect(failedInvocations).toBeLessThanOrEqual(injected.length);
    expect(failedInvocations > 0).toBe(injected.length > 0);
    injectedKinds.push(...injected);
    expect(content(digest)).toEqual(expected);
  });

  it('injected faults in both services, before and after calls were applied', () => {
    expect(injectedPerSeed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(FAULT_SEEDS.length);
    const kinds = new Set(injectedKinds);
    // DynamoDB document commands and S3 commands, each failing before and after being applied.
    for (const pattern of [/^before \w+Command$/, /^after \w+Command$/, /(before|after) (Get|Put|Head)ObjectCommand$/, /(before|after) (Get|Put|Query|Update|TransactWrite|BatchGet)Command$/]) {
      expect([...kinds].some((kind) => pattern.test(kind))).toBe(true);
    }
  });
});
