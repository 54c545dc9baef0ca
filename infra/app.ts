import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CorroborateStack } from './corroborate-stack';
import { DeployRoleStack } from './deploy-role-stack';
import { stackNameFor, stageConfigFrom } from './stage-config';

// No env lookups and no account ids: synth works offline and without credentials; `cdk deploy`
// targets the account and region of the credentials it runs with.
const app = new App();
const config = stageConfigFrom(app.node);

new CorroborateStack(app, stackNameFor(config.stage), {
  config,
  description: `corroborate (${config.stage}): cross-outlet claim corroboration pipeline`,
});

// The one-time GitHub deploy access (docs/deploy.md). GitHub Actions sets
// GITHUB_REPOSITORY, so CI synthesizes and checks it too.
const githubRepository = app.node.tryGetContext('githubRepository') ?? process.env.GITHUB_REPOSITORY;
if (githubRepository) {
  new DeployRoleStack(app, 'Corroborate-github-deploy', {
    githubRepository,
    githubEnvironment: app.node.tryGetContext('githubEnvironment') ?? 'production',
    existingOidcProvider: String(app.node.tryGetContext('existingOidcProvider') ?? 'false') === 'true',
    description: 'corroborate: GitHub Actions OIDC access for cdk deploy',
  });
}

Tags.of(app).add('project', 'corroborate');
Tags.of(app).add('stage', config.stage);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
