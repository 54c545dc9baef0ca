import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as logs from 'aws-cdk-lib/aws-logs';
import { stageConfigFrom } from '../../infra/stage-config';

const node = (context: Record<string, unknown> = {}) => ({ tryGetContext: (key: string) => context[key] });

describe('stage configuration', () => {
  it('defaults to a dev stage with no alarm e-mail', () => {
    expect(stageConfigFrom(node(), {})).toEqual({
      stage: 'dev',
      logRetentionDays: logs.RetentionDays.ONE_MONTH,
      rejectedRetentionDays: 30,
      noncurrentVersionRetentionDays: 30,
      accessLogRetentionDays: 90,
      terminationProtection: false,
      ingestMaxConcurrency: 10,
    });
  });

  it('reads the environment (CI) and lets context (-c) win over it', () => {
    const env = { CORROBORATE_STAGE: 'prod', CORROBORATE_ALARM_EMAIL: 'ops@example.com', CORROBORATE_LOG_RETENTION_DAYS: '90', CORROBORATE_REJECTED_RETENTION_DAYS: '14' };
    expect(stageConfigFrom(node(), env)).toMatchObject({ stage: 'prod', alarmEmail: 'ops@example.com', logRetentionDays: 90, rejectedRetentionDays: 14, terminationProtection: true });
    expect(stageConfigFrom(node({ stage: 'staging', rejectedRetentionDays: 7 }), env)).toMatchObject({ stage: 'staging', rejectedRetentionDays: 7, terminationProtection: false });
    expect(stageConfigFrom(node(), { CORROBORATE_INGEST_MAX_CONCURRENCY: '50' }).ingestMaxConcurrency).toBe(50);
  });

  it('treats an empty setting (an unset GitHub variable) as absent', () => {
    expect(stageConfigFrom(node(), { CORROBORATE_ALARM_EMAIL: '' }).alarmEmail).toBeUndefined();
  });

  it('rejects values that would deploy something else than meant', () => {
    expect(() => stageConfigFrom(node({ stage: 'Prod!' }), {})).toThrow(/stage/);
    expect(() => stageConfigFrom(node({ alarmEmail: 'ops' }), {})).toThrow(/e-mail/);
    expect(() => stageConfigFrom(node({ logRetentionDays: 31 }), {})).toThrow(/logRetentionDays/);
    expect(() => stageConfigFrom(node({ rejectedRetentionDays: 0 }), {})).toThrow(/rejectedRetentionDays/);
    expect(() => stageConfigFrom(node({ ingestMaxConcurrency: 1 }), {})).toThrow(/ingestMaxConcurrency/);
    expect(() => stageConfigFrom(node({ ingestMaxConcurrency: 'ten' }), {})).toThrow(/ingestMaxConcurrency/);
  });

  it('keeps account ids out of the infrastructure code and workflows', () => {
    const root = join(__dirname, '..', '..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    for (const file of [...files(join(root, 'infra')), ...files(join(root, '.github', 'workflows')), join(root, 'cdk.json')]) {
      expect({ file, accountIds: readFileSync(file, 'utf8').match(/(?<![\w.-])\d{12}(?![\w.-])/g) ?? [] }).toEqual({ file, accountIds: [] });
    }
  });
});
