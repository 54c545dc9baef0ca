import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Loads the handlers' wiring in a fresh node process (through tsx, as `npm start` runs it) and
 * reports whether the X-Ray SDK was loaded: it installs an async hook as it loads that tracks every
 * promise of the process, so it must load only where Lambda traces.
 */
function xRaySdkLoaded(env: Record<string, string>): boolean {
  const script = [
    "require('./functions/shared/aws-dependencies');",
    "process.stdout.write(String(Object.keys(require.cache).some((file) => file.includes('aws-xray-sdk-core'))));",
  ].join('\n');
  const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
  });
  return output.trim().endsWith('true');
}

describe('X-Ray tracer loading', () => {
  it('is not loaded off Lambda (the local stack, the CLI, the bench)', () => {
    expect(xRaySdkLoaded({})).toBe(false);
  });

  it('is loaded on Lambda, where the function traces its AWS calls', () => {
    expect(xRaySdkLoaded({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' })).toBe(true);
  });

  it('is not loaded on Lambda when tracing is switched off', () => {
    expect(xRaySdkLoaded({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x', POWERTOOLS_TRACE_ENABLED: 'false' })).toBe(false);
  });
});
