/**
 * Worst case per hostile class: each sample of test/support/hostile-corpus.ts, built to the size
 * limit, goes through the ingest handler path (handleS3Event on in-process adapters, digest
 * publishing included) in a fresh `node` process of its own, after one seed article. Reports the
 * object's CPU and wall time and the process's peak resident memory (VmHWM).
 *
 * Part of `npm run bench`; on its own: `BENCH_ONLY=hostile npm run bench`.
 * Environment: BENCH_HOSTILE_BYTES (object size, DEFAULT_MAX_OBJECT_BYTES: the local default limit;
 * the deployed stack's is smaller), BENCH_HOSTILE_SAMPLES (comma-separated names, all by default),
 * BENCH_HOSTILE_TIMEOUT_S (per object, 120: the function's timeout).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { DEFAULT_MAX_OBJECT_BYTES } from '../functions/shared/resources';
import { HOSTILE_SAMPLES } from '../test/support/hostile-corpus';
import { TYPICAL, type HostileRun } from './hostile-worker';

/** What the issue asks of any object within the size limit, on this machine. */
const TARGET = { cpuMs: 2000, peakRssMb: 512 };

export interface HostileReport {
  limitBytes: number;
  timeoutS: number;
  runs: Array<HostileRun | { sample: string; status: 'timed-out' | 'crashed'; detail: string }>;
}

export function measureHostile(root: string, outdir: string): HostileReport {
  const limitBytes = Number(process.env.BENCH_HOSTILE_BYTES ?? DEFAULT_MAX_OBJECT_BYTES);
  const timeoutS = Number(process.env.BENCH_HOSTILE_TIMEOUT_S ?? 120);
  const only = process.env.BENCH_HOSTILE_SAMPLES?.split(',').map((name) => name.trim());
  const worker = join(outdir, 'hostile-worker.js');
  buildSync({ entryPoints: [join(root, 'bench', 'hostile-worker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: worker, logLevel: 'error' });
  const runs: HostileReport['runs'] = [];
  for (const sample of [{ name: TYPICAL }, ...HOSTILE_SAMPLES].filter((s) => !only || only.includes(s.name))) {
    const env = { PATH: process.env.PATH ?? '', POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'ERROR' };
    const result = spawnSync(process.execPath, [worker, sample.name, String(limitBytes), join(root, 'seeds')], { env, encoding: 'utf8', timeout: timeoutS * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 24 });
    let run: HostileReport['runs'][number];
    if (result.error || result.signal) run = { sample: sample.name, status: 'timed-out', detail: `killed after ${timeoutS} s` };
    else if (result.status !== 0) run = { sample: sample.name, status: 'crashed', detail: result.stderr.trim().split('\n').slice(0, 3).join(' | ') };
    else run = JSON.parse(result.stdout.trim().split('\n').pop()!) as HostileRun;
    runs.push(run);
    process.stderr.write(`hostile ${sample.name}: ${describe(run)}\n`);
  }
  return { limitBytes, timeoutS, runs };
}

function describe(run: HostileReport['runs'][number]): string {
  if (!('cpuMs' in run)) return `${run.status} (${run.detail})`;
  return `${run.status}${run.detail ? ` (${run.detail})` : ''}, ${Math.round(run.cpuMs)} ms CPU, ${Math.round(run.wallMs)} ms wall, peak ${Math.round(run.peakRssMb)} MB`;
}

/** The table `npm run bench` prints. */
export function hostileTable(report: HostileReport): string {
  const lines = [`| hostile class (${report.limitBytes} bytes, one object through the handler) | outcome | CPU ms | wall ms | peak RSS MB |`, '|---|---|---|---|---|'];
  for (const run of report.runs) {
    const figures = 'cpuMs' in run ? [Math.round(run.cpuMs), Math.round(run.wallMs), Math.round(run.peakRssMb)] : ['-', '-', '-'];
    lines.push(`| ${run.sample} | ${run.status}${run.detail ? ` (${run.detail})` : ''} | ${figures.join(' | ')} |`);
  }
  const measured = report.runs.filter((run): run is HostileRun => 'cpuMs' in run);
  const slowest = measured.reduce<HostileRun | undefined>((a, b) => (a && a.cpuMs >= b.cpuMs ? a : b), undefined);
  const largest = measured.reduce<HostileRun | undefined>((a, b) => (a && a.peakRssMb >= b.peakRssMb ? a : b), undefined);
  const failed = report.runs.length - measured.length;
  if (slowest && largest) {
    lines.push('', `most CPU: ${Math.round(slowest.cpuMs)} ms (${slowest.sample}); most memory: ${Math.round(largest.peakRssMb)} MB (${largest.sample}); target: at most ${TARGET.cpuMs} ms and ${TARGET.peakRssMb} MB${failed ? `; ${failed} object(s) did not finish` : ''}`);
  }
  return lines.join('\n');
}
