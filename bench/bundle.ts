import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { percentile } from './percentile';

/**
 * The ingest function's bundle, built as the CDK NodejsFunction in infra/constructs/ingest-function.ts
 * builds it: `esbuild --bundle functions/ingest/handler.ts --target=node22 --platform=node
 * --format=cjs --minify --sourcemap --sources-content=false`, no externals (bundleAwsSDK).
 */
export function buildIngestBundle(root: string, outdir: string): { file: string; bytes: number; mapBytes: number } {
  const file = join(outdir, 'index.js');
  buildSync({
    entryPoints: [join(root, 'functions', 'ingest', 'handler.ts')],
    bundle: true,
    target: 'node22',
    platform: 'node',
    format: 'cjs',
    outfile: file,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'error',
  });
  return { file, bytes: statSync(file).size, mapBytes: statSync(`${file}.map`).size };
}

export interface ColdStart {
  runs: number;
  /** require() of the bundle plus building the handler's clients, inside a fresh process (median, ms). */
  initMs: { median: number; max: number };
  /** Whole fresh `node` process: start, init, exit (median, ms). */
  processMs: { median: number; max: number };
}

/**
 * Cold-start initialisation: a fresh `node` per run (NODE_OPTIONS=--enable-source-maps, as the function
 * sets it) that requires the bundle and builds the handler's dependencies (SDK clients, ledger),
 * timed from inside the process; the whole process's wall time beside it. Lambda's own runtime
 * start-up and the download of the code are not included.
 */
export function measureColdStart(bundle: string, env: Record<string, string>, runs: number): ColdStart {
  // An event with no records: the handler builds its dependencies (SDK clients, ledger) and returns
  // without a request, as the first real invocation would before its first request.
  const script = `
    const t0 = process.hrtime.bigint();
    const mod = require(${JSON.stringify(bundle)});
    mod.handler({ Records: [] }).then(() => {
      const t1 = process.hrtime.bigint();
      process.stdout.write('\\ninitMs=' + Number(t1 - t0) / 1e6 + '\\n');
    });`;
  const init: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env, NODE_OPTIONS: '--enable-source-maps' }, encoding: 'utf8' });
    whole.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`cold start run failed: ${result.stderr}`);
    init.push(Number(/initMs=([\d.]+)/.exec(result.stdout)?.[1] ?? NaN));
  }
  return { runs, initMs: summary(init), processMs: summary(whole) };
}

function summary(values: number[]): { median: number; max: number } {
  return { median: percentile(values, 0.5), max: percentile(values, 1) };
}
