import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorroborateStack } from '../../infra/corroborate-stack';
import { stageConfigFrom } from '../../infra/stage-config';
import { CDK_JSON_CONTEXT } from './synth';

// The one test that bundles for real (esbuild, no Docker): what the function ships.
describe('ingest function bundle', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'corroborate-synth-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('is one minified file with a source map, the AWS SDK inside', () => {
    const app = new App({ outdir, context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': ['**'] } });
    const stack = new CorroborateStack(app, 'Bundled', { config: stageConfigFrom(app.node, {}) });
    const template = Template.fromStack(stack);
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }));
    const assetHash = String(fn!.Properties.Code.S3Key).replace(/\.zip$/, '');
    const dir = join(outdir, `asset.${assetHash}`);
    const code = readFileSync(join(dir, 'index.js'), 'utf8');
    expect(existsSync(join(dir, 'index.js.map'))).toBe(true);
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/);
    // Minified: few, long lines.
    expect(code.split('\n').length).toBeLessThan(1000);
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000);
    // The SDK is bundled (pinned by the lockfile), not taken from the runtime.
    expect(code).not.toMatch(/require\("@aws-sdk\/(client-|lib-)/);
    expect(code).toContain('PutObject');
    expect(code).toContain('BatchWriteItem');
  }, 120_000);
});
