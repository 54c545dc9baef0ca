import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

export const GITHUB_OIDC_ISSUER = 'token.actions.githubusercontent.com';

export interface DeployRoleStackProps extends StackProps {
  /** `owner/name` of the GitHub repository whose workflow may deploy. */
  githubRepository: string;
  /** The GitHub environment of the deploy job; only jobs in it can assume the role. */
  githubEnvironment: string;
  /** Reuse the account's existing GitHub OIDC provider instead of creating it (there can be one per account). */
  existingOidcProvider?: boolean;
  /** Qualifier of the CDK bootstrap stack (`cdk bootstrap --qualifier`), default hnb659fds. */
  cdkQualifier?: string;
}

/**
 * One-time bootstrap for deploying from GitHub Actions without stored keys: the account's OIDC
 * provider for GitHub and a role that only the deploy job of one repository and environment can
 * assume. The role can do one thing: assume the CDK bootstrap roles (deploy and asset publishing)
 * of this account and region, which is how `cdk deploy` works; CloudFormation does the rest with
 * the bootstrap's execution role.
 */
export class DeployRoleStack extends Stack {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: DeployRoleStackProps) {
    super(scope, id, props);
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(props.githubRepository)) {
      throw new Error(`githubRepository must be owner/name, got "${props.githubRepository}"`);
    }
    const qualifier = props.cdkQualifier ?? 'hnb659fds';

    const providerArn = props.existingOidcProvider
      ? `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:oidc-provider/${GITHUB_OIDC_ISSUER}`
      : new iam.OidcProviderNative(this, 'GitHubOidc', { url: `https://${GITHUB_OIDC_ISSUER}`, clientIds: ['sts.amazonaws.com'] }).oidcProviderArn;

    this.role = new iam.Role(this, 'DeployRole', {
      description: `cdk deploy from GitHub Actions: ${props.githubRepository}, environment ${props.githubEnvironment}`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.WebIdentityPrincipal(providerArn, {
        StringEquals: {
          [`${GITHUB_OIDC_ISSUER}:aud`]: 'sts.amazonaws.com',
          [`${GITHUB_OIDC_ISSUER}:sub`]: `repo:${props.githubRepository}:environment:${props.githubEnvironment}`,
        },
      }),
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'UseCdkBootstrapRoles',
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: ['deploy-role', 'file-publishing-role'].map((role) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/cdk-${qualifier}-${role}-${Aws.ACCOUNT_ID}-${Aws.REGION}`),
      }),
    );

    new CfnOutput(this, 'DeployRoleArn', { value: this.role.roleArn, description: 'Set as the AWS_DEPLOY_ROLE_ARN variable of the GitHub repository' });
  }
}
