import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../../cli/local/local-stack';
import { SHARED_DATABASE_FILE } from '../../cli/local/write-ahead-log';
import { DynamoDbTableStore } from '../../functions/adapters/dynamodb-table-store';
import { ENVIRONMENT } from '../../functions/shared/resources';

jest.setTimeout(120_000);

/** `npm start` keeps its tables in a data folder: DynamoDB Local's SQLite file, in WAL mode. */
describe('the local stack with a data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const storeOf = (environment: Record<string, string>) =>
    new DynamoDbTableStore(
      environment[ENVIRONMENT.tableName],
      new DynamoDBClient({
        endpoint: environment.AWS_ENDPOINT_URL_DYNAMODB,
        region: environment.AWS_REGION,
        credentials: { accessKeyId: environment.AWS_ACCESS_KEY_ID, secretAccessKey: environment.AWS_SECRET_ACCESS_KEY },
      }),
    );

  it('commits through a write-ahead log, and keeps what it committed when DynamoDB Local is killed', async () => {
    const first = await startLocalStack({ dataDir: dir });
    try {
      await storeOf(first.environment).putAll([{ pk: 'ARTICLE#a1', sk: 'META', title: 'kept' }]);
      const database = join(dir, 'dynamodb', SHARED_DATABASE_FILE);
      expect([...readFileSync(database).subarray(18, 20)]).toEqual([2, 2]);
      expect(existsSync(`${database}-wal`)).toBe(true);
    } finally {
      // stop() kills the Java process (SIGKILL): nothing is checkpointed on the way out
      await first.stop();
    }
    const second = await startLocalStack({ dataDir: dir });
    try {
      expect(await storeOf(second.environment).get({ pk: 'ARTICLE#a1', sk: 'META' })).toMatchObject({ title: 'kept' });
    } finally {
      await second.stop();
    }
  });
});
