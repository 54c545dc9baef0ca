import { deserialize, serialize } from 'node:v8';
import { TABLE } from '../shared/resources';
import type { QueryOptions, ItemTarget, TableItem, TableKey, TableStore } from '../ports/table-store';

/**
 * In-process TableStore with the same semantics as the DynamoDB adapter (conditional writes,
 * string sets, sorted queries). Used by unit tests, the offline evaluation runs and the benchmark.
 *
 * Items are kept serialized (v8 structured serialization, what structuredClone does), as a
 * database keeps them: a read decodes what it returns and nothing else, and callers never share
 * objects with the store. The layout is chosen for the garbage collector, since the benchmark and the
 * evaluation runs hold a whole corpus in this heap, which a function against DynamoDB does not: each
 * item is one string with no pointers in it, where a Buffer was a JS object plus an external backing
 * store, and a partition is one sorted array of sort keys, where it was two Maps and an array (most
 * partitions, LSH bands and term postings, hold a single item). The benchmark's harness at 21,000
 * articles holds 2.7 GB instead of 3.9 GB.
 */
export class MemoryTableStore implements TableStore {
  /** Serialized items (latin1 strings of v8 serialization) by `${pk}\u0000${sk}`. */
  private readonly items = new Map<string, string>();
  /** Each partition's sort keys in ascending order (DynamoDB compares string keys by code unit, like <). */
  private readonly partitions = new Map<string, string[]>();
  /** The recency-index entry of each item that is in the index, by `${pk}\u0000${sk}`. */
  private readonly indexed = new Map<string, RecencyEntry>();
  /** The recency index: per index partition, entries `${sortKey}\u0000${pk}\u0000${sk}` in ascending order. */
  private readonly recency = new Map<string, string[]>();
  /** Count of calls per operation, so tests and benchmarks can check the cost of an ingest. */
  readonly calls: Record<string, number> = {};
  /**
   * Items the reads returned and their serialized size: what DynamoDB bills as read capacity, and a
   * measure of per-article cost that does not depend on the machine's timing.
   */
  readonly returnedItems = { count: 0, bytes: 0 };

  /** Calls of every operation so far. */
  totalCalls(): number {
    return Object.values(this.calls).reduce((sum, count) => sum + count, 0);
  }

  async get(key: TableKey): Promise<TableItem | undefined> {
    this.count('get');
    return this.returned(key.pk, key.sk);
  }

  async batchGet(keys: readonly TableKey[]): Promise<TableItem[]> {
    this.count('batchGet');
    return keys.map((key) => this.returned(key.pk, key.sk)).filter((item): item is TableItem => item !== undefined);
  }

  /** Like DynamoDB, reads only the items it returns: sort keys are kept in order, so a Limit bounds the work. */
  async query(pk: string, options: QueryOptions = {}): Promise<TableItem[]> {
    this.count('query');
    const sks = this.partitions.get(pk);
    if (!sks) return [];
    let from = 0;
    let to = sks.length;
    if (options.skPrefix) {
      from = lowerBound(sks, options.skPrefix);
      to = lowerBound(sks, `${options.skPrefix}\uffff`, from);
      while (to < sks.length && sks[to].startsWith(options.skPrefix)) to += 1;
    }
    const count = options.limit ? Math.min(options.limit, to - from) : to - from;
    const result: TableItem[] = [];
    for (let i = 0; i < count; i += 1) result.push(this.returned(pk, sks[options.descending ? to - 1 - i : from + i])!);
    return result;
  }

  async queryRecent(partition: string, limit: number): Promise<TableItem[]> {
    this.count('queryRecent');
    const entries = this.recency.get(partition) ?? [];
    const result: TableItem[] = [];
    for (let i = entries.length - 1; i >= 0 && result.length < limit; i -= 1) {
      const [, pk, sk] = entries[i].split('\u0000');
      result.push(this.returned(pk, sk)!);
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
      const itemKey = itemKeyOf(key.pk, key.sk);
      if (!this.items.delete(itemKey)) continue;
      this.unindex(itemKey);
      const sks = this.partitions.get(key.pk)!;
      sks.splice(lowerBound(sks, key.sk), 1);
      if (sks.length === 0) this.partitions.delete(key.pk);
    }
  }

