import { closeSync, existsSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The file DynamoDB Local keeps every table in when it runs with `sharedDb`. */
export const SHARED_DATABASE_FILE = 'shared-local-instance.db';

/**
 * DynamoDB Local keeps its tables in one SQLite file and commits every write on its own. In
 * SQLite's default rollback mode each commit creates, syncs and deletes a journal file and syncs
 * the database; in write-ahead-log mode it appends to one log and syncs that once. The mode is kept
 * in the file's header (bytes 18 and 19: 1 rollback, 2 WAL), and SQLite opens a file in the mode its
 * header says, so the data folder's database is put in WAL mode before DynamoDB Local opens it:
 * created empty in that mode in a new folder, or switched in the header of one made in rollback
 * mode, as `PRAGMA journal_mode=WAL` would. A file left with a hot journal (a crash mid-commit) is
 * left as it is, for SQLite to roll back first. In-memory tables (no folder) have no file.
 * Header layout: https://www.sqlite.org/fileformat2.html#database_header
 */
export function useWriteAheadLog(dynamoDir: string): 'created' | 'switched' | 'unchanged' {
  const file = join(dynamoDir, SHARED_DATABASE_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, emptyDatabase());
    return 'created';
  }
  if (existsSync(`${file}-journal`)) return 'unchanged';
  const fd = openSync(file, 'r+');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, header, 0, HEADER_BYTES, 0) < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) return 'unchanged';
    if (header[WRITE_VERSION] !== ROLLBACK || header[READ_VERSION] !== ROLLBACK) return 'unchanged';
    writeSync(fd, Buffer.from([WAL, WAL]), 0, 2, WRITE_VERSION);
    return 'switched';
  } finally {
    closeSync(fd);
  }
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const WRITE_VERSION = 18;
const READ_VERSION = 19;
const ROLLBACK = 1;
const WAL = 2;
const PAGE_SIZE = 4096;

/**
 * A database with no tables, in WAL mode: one page, the 100-byte header and an empty table b-tree
 * (the schema), as SQLite writes it for `PRAGMA journal_mode=WAL` on a new file.
 */
function emptyDatabase(): Buffer {
  const page = Buffer.alloc(PAGE_SIZE);
  MAGIC.copy(page, 0);
  page.writeUInt16BE(PAGE_SIZE, 16);
  page[WRITE_VERSION] = WAL;
  page[READ_VERSION] = WAL;
  page[21] = 64; // maximum embedded payload fraction (fixed by the format)
  page[22] = 32; // minimum embedded payload fraction
  page[23] = 32; // leaf payload fraction
  page.writeUInt32BE(1, 24); // file change counter
  page.writeUInt32BE(1, 28); // database size in pages
  page.writeUInt32BE(1, 92); // the change counter this size is valid for
  page.writeUInt32BE(3_007_000, 96); // the SQLite version that wrote it: 3.7.0, the first with WAL
  // page 1's b-tree header: a leaf table page (0x0d) with no cells, its content area at the page's end
  page[HEADER_BYTES] = 0x0d;
  page.writeUInt16BE(PAGE_SIZE, HEADER_BYTES + 5);
  return page;
}
