import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchExecuteStatementCommand, BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE } from '../shared/resources';
import type { QueryOptions, ItemTarget, TableItem, TableKey, TableStore } from '../ports/table-store';

const BATCH_GET_LIMIT = 100;
const BATCH_WRITE_LIMIT = 25;
/** DynamoDB's limit on the actions of one transaction. */
export const TRANSACTION_LIMIT = 100;
const MAX_UNPROCESSED_RETRIES = 8;

/** The key condition of a PartiQL statement on one item: its partition and sort key, as parameters. */
const KEY_CONDITION = `${quoted(TABLE.partitionKey)} = ? AND ${quoted(TABLE.sortKey)} = ?`;

interface Statement {
  Statement: string;
  Parameters: unknown[];
}

type WriteRequest = { PutRequest: { Item: TableItem } } | { DeleteRequest: { Key: Record<string, string> } };

export class DynamoDbTableStore implements TableStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    private readonly tableName: string,
    client: DynamoDBClient = new DynamoDBClient({}),
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get(key: TableKey): Promise<TableItem | undefined> {
    const result = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: keyOf(key), ConsistentRead: true }));
    return result.Item as TableItem | undefined;
  }

  async batchGet(keys: readonly TableKey[]): Promise<TableItem[]> {
    const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, keyOf(k)])).values()];
    const items: TableItem[] = [];
    for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined = {
        [this.tableName]: { Keys: unique.slice(i, i + BATCH_GET_LIMIT), ConsistentRead: true },
      };
      for (let attempt = 0; request && Object.keys(request).length > 0; attempt += 1) {
        if (attempt > MAX_UNPROCESSED_RETRIES) throw new Error('DynamoDB kept returning unprocessed keys');
        if (attempt > 0) await backoff(attempt);
        const result = await this.documents.send(new BatchGetCommand({ RequestItems: request }));
        items.push(...((result.Responses?.[this.tableName] ?? []) as TableItem[]));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return items;
  }

  async query(pk: string, options: QueryOptions = {}): Promise<TableItem[]> {
    const items: TableItem[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: options.skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
          ExpressionAttributeNames: { '#pk': TABLE.partitionKey, ...(options.skPrefix ? { '#sk': TABLE.sortKey } : {}) },
          ExpressionAttributeValues: { ':pk': pk, ...(options.skPrefix ? { ':prefix': options.skPrefix } : {}) },
          ScanIndexForward: !options.descending,
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
          ...(options.limit ? { Limit: options.limit - items.length } : {}),
        }),
      );
      items.push(...((result.Items ?? []) as TableItem[]));
      startKey = result.LastEvaluatedKey;
    } while (startKey && (!options.limit || items.length < options.limit));
    return items;
  }

  async queryRecent(partition: string, limit: number): Promise<TableItem[]> {
    const index = TABLE.recencyIndex;
    const result = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []) as TableItem[];
  }

  async putAll(items: readonly TableItem[]): Promise<void> {
    await this.batchWrite(items.map((item) => ({ PutRequest: { Item: item } })));
  }

  async deleteAll(keys: readonly TableKey[]): Promise<void> {
    await this.batchWrite(keys.map((key) => ({ DeleteRequest: { Key: keyOf(key) } })));
  }

  /** BatchWriteItem in chunks of 25, retrying what DynamoDB returns unprocessed. */
  private async batchWrite(writes: readonly WriteRequest[]): Promise<void> {
    for (let i = 0; i < writes.length; i += BATCH_WRITE_LIMIT) {
      let requests: Record<string, WriteRequest[]> | undefined = { [this.tableName]: writes.slice(i, i + BATCH_WRITE_LIMIT) };
      for (let attempt = 0; requests && Object.keys(requests).length > 0; attempt += 1) {
        if (attempt > MAX_UNPROCESSED_RETRIES) throw new Error('DynamoDB kept returning unprocessed writes');
        if (attempt > 0) await backoff(attempt);
        const result = await this.documents.send(new BatchWriteCommand({ RequestItems: requests }));
        requests = result.UnprocessedItems as typeof requests;
      }
    }
  }

  async putIfAbsent(item: TableItem): Promise<boolean> {
    return this.conditionalPut(item, 'attribute_not_exists(#pk)', { '#pk': TABLE.partitionKey }, {});
  }

  async transactPut(guarded: TableItem & { revision: number }, expectedRevision: number | undefined, others: readonly TableItem[]): Promise<boolean> {
    if (others.length + 1 > TRANSACTION_LIMIT) throw new Error(`a transaction takes at most ${TRANSACTION_LIMIT} items, not ${others.length + 1}`);
    const condition =
      expectedRevision === undefined
        ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': TABLE.partitionKey } }
        : { ConditionExpression: '#revision = :expected', ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':expected': expectedRevision } };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: { TableName: this.tableName, Item: guarded, ...condition } }, ...others.map((item) => ({ Put: { TableName: this.tableName, Item: item } }))],
        }),
      );
      return true;
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TransactionCanceledException' || name === 'TransactionConflictException') return false;
      throw error;
    }
  }

  /**
   * The marker by a conditional put, then the counters by PartiQL statements, 25 to a request: a
   * transaction would make the count exact under retries at twice the write units of every counter
   * item, for statistics that a lost occurrence does not change.
   */
  async countOnce(marker: TableItem, counters: readonly ItemTarget[], attribute: string): Promise<boolean> {
    if (!(await this.putIfAbsent(marker))) return false;
    const name = quoted(attribute);
    await this.upsertAll(
      counters,
      (key) => ({ Statement: `UPDATE ${quoted(this.tableName)} SET ${name} = ${name} + 1 WHERE ${KEY_CONDITION}`, Parameters: [key.pk, key.sk] }),
      (key) => ({ Statement: `INSERT INTO ${quoted(this.tableName)} VALUE {'${TABLE.partitionKey}': ?, '${TABLE.sortKey}': ?, '${attribute}': 1}`, Parameters: [key.pk, key.sk] }),
    );
    return true;
  }

  async putIfGreater(item: TableItem, attribute: string): Promise<boolean> {
    return this.conditionalPut(item, 'attribute_not_exists(#pk) OR #attribute < :value', { '#pk': TABLE.partitionKey, '#attribute': attribute }, { ':value': item[attribute] });
  }

  /** Adds `value` to the string set `attribute` of each item, by PartiQL statements (see upsertAll). */
  async addToSets(targets: readonly ItemTarget[], attribute: string, value: string): Promise<void> {
    const name = quoted(attribute);
    await this.upsertAll(
      targets,
      (key) => ({ Statement: `UPDATE ${quoted(this.tableName)} SET ${name} = set_add(${name}, ?) WHERE ${KEY_CONDITION}`, Parameters: [new Set([value]), key.pk, key.sk] }),
      (key) => ({ Statement: `INSERT INTO ${quoted(this.tableName)} VALUE {'${TABLE.partitionKey}': ?, '${TABLE.sortKey}': ?, '${attribute}': ?}`, Parameters: [key.pk, key.sk, new Set([value])] }),
    );
  }

  /**
   * PartiQL statements, 25 to a request: `update` for the items the caller saw, `insert` for the
   * others (UpdateItem has no batch form, and one request per item is what makes a per-article
   * write fan-out cost). A statement that meets the other case, because a concurrent writer created
   * the item first, is redone as the other kind; a throttled one is retried.
   */
  private async upsertAll(targets: readonly ItemTarget[], update: (key: TableKey) => Statement, insert: (key: TableKey) => Statement): Promise<void> {
    let pending = [...new Map(targets.map((target) => [`${target.key.pk}\u0000${target.key.sk}`, target])).values()];
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > MAX_UNPROCESSED_RETRIES) throw new Error('DynamoDB kept failing batched writes');
      if (attempt > 0) await backoff(attempt);
      const retry: ItemTarget[] = [];
      for (let i = 0; i < pending.length; i += BATCH_WRITE_LIMIT) {
        const chunk = pending.slice(i, i + BATCH_WRITE_LIMIT);
        const result = await this.documents.send(new BatchExecuteStatementCommand({ Statements: chunk.map(({ key, exists }) => (exists ? update(key) : insert(key))) }));
        (result.Responses ?? []).forEach((response, j) => {
          const code = response.Error?.Code;
          if (code === 'DuplicateItem') retry.push({ ...chunk[j], exists: true });
          else if (code === 'ConditionalCheckFailed') retry.push({ ...chunk[j], exists: false });
          else if (code) retry.push(chunk[j]);
        });
      }
      pending = retry;
    }
  }

  async setIfUnset(key: TableKey, attribute: string, value: string, replacing?: string): Promise<boolean> {
    return this.conditionally(() =>
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keyOf(key),
          UpdateExpression: 'SET #attribute = :value',
          ConditionExpression:
            replacing === undefined ? 'attribute_exists(#pk) AND attribute_not_exists(#attribute)' : 'attribute_exists(#pk) AND (attribute_not_exists(#attribute) OR #attribute = :replacing)',
          ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#attribute': attribute },
          ExpressionAttributeValues: { ':value': value, ...(replacing === undefined ? {} : { ':replacing': replacing }) },
        }),
      ),
    );
  }

  async increment(key: TableKey, attribute: string, by: number): Promise<number> {
    const result = await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keyOf(key),
        UpdateExpression: 'ADD #attribute :by',
        ExpressionAttributeNames: { '#attribute': attribute },
        ExpressionAttributeValues: { ':by': by },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.[attribute]);
  }

  private async conditionalPut(item: TableItem, condition: string, names: Record<string, string>, values: Record<string, unknown>): Promise<boolean> {
    return this.conditionally(() =>
      this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        }),
      ),
    );
  }

  /** Runs a write with a condition: false when the condition failed. */
  private async conditionally(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}

/** A PartiQL identifier: double quotes, so that reserved words and any table name parse. */
function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function keyOf(key: TableKey): Record<string, string> {
  return { [TABLE.partitionKey]: key.pk, [TABLE.sortKey]: key.sk };
}

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random())));
}
