/**
 * What DynamoDB Local's process spends in CPU on one request of each shape the ingest sends, warm:
 * `npx tsx bench/dynamodb-local-costs.ts` (about a minute). It starts the local stack with its
 * tables in memory, fills term-index partitions, and for each shape times ROUNDS requests after
 * WARM_ROUNDS unmeasured ones (after a first pass over every shape), reading the Java process's
 * CPU from /proc (Linux). The queued runs of `npm run bench` say how many requests of each shape
 * an article sends; this says what each costs the emulator, the serial part of the local stack.
 */
import { BatchExecuteStatementCommand, BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { localDynamoClient, startLocalStack } from '../cli/local/local-stack';
import { LSH_LAYOUT } from '../functions/core/fingerprint/minhash';
import { LOOKUP_TERMS } from '../functions/core/stories/term-vector';
import { keys, termPartition } from '../functions/ledger/keys';
import { STORIES_PER_TERM } from '../functions/ledger/ledger';
import { processCpuMs } from './process-cpu';

const PARTITIONS = 40;
const ITEMS_PER_PARTITION = 60;
const WARM_ROUNDS = 100;
const ROUNDS = 300;
/** Term index entries an article adds, on average in the queued runs (docs/benchmarks.md). */
const TERM_ENTRIES_ADDED = 21;

async function main(): Promise<void> {
  const stack = await startLocalStack();
  try {
    const client = DynamoDBDocumentClient.from(localDynamoClient(stack.dynamoDbEndpoint, stack.environment.AWS_REGION));
    const table = stack.table;
    for (let p = 0; p < PARTITIONS; p += 1) {
      const items = Array.from({ length: ITEMS_PER_PARTITION }, (_, i) => ({ ...keys.storyTerm(`w${p}`, `s-${String(i).padStart(9, '0')}-abcdefghij`), storyId: `s-${i}` }));
      for (let i = 0; i < items.length; i += 25) await client.send(new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
      await client.send(new BatchWriteCommand({ RequestItems: { [table]: [{ PutRequest: { Item: { ...keys.lshBand(`w${p}`), ids: new Set(['a0']) } } }] } }));
    }
    const pid = stack.dynamoDbPid;
    const cpuMs = () => {
      const ms = processCpuMs(pid);
      if (ms === undefined) throw new Error('the CPU time of DynamoDB Local is read from /proc: Linux only');
      return ms;
    };
    const terms = (round: number) => Array.from({ length: LOOKUP_TERMS }, (_, i) => `w${(round + i * 3) % PARTITIONS}`);
    const termQuery = (term: string, limit: number) =>
      client.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': termPartition(term) }, ScanIndexForward: false, Limit: limit, ConsistentRead: true }));
    const shapes: Array<[string, (round: number) => Promise<unknown>]> = [
      ['GetItem, one small item', (r) => client.send(new GetCommand({ TableName: table, Key: keys.lshBand(`w${r % PARTITIONS}`), ConsistentRead: true }))],
      ['Query, 1 item', (r) => termQuery(`w${r % PARTITIONS}`, 1)],
      [`Query, ${STORIES_PER_TERM} items`, (r) => termQuery(`w${r % PARTITIONS}`, STORIES_PER_TERM)],
      [`${LOOKUP_TERMS} queries of ${STORIES_PER_TERM} items at once (a candidate lookup)`, (r) => Promise.all(terms(r).map((term) => termQuery(term, STORIES_PER_TERM)))],
      [`BatchGetItem, ${LOOKUP_TERMS} small items`, (r) => client.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: terms(r).map(keys.lshBand), ConsistentRead: true } } }))],
      [`BatchWriteItem, ${TERM_ENTRIES_ADDED} small items (term index entries)`, (r) => client.send(new BatchWriteCommand({ RequestItems: { [table]: Array.from({ length: TERM_ENTRIES_ADDED }, (_, i) => ({ PutRequest: { Item: { ...keys.storyTerm(`new${r}-${i}`, 's-000000000-abcdefghij'), storyId: 's-0' } } })) } }))],
      [`PartiQL batch, ${LSH_LAYOUT.bands} set_add updates (LSH bands)`, (r) => client.send(new BatchExecuteStatementCommand({ Statements: Array.from({ length: LSH_LAYOUT.bands }, (_, i) => ({ Statement: `UPDATE "${table}" SET ids = set_add(ids, ?) WHERE pk = ? AND sk = ?`, Parameters: [new Set([`a${r}`]), keys.lshBand(`w${i}`).pk, keys.lshBand(`w${i}`).sk] })) }))],
    ];
    // The JVM compiles its hot paths in threads of its own, whose CPU counts for the process: a first
    // pass over every shape warms them, and only the second is printed.
    for (const pass of ['warm-up', 'measured']) {
      if (pass === 'measured') process.stdout.write('| request (warm) | DynamoDB Local CPU ms | wall ms |\n|---|---|---|\n');
      for (const [name, send] of shapes) {
        for (let round = 0; round < WARM_ROUNDS; round += 1) await send(round);
        const cpuBefore = cpuMs();
        const started = performance.now();
        for (let round = 0; round < ROUNDS; round += 1) await send(WARM_ROUNDS + round);
        if (pass === 'measured') process.stdout.write(`| ${name} | ${((cpuMs() - cpuBefore) / ROUNDS).toFixed(2)} | ${((performance.now() - started) / ROUNDS).toFixed(2)} |\n`);
      }
    }
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
