import { createReadStream, createWriteStream, readdirSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Lines of a JSON Lines file, parsed; a malformed line is an error naming its line number. */
export async function* readJsonLines<T>(file: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as T;
    } catch (error) {
      throw new Error(`${file}:${number}: not valid JSON (${(error as Error).message})`);
    }
  }
}

export function jsonLinesWriter(file: string): { write(value: unknown): void; close(): Promise<void> } {
  const stream: WriteStream = createWriteStream(file, 'utf8');
  return {
    write: (value) => stream.write(`${JSON.stringify(value)}\n`),
    close: () => new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}

/** Progress on stderr for long runs: a line every `every` items and at the end. */
export function progress(label: string, every = 100): { tick(done: number, total?: number): void } {
  const started = Date.now();
  return {
    tick(done, total) {
      if (done % every !== 0 && done !== total) return;
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(`${label}: ${done}${total ? `/${total}` : ''} (${(done / Math.max(seconds, 0.001)).toFixed(0)}/s)\n`);
    },
  };
}

/** The files a path stands for: a directory, its `<prefix>*.jsonl` files in name order; a file, itself. */
export function jsonLinesFiles(path: string, prefix: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(path, name));
}
