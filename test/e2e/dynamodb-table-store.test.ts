import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbTableStore } from '../../functions/adapters/dynamodb-table-store';
import { createTableInput } from '../../functions/shared/table-definition';
import { useLocalStack } from '../support/local-stack';

jest.setTimeout(120_000);

/** The DynamoDB adapter's batched writes against DynamoDB Local. */
describe('DynamoDbTableStore (DynamoDB Local)', () => {
  useLocalStack();
  let table: DynamoDbTableStore;
  beforeAll(async () => {
    const client = new DynamoDBClient({});
    await client.send(new CreateTableCommand(createTableInput('sets')));
    table = new DynamoDbTableStore('sets', client);
  });

  const idsOf = async (pk: string) => [...(((await table.get({ pk, sk: 'IDS' }))?.ids as Set<string> | undefined) ?? [])].sort();

  it('adds to sets in batches, whether or not the caller knew that the item exists', async () => {
    await table.putAll([{ pk: 'LSH#known', sk: 'IDS', ids: new Set(['a']) }, { pk: 'LSH#created-meanwhile', sk: 'IDS', ids: new Set(['c']) }]);
    const many = Array.from({ length: 30 }, (_, i) => ({ key: { pk: `LSH#new-${i}`, sk: 'IDS' }, exists: false }));
    await table.addToSets(
      [
        { key: { pk: 'LSH#known', sk: 'IDS' }, exists: true },
        // Read as absent, then created by another writer before this one: an INSERT that meets an item.
        { key: { pk: 'LSH#created-meanwhile', sk: 'IDS' }, exists: false },
        // Read as present but absent now: an UPDATE that meets no item.
        { key: { pk: 'LSH#gone', sk: 'IDS' }, exists: true },
        ...many,
      ],
      'ids',
      'b',
    );
    expect(await idsOf('LSH#known')).toEqual(['a', 'b']);
    expect(await idsOf('LSH#created-meanwhile')).toEqual(['b', 'c']);
    expect(await idsOf('LSH#gone')).toEqual(['b']);
    for (let i = 0; i < 30; i += 1) expect(await idsOf(`LSH#new-${i}`)).toEqual(['b']);
  });

  it('adds the same value twice as once', async () => {
    await table.addToSets([{ key: { pk: 'LSH#twice', sk: 'IDS' }, exists: false }], 'ids', 'x');
    await table.addToSets([{ key: { pk: 'LSH#twice', sk: 'IDS' }, exists: false }], 'ids', 'x');
    expect(await idsOf('LSH#twice')).toEqual(['x']);
  });

  it('sets an attribute only on an existing item that has none, or holds the value being replaced', async () => {
    await table.putAll([{ pk: 'ARTICLE#a', sk: 'META', title: 't' }]);
    const key = { pk: 'ARTICLE#a', sk: 'META' };
    expect(await table.setIfUnset(key, 'duplicateOf', 'x')).toBe(true);
    expect(await table.setIfUnset(key, 'duplicateOf', 'y')).toBe(false);
    expect(await table.setIfUnset(key, 'duplicateOf', 'z', 'y')).toBe(false);
    expect(await table.get(key)).toEqual({ pk: 'ARTICLE#a', sk: 'META', title: 't', duplicateOf: 'x' });
    expect(await table.setIfUnset(key, 'duplicateOf', 'z', 'x')).toBe(true);
    expect((await table.get(key))?.duplicateOf).toBe('z');
    expect(await table.setIfUnset({ pk: 'ARTICLE#none', sk: 'META' }, 'duplicateOf', 'x')).toBe(false);
    expect(await table.get({ pk: 'ARTICLE#none', sk: 'META' })).toBeUndefined();
  });

  it('counts at most once per marker, creating counters and adding to those it was told exist or not', async () => {
    await table.putAll([{ pk: 'TERMCOUNT#known', sk: 'COUNT', count: 4 }, { pk: 'TERMCOUNT#created-meanwhile', sk: 'COUNT', count: 1 }]);
    const counters = [
      { key: { pk: 'TERMCOUNT#known', sk: 'COUNT' }, exists: true },
      { key: { pk: 'TERMCOUNT#created-meanwhile', sk: 'COUNT' }, exists: false },
      { key: { pk: 'TERMCOUNT#gone', sk: 'COUNT' }, exists: true },
      ...Array.from({ length: 30 }, (_, i) => ({ key: { pk: `TERMCOUNT#new-${i}`, sk: 'COUNT' }, exists: false })),
    ];
    expect(await table.countOnce({ pk: 'ARTICLE#a', sk: 'TERMS' }, counters, 'count')).toBe(true);
    expect(await table.countOnce({ pk: 'ARTICLE#a', sk: 'TERMS' }, counters, 'count')).toBe(false);
    const count = async (pk: string) => (await table.get({ pk, sk: 'COUNT' }))?.count;
    expect(await count('TERMCOUNT#known')).toBe(5);
    expect(await count('TERMCOUNT#created-meanwhile')).toBe(2);
    expect(await count('TERMCOUNT#gone')).toBe(1);
    for (let i = 0; i < 30; i += 1) expect(await count(`TERMCOUNT#new-${i}`)).toBe(1);
    expect(await table.countOnce({ pk: 'ARTICLE#b', sk: 'TERMS' }, counters.slice(0, 1), 'count')).toBe(true);
    expect(await count('TERMCOUNT#known')).toBe(6);
  });
});
