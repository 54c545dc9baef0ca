import { App } from 'aws-cdk-lib';
import { CorroborateStack } from './corroborate-stack';

const app = new App();
const stage = app.node.tryGetContext('stage') ?? process.env.CORROBORATE_STAGE ?? 'dev';
// No env lookups: synth must work offline and without credentials.
new CorroborateStack(app, `Corroborate-${stage}`, { description: 'corroborate: cross-outlet claim corroboration pipeline' });
app.synth();
