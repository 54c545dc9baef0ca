/**
 * What DynamoDB Local's process spends in CPU on one request of each shape the ingest sends, warm:
 * `npx tsx bench/dynamodb-local-costs.ts` (about a minute). It starts the local stack with its
 * tables in memory, fills term-index partitions, and for each shape times ROUNDS requests after
 * WARM_ROUNDS unmeasured ones (after a first pass over every shape), reading the Java process's CPU from /proc (Linux). The queued
 * runs of `npm run bench` say how many requests of each shape an article sends; this says what
 * each costs the emulator, the serial part of the local stack.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchExecuteStatementCommand, BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack } from '../cli/local/local-stack';
import { processCpuMs } from './process-cpu';

const PARTITIONS = 40;
const ITEMS_PER_PARTITION = 60;
const WARM_ROUNDS = 100;
const ROUNDS = 300;
/** The ingest looks up a story's candidates under this many terms, one query each (LOOKUP_TERMS), 25 stories a term. */
const LOOKUP_TERMS = 12;
const STORIES_PER_TERM = 25;

async function main(): Promise<void> {
  const stack = await startLocalStack();
  try {
    const env = stack.environment;
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.dynamoDbEndpoint, region: env.AWS_REGION, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } }));
    const table = stack.table;
    for (let p = 0; p < PARTITIONS; p += 1) {
      const items = Array.from({ length: ITEMS_PER_PARTITION }, (_, i) => ({ pk: `TERM#w${p}`, sk: `s-${String(i).padStart(9, '0')}-abcdefghij`, storyId: `s-${i}` }));
      for (let i = 0; i < items.length; i += 25) await client.send(new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
      await client.send(new BatchWriteCommand({ RequestItems: { [table]: [{ PutRequest: { Item: { pk: `LSH#w${p}`, sk: 'IDS', ids: new Set(['a0']) } } }] } }));
    }
    const pid = stack.dynamoDbPid;
    const cpuMs = () => {
      const ms = processCpuMs(pid);
      if (ms === undefined) throw new Error('the CPU time of DynamoDB Local is read from /proc: Linux only');
      return ms;
    };
    const terms = (round: number) => Array.from({ length: LOOKUP_TERMS }, (_, i) => `w${(round + i * 3) % PARTITIONS}`);
    const termQuery = (term: string, limit: number) =>
      client.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TERM#${term}` }, ScanIndexForward: false, Limit: limit, ConsistentRead: true }));
    const shapes: Array<[string, (round: number) => Promise<unknown>]> = [
      ['GetItem, one small item', (r) => client.send(new GetCommand({ TableName: table, Key: { pk: `LSH#w${r % PARTITIONS}`, sk: 'IDS' }, ConsistentRead: true }))],
      ['Query, 1 item', (r) => termQuery(`w${r % PARTITIONS}`, 1)],
      [`Query, ${STORIES_PER_TERM} items`, (r) => termQuery(`w${r % PARTITIONS}`, STORIES_PER_TERM)],
      [`${LOOKUP_TERMS} queries of ${STORIES_PER_TERM} items at once (a candidate lookup)`, (r) => Promise.all(terms(r).map((term) => termQuery(term, STORIES_PER_TERM)))],
      [`BatchGetItem, ${LOOKUP_TERMS} small items`, (r) => client.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: terms(r).map((term) => ({ pk: `LSH#${term}`, sk: 'IDS' })), ConsistentRead: true } } }))],
      ['BatchWriteItem, 21 small items (term index entries)', (r) => client.send(new BatchWriteCommand({ RequestItems: { [table]: Array.from({ length: 21 }, (_, i) => ({ PutRequest: { Item: { pk: `TERM#new${r}-${i}`, sk: 's-000000000-abcdefghij', storyId: 's-0' } } })) } }))],
      ['PartiQL batch, 16 set_add updates (LSH bands)', (r) => client.send(new BatchExecuteStatementCommand({ Statements: Array.from({ length: 16 }, (_, i) => ({ Statement: `UPDATE "${table}" SET ids = set_add(ids, ?) WHERE pk = ? AND sk = ?`, Parameters: [new Set([`a${r}`]), `LSH#w${i}`, 'IDS'] })) }))],
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
