import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CorroborateStack } from '../../infra/corroborate-stack';
import { DeployRoleStack } from '../../infra/deploy-role-stack';
import { stageConfigFrom } from '../../infra/stage-config';
import { testApp } from './synth';

interface Acknowledgement {
  id: string;
  reason: string;
}

/** Synthesizes both stacks as the app does, recording every acknowledgement made on the way. */
function buildApp(options: { ignoreAcknowledgements: boolean }) {
  const acknowledged: Acknowledgement[] = [];
  const original = Validations.prototype.acknowledge;
  const spy = jest.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (this: Validations, acknowledgement) {
    acknowledged.push({ id: acknowledgement.id, reason: acknowledgement.reason ?? '' });
    if (!options.ignoreAcknowledgements) original.call(this, acknowledgement);
  });
  try {
    const app = testApp();
    new CorroborateStack(app, 'Corroborate-prod', { config: { ...stageConfigFrom(app.node, {}), stage: 'prod', alarmEmail: 'ops@example.com' } });
    new DeployRoleStack(app, 'Deploy', { githubRepository: 'acme/corroborate', githubEnvironment: 'production' });
    new DeployRoleStack(app, 'DeployWithExistingProvider', { githubRepository: 'acme/corroborate', githubEnvironment: 'production', existingOidcProvider: true });
    return { app, acknowledged };
  } finally {
    spy.mockRestore();
  }
}

const findings = (app: ReturnType<typeof testApp>) => new AwsSolutionsChecks(app).validateScope(app).violations;

describe('cdk-nag AwsSolutions', () => {
  it('has no unacknowledged findings', () => {
    const { app } = buildApp({ ignoreAcknowledgements: false });
    expect(findings(app).map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => (r as { constructPath?: string }).constructPath ?? r.resourceLogicalId).join(', ')}`)).toEqual([]);
  });

  it('acknowledges only findings that exist, each once, each with a real reason', () => {
    const { app, acknowledged } = buildApp({ ignoreAcknowledgements: true });
    const found = findings(app).flatMap((v) => v.violatingResources.map(() => v.ruleName)).sort();
    expect(found.length).toBeGreaterThan(0);
    expect(acknowledged.map((a) => a.id).sort()).toEqual(found);
    for (const { id, reason } of acknowledged) {
      // A sentence that says why, not a placeholder.
      expect({ id, long: reason.split(/\s+/).length >= 15 }).toEqual({ id, long: true });
    }
  });

  it('runs in synth: the app registers the AwsSolutions plugin', () => {
    const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const source = readFileSync(require.resolve('../../infra/app.ts'), 'utf8');
    expect(source).toMatch(/Validations\.of\(app\)\.addPlugins\(new AwsSolutionsChecks\(app\)\)/);
  });
});
