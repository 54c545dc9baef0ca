import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { parse } from 'yaml';
import { GITHUB_OIDC_ISSUER } from '../../infra/deploy-role-stack';
import { stackNameFor } from '../../infra/stage-config';
import { deployRoleStack } from './synth';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  uses?: string;
  needs?: string | string[];
  environment?: { name: string; url?: string } | string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const dir = join(__dirname, '..', '..', '.github', 'workflows');
const text = (file: string) => readFileSync(join(dir, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const runs = (job: Job) => (job.steps ?? []).map((step) => step.run ?? '').join('\n');
const stepUsing = (job: Job, action: string) => (job.steps ?? []).find((step) => step.uses?.startsWith(`${action}@`));

describe('ci.yml (pull requests)', () => {
  const ci = workflow('ci.yml');
  const job = ci.jobs.test!;

  it('runs on pull requests and can be called by the deploy workflow', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'workflow_call']));
  });

  it('installs from the lockfile, tests, then synthesizes', () => {
    const commands = (job.steps ?? []).map((step) => step.run).filter(Boolean);
    expect(commands).toEqual([expect.stringMatching(/^npm ci\b/), 'npm test', expect.stringMatching(/^npx cdk synth\b.*--no-notices/)]);
    expect(stepUsing(job, 'actions/setup-node')?.with?.['node-version']).toBe(20);
    expect(stepUsing(job, 'actions/setup-java')?.with?.['java-version']).toBe('17');
    expect(job.steps!.every((step) => step.name)).toBe(true);
  });

  it('reads the repository and nothing more, and never touches AWS', () => {
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(job.permissions).toBeUndefined();
    expect(text('ci.yml')).not.toMatch(/configure-aws-credentials|id-token|cdk deploy/);
  });
});

describe('deploy.yml (main -> production)', () => {
  const deploy = workflow('deploy.yml');
  const job = deploy.jobs.deploy!;

  it('runs on pushes to main (and by hand), one deployment at a time', () => {
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(deploy.on)).toEqual(['push', 'workflow_dispatch']);
    expect(deploy.concurrency).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
  });

  it('deploys only after the same tests as pull requests pass', () => {
    expect(deploy.jobs.test!.uses).toBe('./.github/workflows/ci.yml');
    expect(job.needs).toBe('test');
  });

  it('gets an OIDC token only in the deploy job', () => {
    expect(deploy.permissions).toEqual({ contents: 'read' });
    expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
  });

  it('assumes the deploy role named in repository settings through configure-aws-credentials', () => {
    const credentials = stepUsing(job, 'aws-actions/configure-aws-credentials');
    expect(credentials?.with).toEqual(
      expect.objectContaining({ 'role-to-assume': '${{ vars.AWS_DEPLOY_ROLE_ARN }}', 'aws-region': '${{ vars.AWS_REGION }}' }),
    );
    const names = job.steps!.map((step) => step.name);
    expect(names.indexOf(credentials!.name)).toBeLessThan(names.indexOf('Deploy'));
  });

  it('never uses stored keys', () => {
    for (const file of ['ci.yml', 'deploy.yml']) {
      expect(text(file)).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|secrets\./);
    }
  });

  it('runs cdk deploy for the production stack without prompting', () => {
    expect(job.env?.CORROBORATE_STAGE).toBe('prod');
    const deployCommand = runs(job).split('\n').find((line) => line.includes('cdk deploy'))!;
    expect(deployCommand).toMatch(/^npx cdk deploy "Corroborate-\$\{CORROBORATE_STAGE\}" --require-approval never/);
    expect(`Corroborate-${job.env!.CORROBORATE_STAGE}`).toBe(stackNameFor('prod'));
    // Settings reach the shell through env, not by pasting expressions into the script.
    expect(runs(job)).not.toContain('${{');
  });

  it('runs in the environment that the deploy role trusts', () => {
    const environment = typeof job.environment === 'string' ? job.environment : job.environment!.name;
    const { template } = deployRoleStack({ githubRepository: 'acme/corroborate', githubEnvironment: environment });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { [`${GITHUB_OIDC_ISSUER}:sub`]: `repo:acme/corroborate:environment:${environment}`, [`${GITHUB_OIDC_ISSUER}:aud`]: 'sts.amazonaws.com' } },
          }),
        ],
      },
    });
  });
});

describe('.ci/run', () => {
  it('still synthesizes the app (with cdk-nag) after the tests, so a broken stack never lands', () => {
    const script = readFileSync(join(__dirname, '..', '..', '.ci', 'run'), 'utf8');
    expect(script.indexOf('npm test')).toBeGreaterThan(-1);
    expect(script.indexOf('cdk synth')).toBeGreaterThan(script.indexOf('npm test'));
  });
});
