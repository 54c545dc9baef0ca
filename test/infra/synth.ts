import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CorroborateStack } from '../../infra/corroborate-stack';
import { DeployRoleStack, type DeployRoleStackProps } from '../../infra/deploy-role-stack';
import { stageConfigFrom, type StageConfig } from '../../infra/stage-config';

/** The context that `npx cdk synth` gets from cdk.json (feature flags such as minimizePolicies). */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cdk.json'), 'utf8')).context ?? {};

/** cdk.json's context; bundling skipped: synthesis stays in-process and fast (`npx cdk synth` bundles for real). */
export function testApp(context: Record<string, unknown> = {}): App {
  return new App({ context: { ...CDK_JSON_CONTEXT, ...context, 'aws:cdk:bundling-stacks': [] } });
}

export function corroborateStack(overrides: Partial<StageConfig> = {}, app: App = testApp()): { app: App; stack: CorroborateStack; template: Template; config: StageConfig } {
  const config = { ...stageConfigFrom(app.node, {}), ...overrides };
  const stack = new CorroborateStack(app, 'Test', { config });
  return { app, stack, template: Template.fromStack(stack), config };
}

export function deployRoleStack(overrides: Partial<DeployRoleStackProps> = {}, app: App = testApp()) {
  const stack = new DeployRoleStack(app, 'Deploy', { githubRepository: 'acme/corroborate', githubEnvironment: 'production', ...overrides });
  return { app, stack, template: Template.fromStack(stack) };
}

type Json = Record<string, unknown>;

/** Every statement of every IAM policy attached to roles whose logical id matches. */
export function roleStatements(template: Template, roleLogicalId: RegExp): Json[] {
  const policies = template.findResources('AWS::IAM::Policy') as Record<string, { Properties: { Roles: Array<{ Ref: string }>; PolicyDocument: { Statement: Json[] } } }>;
  return Object.values(policies)
    .filter((policy) => policy.Properties.Roles.some((role) => roleLogicalId.test(role.Ref)))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

export function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

export function logicalIdOf(template: Template, type: string, pattern: RegExp): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => pattern.test(id));
  if (ids.length !== 1) throw new Error(`expected one ${type} matching ${pattern}, found ${ids.join(', ') || 'none'}`);
  return ids[0]!;
}
