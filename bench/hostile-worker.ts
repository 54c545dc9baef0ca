/**
 * One hostile object through the handler path, in a process of its own (see bench/hostile.ts):
 * a seed article first, as a warm function would have seen, then the sample named on the command
 * line, built to the byte size given, or another seed article for TYPICAL (arguments: sample name,
 * bytes, the seeds directory). Prints one JSON line: CPU and wall time of the hostile
 * object's handler call, the process's peak memory (VmHWM) and what became of the object.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleS3Event } from '../functions/ingest/handler';
import { hostileSample } from '../test/support/hostile-corpus';
import { memoryPipeline, s3Event } from '../test/support/memory-pipeline';

/** The name under which a seed article is measured, for comparison. */
export const TYPICAL = 'typical-article';

export interface HostileRun {
  sample: string;
  bytes: number;
  cpuMs: number;
  wallMs: number;
  peakRssMb: number;
  status: string;
  /** The rejection code, or "truncated" when only the first part was read. */
  detail?: string;
}

/** High-water mark of this process image's resident memory (see bench/e2e-worker.ts for why not maxRSS). */
function peakRssMb(): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
  const [name, size, seedsDir] = process.argv.slice(2);
  const pipeline = memoryPipeline(Number(size));
  const seeds = readdirSync(seedsDir).sort().map((file) => readFileSync(join(seedsDir, file)));
  await pipeline.objects.put('inbox/seed.txt', seeds[0], 'text/plain');
  await handleS3Event(s3Event([{ key: 'inbox/seed.txt', eventTime: pipeline.nextEventTime() }]), pipeline.deps);

  const sample = name === TYPICAL ? { key: 'inbox/typical.txt', contentType: 'text/plain', build: () => seeds[1] } : hostileSample(name);
  const body = sample.build(Number(size));
  await pipeline.objects.put(sample.key, body, sample.contentType ?? 'application/octet-stream');
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const { outcomes } = await handleS3Event(s3Event([{ key: sample.key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const outcome = outcomes[0];
  const detail = outcome.status === 'rejected' ? outcome.code : 'truncated' in outcome && outcome.truncated ? 'truncated' : undefined;
  const run: HostileRun = { sample: name, bytes: body.length, cpuMs: (used.user + used.system) / 1000, wallMs, peakRssMb: peakRssMb(), status: outcome.status, ...(detail ? { detail } : {}) };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
