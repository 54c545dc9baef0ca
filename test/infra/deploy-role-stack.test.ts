import { Match } from 'aws-cdk-lib/assertions';
import { GITHUB_OIDC_ISSUER } from '../../infra/deploy-role-stack';
import { deployRoleStack } from './synth';

describe('DeployRoleStack (one-time GitHub OIDC bootstrap)', () => {
  const { template } = deployRoleStack({ githubRepository: 'acme/corroborate', githubEnvironment: 'production' });

  it("creates the account's GitHub OIDC provider for STS", () => {
    template.hasResourceProperties('AWS::IAM::OIDCProvider', { Url: `https://${GITHUB_OIDC_ISSUER}`, ClientIdList: ['sts.amazonaws.com'] });
  });

  it('lets only the production deploy job of this repository assume the role, for an hour at most', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRoleWithWebIdentity',
            Effect: 'Allow',
            Principal: { Federated: { Ref: Match.stringLikeRegexp('^GitHubOidc') } },
            Condition: {
              StringEquals: {
                [`${GITHUB_OIDC_ISSUER}:aud`]: 'sts.amazonaws.com',
                [`${GITHUB_OIDC_ISSUER}:sub`]: 'repo:acme/corroborate:environment:production',
              },
            },
          },
        ],
      },
    });
  });

  it('can only assume the CDK bootstrap deploy and publishing roles of this account and region', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'] });
    const resources = JSON.stringify(statements[0].Resource);
    expect(resources).toContain('cdk-hnb659fds-deploy-role-');
    expect(resources).toContain('cdk-hnb659fds-file-publishing-role-');
    expect(resources).not.toContain('*');
    expect(Object.values(template.findResources('AWS::IAM::Role'))[0]!.Properties.ManagedPolicyArns).toBeUndefined();
    template.hasOutput('DeployRoleArn', {});
  });

  it('reuses an existing provider when asked (one per account)', () => {
    const existing = deployRoleStack({ existingOidcProvider: true }).template;
    existing.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    existing.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Federated: { 'Fn::Join': ['', Match.arrayWith([`:oidc-provider/${GITHUB_OIDC_ISSUER}`])] } } })] },
    });
  });

  it('rejects a repository that is not owner/name', () => {
    expect(() => deployRoleStack({ githubRepository: 'corroborate' })).toThrow(/owner\/name/);
  });
});
