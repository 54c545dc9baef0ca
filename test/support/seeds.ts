import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../functions/core/text/sentences';

export const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');

export function seedFiles(): Array<{ name: string; bytes: Uint8Array }> {
  return seedFilesIn(SEEDS_DIR);
}

function seedFilesIn(dir: string): Array<{ name: string; bytes: Uint8Array }> {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/**
 * The seed articles' sentences of more than eight words, headlines left out: the pool from which
 * tests and benchmarks make many reports of the seed event.
 */
export function seedSentences(dir = SEEDS_DIR): string[] {
  return seedFilesIn(dir).flatMap(({ bytes }) =>
    new TextDecoder()
      .decode(bytes)
      .split(/\n+/)
      .slice(1)
      .flatMap((paragraph) => splitSentences(paragraph).map((sentence) => sentence.text))
      .filter((sentence) => sentence.split(/\s+/).length > 8),
  );
}
