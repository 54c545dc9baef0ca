import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Packing a record's bulky fields into one binary attribute, raw DEFLATE of their JSON, as the
 * ledger stores them. DynamoDB bills writes by started KB of the item (two units per KB in a
 * transaction), and fields such as a story's centroid and kept members are term vectors: term
 * names that repeat from one vector to the next and numbers written out in full. Packed, they take
 * about a quarter of the bytes. JSON keeps every number exactly, so a packed record reads back
 * equal to the one written, whatever the store; and a term vector's keys are plain JSON keys,
 * where the DynamoDB document client refuses a map with a key such as `constructor` (a stem).
 */
export const PACKED_ATTRIBUTE = 'packed';

/** The record with `fields` moved into the packed attribute (fields it lacks are left out; none, no attribute). */
export function packFields(record: object, fields: readonly string[]): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  const packed: Record<string, unknown> = {};
  for (const field of fields) {
    if (rest[field] !== undefined) packed[field] = rest[field];
    delete rest[field];
  }
  return Object.keys(packed).length === 0 ? rest : { ...rest, [PACKED_ATTRIBUTE]: deflateRawSync(JSON.stringify(packed)) };
}

/**
 * The item with its packed fields back in place. An item written before its record was packed has
 * no packed attribute and its fields stored as they are: it reads unchanged.
 */
export function unpackFields<T extends object>(item: T): T {
  const { [PACKED_ATTRIBUTE]: packed, ...rest } = item as Record<string, unknown>;
  // The memory store returns a Buffer, the DynamoDB document client a Uint8Array.
  if (!(packed instanceof Uint8Array)) return item;
  return { ...rest, ...(JSON.parse(inflateRawSync(packed).toString('utf8')) as Record<string, unknown>) } as T;
}
