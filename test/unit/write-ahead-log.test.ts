import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_DATABASE_FILE, useWriteAheadLog } from '../../cli/local/write-ahead-log';

/** The SQLite header's file format versions: 1 and 1 in rollback mode, 2 and 2 in WAL mode. */
const versions = (file: string) => [...readFileSync(file).subarray(18, 20)];

describe('the local DynamoDB data folder in write-ahead-log mode', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'corroborate-wal-'));
    file = join(dir, SHARED_DATABASE_FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an empty SQLite database in WAL mode in a new folder, and leaves it so', () => {
    expect(useWriteAheadLog(dir)).toBe('created');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(bytes).toHaveLength(4096);
    expect(bytes.readUInt16BE(16)).toBe(4096);
    expect(versions(file)).toEqual([2, 2]);
    expect(useWriteAheadLog(dir)).toBe('unchanged');
  });

  it('switches a database made in rollback mode, unless a journal waits to be rolled back', () => {
    const rollback = Buffer.alloc(1024);
    rollback.write('SQLite format 3\0', 0, 'latin1');
    rollback[18] = 1;
    rollback[19] = 1;
    writeFileSync(file, rollback);
    writeFileSync(`${file}-journal`, 'hot');
    expect(useWriteAheadLog(dir)).toBe('unchanged');
    expect(versions(file)).toEqual([1, 1]);
    rmSync(`${file}-journal`);
    expect(useWriteAheadLog(dir)).toBe('switched');
    expect(versions(file)).toEqual([2, 2]);
    // only the two version bytes change
    expect(readFileSync(file).subarray(20)).toEqual(rollback.subarray(20));
  });

  it('leaves a file that is not a SQLite database alone', () => {
    writeFileSync(file, 'not a database at all, but long enough to hold a header of one hundred bytes..............................');
    expect(useWriteAheadLog(dir)).toBe('unchanged');
    expect(readFileSync(file, 'utf8')).toMatch(/^not a database/);
  });
});
