import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');

export function seedFiles(): Array<{ name: string; bytes: Uint8Array }> {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(SEEDS_DIR, name)) }));
}
