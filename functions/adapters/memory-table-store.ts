import { deserialize, serialize } from 'node:v8';
import { TABLE } from '../shared/resources';
import type { QueryOptions, TableItem, TableKey, TableStore } from '../ports/table-store';

/**
 * In-process TableStore with the same semantics as the DynamoDB adapter (conditional writes,
 * string sets, sorted queries). Used by unit tests, the offline evaluation runs and the benchmark.
 *
 * Items are kept serialized (v8 structured serialization, what structuredClone does), as a
 * database keeps them: a read decodes what it returns and nothing else, callers never share objects
 * with the store, and a large table is a few buffers per item for the garbage collector rather than
 * every object of every item, so the cost of an operation does not grow with the table.
 */
export class MemoryTableStore implements TableStore {
  private readonly partitions = new Map<string, Partition>();
  /** The recency index: per index partition, entries `${sortKey}\u0000${pk}\u0000${sk}` in ascending order. */
  private readonly recency = new Map<string, string[]>();
  /** Count of calls per operation, so tests and benchmarks can check the cost of an ingest. */
  readonly calls: Record<string, number> = {};

  async get(key: TableKey): Promise<TableItem | undefined> {
    this.count('get');
    return this.read(key.pk, key.sk);
  }

  async batchGet(keys: readonly TableKey[]): Promise<TableItem[]> {
    this.count('batchGet');
    return keys.map((key) => this.read(key.pk, key.sk)).filter((item): item is TableItem => item !== undefined);
  }

  /** Like DynamoDB, reads only the items it returns: sort keys are kept in order, so a Limit bounds the work. */
  async query(pk: string, options: QueryOptions = {}): Promise<TableItem[]> {
    this.count('query');
    const partition = this.partitions.get(pk);
    if (!partition) return [];
    const { sks } = partition;
    let from = 0;
    let to = sks.length;
    if (options.skPrefix) {
      from = lowerBound(sks, options.skPrefix);
      to = lowerBound(sks, `${options.skPrefix}\uffff`, from);
      while (to < sks.length && sks[to].startsWith(options.skPrefix)) to += 1;
    }
    const count = options.limit ? Math.min(options.limit, to - from) : to - from;
    const result: TableItem[] = [];
    for (let i = 0; i < count; i += 1) result.push(this.read(pk, sks[options.descending ? to - 1 - i : from + i])!);
    return result;
  }

  async queryRecent(partition: string, limit: number): Promise<TableItem[]> {
    this.count('queryRecent');
    const entries = this.recency.get(partition) ?? [];
    const result: TableItem[] = [];
    for (let i = entries.length - 1; i >= 0 && result.length < limit; i -= 1) {
      const [, pk, sk] = entries[i].split('\u0000');
      result.push(this.read(pk, sk)!);
    }
    return result;
  }

  async putAll(items: readonly TableItem[]): Promise<void> {
    this.count('putAll');
    for (const item of items) this.write(item);
  }

  async deleteAll(keys: readonly TableKey[]): Promise<void> {
    this.count('deleteAll');
    for (const key of keys) {
      const partition = this.partitions.get(key.pk);
      if (!partition?.items.has(key.sk)) continue;
      this.unindex(partition, key.sk);
      partition.items.delete(key.sk);
      partition.sks.splice(lowerBound(partition.sks, key.sk), 1);
    }
  }

  async putIfAbsent(item: TableItem): Promise<boolean> {
    this.count('putIfAbsent');
    if (this.partitions.get(item.pk)?.items.has(item.sk)) return false;
    this.write(item);
    return true;
  }

  async transactPut(guarded: TableItem & { revision: number }, expectedRevision: number | undefined, others: readonly TableItem[]): Promise<boolean> {
    this.count('transactPut');
    const current = this.read(guarded.pk, guarded.sk);
    if (expectedRevision === undefined ? current !== undefined : current?.revision !== expectedRevision) return false;
    for (const item of [guarded, ...others]) this.write(item);
    return true;
  }

  async putIfGreater(item: TableItem, attribute: string): Promise<boolean> {
    this.count('putIfGreater');
    const current = this.read(item.pk, item.sk);
    if (current !== undefined && !(Number(current[attribute]) < Number(item[attribute]))) return false;
    this.write(item);
    return true;
  }

  async addToSet(key: TableKey, attribute: string, values: readonly string[], maxSize?: number): Promise<boolean> {
    this.count('addToSet');
    if (values.length === 0) return true;
    const current = this.read(key.pk, key.sk) ?? { ...key };
    const stored = current[attribute] as Set<string> | undefined;
    if (maxSize !== undefined && stored && stored.size >= maxSize) return false;
    const set = stored ?? new Set<string>();
    for (const value of values) set.add(value);
    this.write({ ...current, [attribute]: set });
    return true;
  }

  async increment(key: TableKey, attribute: string, by: number): Promise<number> {
    this.count('increment');
    const current = this.read(key.pk, key.sk) ?? { ...key };
    const value = Number(current[attribute] ?? 0) + by;
    this.write({ ...current, [attribute]: value });
    return value;
  }

  /** A fresh copy of the stored item. */
  private read(pk: string, sk: string): TableItem | undefined {
    const bytes = this.partitions.get(pk)?.items.get(sk);
    return bytes === undefined ? undefined : (deserialize(bytes) as TableItem);
  }

  private write(item: TableItem): void {
    let partition = this.partitions.get(item.pk);
    if (!partition) {
      partition = { items: new Map(), sks: [], indexed: new Map() };
      this.partitions.set(item.pk, partition);
    }
    if (partition.items.has(item.sk)) this.unindex(partition, item.sk);
    else partition.sks.splice(lowerBound(partition.sks, item.sk), 0, item.sk);
    partition.items.set(item.sk, serialize(item));
    this.index(partition, item);
  }

  private index(partition: Partition, item: TableItem): void {
    const entry = recencyEntry(item);
    if (!entry) return;
    partition.indexed.set(item.sk, entry);
    let entries = this.recency.get(entry.partition);
    if (!entries) {
      entries = [];
      this.recency.set(entry.partition, entries);
    }
    entries.splice(lowerBound(entries, entry.key), 0, entry.key);
  }

  private unindex(partition: Partition, sk: string): void {
    const entry = partition.indexed.get(sk);
    if (!entry) return;
    partition.indexed.delete(sk);
    const entries = this.recency.get(entry.partition)!;
    const at = lowerBound(entries, entry.key);
    if (entries[at] === entry.key) entries.splice(at, 1);
  }

  private count(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }
}

interface Partition {
  /** Serialized items by sort key. */
  items: Map<string, Buffer>;
  /** The items' sort keys in ascending order (DynamoDB compares string keys by code unit, like <). */
  sks: string[];
  /** The recency-index entry of each item that is in the index. */
  indexed: Map<string, RecencyEntry>;
}

interface RecencyEntry {
  partition: string;
  key: string;
}

function recencyEntry(item: TableItem): RecencyEntry | undefined {
  const { partitionKey, sortKey } = TABLE.recencyIndex;
  const partition = item[partitionKey];
  // A sparse index: only items that have both attributes are in it.
  if (typeof partition !== 'string' || item[sortKey] === undefined) return undefined;
  return { partition, key: `${String(item[sortKey])}\u0000${item.pk}\u0000${item.sk}` };
}

/** First index at or after `from` whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string, from = 0): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