  async putIfAbsent(item: TableItem): Promise<boolean> {
    this.count('putIfAbsent');
    if (this.items.has(itemKeyOf(item.pk, item.sk))) return false;
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

  async countOnce(marker: TableItem, counters: readonly ItemTarget[], attribute: string): Promise<boolean> {
    this.count('countOnce');
    if (this.read(marker.pk, marker.sk) !== undefined) return false;
    this.write(marker);
    for (const { key } of counters) {
      const current = this.read(key.pk, key.sk) ?? { ...key };
      this.write({ ...current, [attribute]: Number(current[attribute] ?? 0) + 1 });
    }
    return true;
  }

  async putIfGreater(item: TableItem, attribute: string): Promise<boolean> {
    this.count('putIfGreater');
    const current = this.read(item.pk, item.sk);
    if (current !== undefined && !(Number(current[attribute]) < Number(item[attribute]))) return false;
    this.write(item);
    return true;
  }

  async addToSets(targets: readonly ItemTarget[], attribute: string, value: string): Promise<void> {
    this.count('addToSets');
    for (const { key } of targets) {
      const current = this.read(key.pk, key.sk) ?? { ...key };
      const set = (current[attribute] as Set<string> | undefined) ?? new Set<string>();
      set.add(value);
      this.write({ ...current, [attribute]: set });
    }
  }

  async setIfUnset(key: TableKey, attribute: string, value: string, replacing?: string): Promise<boolean> {
    this.count('setIfUnset');
    const current = this.read(key.pk, key.sk);
    if (current === undefined || (current[attribute] !== undefined && (replacing === undefined || current[attribute] !== replacing))) return false;
    this.write({ ...current, [attribute]: value });
    return true;
  }

  async increment(key: TableKey, attribute: string, by: number): Promise<number> {
    this.count('increment');
    const current = this.read(key.pk, key.sk) ?? { ...key };
    const value = Number(current[attribute] ?? 0) + by;
    this.write({ ...current, [attribute]: value });
    return value;
  }

  /** A fresh copy of the stored item, counted as returned to the caller. */
  private returned(pk: string, sk: string): TableItem | undefined {
    const stored = this.items.get(itemKeyOf(pk, sk));
    if (stored !== undefined) {
      this.returnedItems.count += 1;
      this.returnedItems.bytes += stored.length;
    }
    return decoded(stored);
  }

  /** A fresh copy of the stored item. */
  private read(pk: string, sk: string): TableItem | undefined {
    return decoded(this.items.get(itemKeyOf(pk, sk)));
  }

  private write(item: TableItem): void {
    const itemKey = itemKeyOf(item.pk, item.sk);
    if (this.items.has(itemKey)) this.unindex(itemKey);
    else {
      const sks = this.partitions.get(item.pk);
      if (sks) sks.splice(lowerBound(sks, item.sk), 0, item.sk);
      else this.partitions.set(item.pk, [item.sk]);
    }
    this.items.set(itemKey, serialize(item).toString('latin1'));
    this.index(itemKey, item);
  }

  private index(itemKey: string, item: TableItem): void {
    const entry = recencyEntry(item);
    if (!entry) return;
    this.indexed.set(itemKey, entry);
    let entries = this.recency.get(entry.partition);
    if (!entries) {
      entries = [];
      this.recency.set(entry.partition, entries);
    }
    entries.splice(lowerBound(entries, entry.key), 0, entry.key);
  }

  private unindex(itemKey: string): void {
    const entry = this.indexed.get(itemKey);
    if (!entry) return;
    this.indexed.delete(itemKey);
    const entries = this.recency.get(entry.partition)!;
    const at = lowerBound(entries, entry.key);
    if (entries[at] === entry.key) entries.splice(at, 1);
  }

  private count(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }
}

function decoded(stored: string | undefined): TableItem | undefined {
  return stored === undefined ? undefined : (deserialize(Buffer.from(stored, 'latin1')) as TableItem);
}

function itemKeyOf(pk: string, sk: string): string {
  return `${pk}\u0000${sk}`;
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
