import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';

/** Requests per operation, and DynamoDB capacity as the service reports it. */
export interface Meter {
  requests: Record<string, number>;
  readUnits: number;
  writeUnits: number;
  /** Responses that carried ConsumedCapacity: whether the service (DynamoDB Local) reports it at all. */
  responsesWithCapacity: number;
  /** Conditional writes that failed: they consume write units, but the error response does not say how many. */
  failedConditionalWrites: number;
}

export const newMeter = (): Meter => ({ requests: {}, readUnits: 0, writeUnits: 0, responsesWithCapacity: 0, failedConditionalWrites: 0 });

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
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      try {
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        if (consumed) {
          meter.responsesWithCapacity += 1;
          for (const capacity of Array.isArray(consumed) ? consumed : [consumed]) {
            const units = capacity.CapacityUnits ?? 0;
            if (READS.has(command)) meter.readUnits += capacity.ReadCapacityUnits ?? units;
            else meter.writeUnits += capacity.WriteCapacityUnits ?? units;
          }
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

export function meterS3(client: S3Client, meter: Meter): void {
  countRequests(client, meter);
}

/** At the finalizeRequest step: once per HTTP attempt, so SDK retries are counted as the service bills them. */
function countRequests(client: DynamoDBClient | S3Client, meter: Meter): void {
  (client.middlewareStack as DynamoDBClient['middlewareStack']).add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      meter.requests[command] = (meter.requests[command] ?? 0) + 1;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'benchRequestCounter', override: true },
  );
}
