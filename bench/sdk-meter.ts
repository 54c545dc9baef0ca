import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';

/** Requests per operation, and DynamoDB capacity as the service reports it. */
export interface Meter {
  requests: Record<string, number>;
  readUnits: number;
  writeUnits: number;
  /** Write units by operation and kind of item written (the partition key up to its first '#'), to see where they go. */
  writeUnitsByKind: Record<string, number>;
  /** Write units of requests for which DynamoDB Local reports no capacity, computed from the item sizes (see meterDynamoDb). */
  estimatedWriteUnits: number;
  /** Responses that carried ConsumedCapacity: whether the service (DynamoDB Local) reports it at all. */
  responsesWithCapacity: number;
  /** Conditional writes that failed: they consume write units, but the error response does not say how many. */
  failedConditionalWrites: number;
  /** Round-trip milliseconds by operation and kind of item (each HTTP attempt, from sending to the parsed response), to see where the emulator's time goes. */
  millisByKind: Record<string, number>;
  /** Requests by operation and kind of item, beside millisByKind. */
  requestsByKind: Record<string, number>;
}

export const newMeter = (): Meter => ({ requests: {}, readUnits: 0, writeUnits: 0, writeUnitsByKind: {}, estimatedWriteUnits: 0, responsesWithCapacity: 0, failedConditionalWrites: 0, millisByKind: {}, requestsByKind: {} });

/** `a` plus `b` (sign 1: meters of several processes together) or minus it (sign -1: what a meter counted since an earlier reading of it), field by field. */
export function combinedMeter(a: Meter, b: Meter, sign: 1 | -1 = 1): Meter {
  const counts = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [key, value] of Object.entries(y)) out[key] = (out[key] ?? 0) + sign * value;
    return out;
  };
  return {
    requests: counts(a.requests, b.requests),
    readUnits: a.readUnits + sign * b.readUnits,
    writeUnits: a.writeUnits + sign * b.writeUnits,
    writeUnitsByKind: counts(a.writeUnitsByKind, b.writeUnitsByKind),
    estimatedWriteUnits: a.estimatedWriteUnits + sign * b.estimatedWriteUnits,
    responsesWithCapacity: a.responsesWithCapacity + sign * b.responsesWithCapacity,
    failedConditionalWrites: a.failedConditionalWrites + sign * b.failedConditionalWrites,
    millisByKind: counts(a.millisByKind, b.millisByKind),
    requestsByKind: counts(a.requestsByKind, b.requestsByKind),
  };
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);

/**
 * Counts every request the client sends (each SDK attempt: retries included) and asks DynamoDB for
 * ReturnConsumedCapacity TOTAL on every call, summing what it answers. A middleware on the client's
 * own stack, so the code under measurement runs unchanged; the document client shares this stack.
 */
export function meterDynamoDb(client: DynamoDBClient, meter: Meter): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const operation = command.replace(/Command$/, '');
      kindOfRequest.set(context, `${operation} ${operation.endsWith('Statement') ? statementKinds(args.input) : itemKinds(args.input)}`);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      try {
        const result = await next(args);
        const wrote = (kind: string, units: number, estimated: boolean) => {
          meter.writeUnits += units;
          if (estimated) meter.estimatedWriteUnits += units;
          meter.writeUnitsByKind[kind] = (meter.writeUnitsByKind[kind] ?? 0) + units;
        };
        const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        let reportedWrites = 0;
        if (consumed) {
          meter.responsesWithCapacity += 1;
          for (const capacity of [consumed].flat()) {
            const units = capacity.CapacityUnits ?? 0;
            if (READS.has(command)) meter.readUnits += capacity.ReadCapacityUnits ?? units;
            else reportedWrites += capacity.WriteCapacityUnits ?? units;
          }
          if (!READS.has(command)) wrote(`${operation} ${itemKinds(args.input)}`, reportedWrites, false);
        }
        if (command === 'TransactWriteItemsCommand') {
          // DynamoDB Local reports far less than a transaction costs (two write units per KB of each
          // item it writes): the difference is computed from the items and counted as estimated.
          const computed = transactionWriteUnits(args.input);
          if (computed > reportedWrites) wrote(`${operation} ${itemKinds(args.input)}`, computed - reportedWrites, true);
        }
        if (!consumed && command === 'BatchExecuteStatementCommand') {
          // DynamoDB Local reports no capacity for PartiQL batches. The statements the pipeline
          // batches write items under 1 KB (LSH bands, term counters): one write unit per statement that succeeded,
          // counted as estimated.
          const written = ((result.output as { Responses?: Array<{ Error?: unknown }> }).Responses ?? []).filter((response) => !response.Error).length;
          wrote(`${operation} ${statementKinds(args.input)} (estimated)`, written, true);
        }
        return result;
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') meter.failedConditionalWrites += 1;
        throw error;
      }
    },
    { step: 'initialize', name: 'benchCapacityMeter', override: true },
  );
  countRequests(client, meter);
}

