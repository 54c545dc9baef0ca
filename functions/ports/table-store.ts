/**
 * The storage port: the few key-based operations the ledger needs from a single-table store.
 * There is deliberately no scan: every read names a partition.
 */
export interface TableKey {
  pk: string;
  sk: string;
}

export type TableItem = TableKey & Record<string, unknown>;

export interface QueryOptions {
  skPrefix?: string;
  /** Highest sort keys first. */
  descending?: boolean;
  limit?: number;
}

/**
 * An item to write to, and whether the caller's last read found it: it picks the cheaper write, and
 * an item created or removed meanwhile is still handled (see TableStore.addToSets, countOnce).
 */
export interface ItemTarget {
  key: TableKey;
  exists: boolean;
}

export interface TableStore {
  get(key: TableKey): Promise<TableItem | undefined>;
  /** Items that exist among the keys, in no particular order. */
  batchGet(keys: readonly TableKey[]): Promise<TableItem[]>;
  query(pk: string, options?: QueryOptions): Promise<TableItem[]>;
  /** Query the recency index: items whose index partition is `partition`, newest first. */
  queryRecent(partition: string, limit: number): Promise<TableItem[]>;
  /** Writes unconditionally. */
  putAll(items: readonly TableItem[]): Promise<void>;
  /** Deletes the items with these keys (absent ones are no error). */
  deleteAll(keys: readonly TableKey[]): Promise<void>;
  /** Writes only if no item has this key; false when one already does. */
  putIfAbsent(item: TableItem): Promise<boolean>;
  /**
   * Writes all items or none. The first item is written only if its stored `revision` equals
   * `expectedRevision` (absent for a new item); the rest unconditionally. False when the condition
   * failed or a concurrent transaction got in the way: the caller re-reads and tries again.
   */
  transactPut(guarded: TableItem & { revision: number }, expectedRevision: number | undefined, others: readonly TableItem[]): Promise<boolean>;
  /** Writes only if the stored item's numeric `attribute` is lower than the new one (or the item is absent). */
  putIfGreater(item: TableItem, attribute: string): Promise<boolean>;
  /**
   * Adds `value` to the string-set `attribute` of each item, creating the items that do not exist,
   * in as few requests as the store allows. `exists` is what the caller last read of each item (it
   * picks the cheaper write); an item created or removed meanwhile is still handled.
   */
  addToSets(targets: readonly ItemTarget[], attribute: string, value: string): Promise<void>;
  /**
   * Adds 1 to the number `attribute` of each counter item (creating it), at most once for `marker`:
   * the marker is written first, then the counters in as few requests as the store allows. False,
   * with nothing counted, when the marker already exists. A failure after the marker leaves the
   * count short (a retry finds the marker): a count may miss an occurrence, never double one.
   */
  countOnce(marker: TableItem, counters: readonly ItemTarget[], attribute: string): Promise<boolean>;
  /**
   * Sets the string `attribute` of an existing item that has none, or whose value is `replacing`;
   * false when the item is absent or holds another value.
   */
  setIfUnset(key: TableKey, attribute: string, value: string, replacing?: string): Promise<boolean>;
  /** Atomically adds to a number attribute and returns the new value. */
  increment(key: TableKey, attribute: string, by: number): Promise<number>;
}
