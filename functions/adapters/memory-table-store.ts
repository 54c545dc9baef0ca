import { TABLE } from '../shared/resources';
import type { QueryOptions, TableItem, TableKey, TableStore } from '../ports/table-store';

/**
 * In-process TableStore with the same semantics as the DynamoDB adapter (conditional writes,
 * string sets, sorted queries). Used by unit tests and by the offline evaluation runs.
 */
export class MemoryTableStore implements TableStore {
  private readonly partitions = new Map<string, Map<string, TableItem>>();
  /** Count of calls per operation, so tests and benchmarks can check the cost of an ingest. */
  readonly calls: Record<string, number> = {};

  async get(key: TableKey): Promise<TableItem | undefined> {
    this.count('get');
    return clone(this.partitions.get(key.pk)?.get(key.sk));
  }

  async batchGet(keys: readonly TableKey[]): Promise<TableItem[]> {
    this.count('batchGet');
    return keys.map((key) => this.partitions.get(key.pk)?.get(key.sk)).filter((item): item is TableItem => item !== undefined).map((item) => clone(item)!);
  }

  async query(pk: string, options: QueryOptions = {}): Promise<TableItem[]> {
    this.count('query');
    const partition = this.partitions.get(pk);
    if (!partition) return [];
    let items = [...partition.values()].filter((item) => !options.skPrefix || item.sk.startsWith(options.skPrefix));
    items.sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
    if (options.descending) items.reverse();
    if (options.limit) items = items.slice(0, options.limit);
    return items.map((item) => clone(item)!);
  }

  async queryRecent(partition: string, limit: number): Promise<TableItem[]> {
    this.count('queryRecent');
    const { partitionKey, sortKey } = TABLE.recencyIndex;
    const items: TableItem[] = [];
    // A linear pass is fine in memory; on DynamoDB this is a query of a secondary index.
    for (const items_ of this.partitions.values()) for (const item of items_.values()) if (item[partitionKey] === partition) items.push(item);
    items.sort((a, b) => (String(a[sortKey]) < String(b[sortKey]) ? 1 : String(a[sortKey]) > String(b[sortKey]) ? -1 : 0));
    return items.slice(0, limit).map((item) => clone(item)!);
  }

  async putAll(items: readonly TableItem[]): Promise<void> {
    this.count('putAll');
    for (const item of items) this.write(item);
  }

  async putIfAbsent(item: TableItem): Promise<boolean> {
    this.count('putIfAbsent');
    if (this.partitions.get(item.pk)?.has(item.sk)) return false;
    this.write(item);
    return true;
  }

  async transactPut(guarded: TableItem & { revision: number }, expectedRevision: number | undefined, others: readonly TableItem[]): Promise<boolean> {
    this.count('transactPut');
    const current = this.partitions.get(guarded.pk)?.get(guarded.sk);
    if (expectedRevision === undefined ? current !== undefined : current?.revision !== expectedRevision) return false;
    for (const item of [guarded, ...others]) this.write(item);
    return true;
  }

  async putIfGreater(item: TableItem, attribute: string): Promise<boolean> {
    this.count('putIfGreater');
    const current = this.partitions.get(item.pk)?.get(item.sk);
    if (current !== undefined && !(Number(current[attribute]) < Number(item[attribute]))) return false;
    this.write(item);
    return true;
  }

  async addToSet(key: TableKey, attribute: string, values: readonly string[]): Promise<void> {
    this.count('addToSet');
    if (values.length === 0) return;
    const current = this.partitions.get(key.pk)?.get(key.sk) ?? { ...key };
    const set = new Set<string>((current[attribute] as Set<string> | undefined) ?? []);
    for (const value of values) set.add(value);
    this.write({ ...current, [attribute]: set });
  }

  async increment(key: TableKey, attribute: string, by: number): Promise<number> {
    this.count('increment');
    const current = this.partitions.get(key.pk)?.get(key.sk) ?? { ...key };
    const value = Number(current[attribute] ?? 0) + by;
    this.write({ ...current, [attribute]: value });
    return value;
  }

  private write(item: TableItem): void {
    let partition = this.partitions.get(item.pk);
    if (!partition) {
      partition = new Map();
      this.partitions.set(item.pk, partition);
    }
    partition.set(item.sk, clone(item)!);
  }

  private count(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