/** Each request's operation and kinds of item, set where its input is read and read where its round trip is timed. */
const kindOfRequest = new WeakMap<object, string>();

/** The kinds of item a request touches: the distinct partition-key prefixes of its keys and items. */
function itemKinds(input: unknown): string {
  const kinds = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    // A key or item names its partition key `pk`; a query's key condition names the value `:pk`.
    const pk = (value as { pk?: { S?: unknown } | string }).pk ?? (value as { ':pk'?: { S?: unknown } | string })[':pk'];
    if (pk !== undefined) {
      const text = typeof pk === 'string' ? pk : typeof pk.S === 'string' ? pk.S : '';
      kinds.add(text.split('#')[0] || '?');
      return;
    }
    for (const child of Object.values(value)) visit(child, depth + 1);
  };
  visit(input, 0);
  return [...kinds].sort().join('+') || '?';
}

/**
 * What DynamoDB bills a transaction of writes: two units per started KB of each item. A Put's item
 * is known; an Update's (the pipeline's are counters) is taken as its key, its smallest possible size.
 */
function transactionWriteUnits(input: unknown): number {
  let units = 0;
  for (const action of (input as { TransactItems?: Array<Record<string, { Item?: unknown; Key?: unknown }>> }).TransactItems ?? []) {
    for (const operation of Object.values(action)) units += 2 * Math.max(1, Math.ceil(itemBytes(operation.Item ?? operation.Key) / 1024));
  }
  return units;
}

const ATTRIBUTE_VALUE_TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);

/** An item's size by DynamoDB's rules (names plus values; numbers by significant digits; 3 bytes per list or map plus 1 per element), native or marshalled. */
export function itemBytes(item: unknown): number {
  if (!item || typeof item !== 'object') return 0;
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) bytes += Buffer.byteLength(name) + valueBytes(value);
  return bytes;
}

function valueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint') return Math.ceil(String(value).replace(/^-|\.|e.*$/g, '').replace(/^0+|0+$/g, '').length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, element) => sum + valueBytes(element), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + valueBytes(element), 0);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && ATTRIBUTE_VALUE_TYPES.has(entries[0][0])) {
    const [type, inner] = entries[0];
    if (type === 'N') return valueBytes(Number(inner));
    if (type === 'M') return 3 + Object.entries(inner as Record<string, unknown>).reduce((sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + valueBytes(element), 0);
    if (type === 'L') return valueBytes(inner);
    if (type === 'SS' || type === 'NS' || type === 'BS') return (inner as unknown[]).reduce((sum: number, element) => sum + valueBytes(type === 'NS' ? Number(element) : element), 0);
    return valueBytes(inner);
  }
  return 3 + entries.reduce((sum, [name, element]) => sum + 1 + Buffer.byteLength(name) + valueBytes(element), 0);
}

/** The partition-key prefixes among a PartiQL batch's parameters. */
function statementKinds(input: unknown): string {
  const kinds = new Set<string>();
  for (const statement of (input as { Statements?: Array<{ Parameters?: unknown[] }> }).Statements ?? []) {
    for (const parameter of statement.Parameters ?? []) {
      const text = typeof parameter === 'string' ? parameter : (parameter as { S?: unknown } | undefined)?.S;
      if (typeof text === 'string' && text.includes('#')) kinds.add(text.split('#')[0]);
    }
  }
  return [...kinds].sort().join('+') || '?';
}

export function meterS3(client: S3Client, meter: Meter): void {
  countRequests(client, meter);
}

/** At the finalizeRequest step: once per HTTP attempt, so SDK retries are counted as the service bills them. */
function countRequests(client: DynamoDBClient | S3Client, meter: Meter): void {
  (client.middlewareStack as DynamoDBClient['middlewareStack']).add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      meter.requests[command] = (meter.requests[command] ?? 0) + 1;
      const kind = kindOfRequest.get(context) ?? command.replace(/Command$/, '');
      const sent = performance.now();
      try {
        return await next(args);
      } finally {
        meter.millisByKind[kind] = (meter.millisByKind[kind] ?? 0) + performance.now() - sent;
        meter.requestsByKind[kind] = (meter.requestsByKind[kind] ?? 0) + 1;
      }
    },
    { step: 'finalizeRequest', name: 'benchRequestCounter', override: true },
  );
}
