import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrganizerStack } from '../lib/stacks/organizer-stack.ts';

describe('OrganizerStack', () => {
  let template: Template;
  beforeAll(() => {
    // One synthesis per file: each one bundles the function with esbuild.
    template = Template.fromStack(new OrganizerStack(new App(), 'OrganizerStack', { secretsPrefix: '/org-test/' }));
  });

  it('keeps the data in one on-demand table with the shared key schema, PITR, TTL, and retains it', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
        }),
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('runs the http function on Node 22 arm64 with the table name and the secrets prefix, not the secrets', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Environment: { Variables: { TABLE_NAME: Match.anyValue(), SECRETS_SSM_PREFIX: '/org-test/' } },
    });
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const variables = JSON.stringify(functions.map((f) => f.Properties?.Environment?.Variables ?? {}));
    expect(variables).not.toMatch(/SIGNING_SECRET|BOT_TOKEN|PUBLIC_KEY/);
  });

  it('exposes the function through a public Function URL (requests are verified by signature)', () => {
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
    template.hasOutput('*', { Description: Match.stringLikeRegexp('/slack/events') });
  });

  it('lets the function read and write the table and read exactly its SSM parameters', () => {
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('dynamodb:PutItem');
    expect(policies).toContain('dynamodb:Query');
    expect(policies).toContain('ssm:GetParameters');
    for (const name of ['slack-signing-secret', 'slack-bot-token', 'discord-public-key', 'discord-application-id', 'discord-bot-token']) {
      expect(policies).toContain(`:parameter/org-test/${name}`);
    }
    expect(policies).not.toMatch(/parameter\/\*"/);
  });

  it('keeps logs for a month and alarms on errors and throttles', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Threshold: 1 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Throttles', Threshold: 1 });
  });
});
