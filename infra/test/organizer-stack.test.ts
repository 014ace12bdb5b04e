import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrganizerStack } from '../lib/stacks/organizer-stack.ts';

describe('OrganizerStack', () => {
  let template: Template;
  let assetDirs: string[];
  beforeAll(() => {
    // One synthesis per file: each one bundles the function with esbuild.
    const app = new App();
    template = Template.fromStack(new OrganizerStack(app, 'OrganizerStack', { secretsPrefix: '/org-test/' }));
    const outdir = app.synth().directory;
    assetDirs = readdirSync(outdir)
      .filter((name) => name.startsWith('asset.'))
      .map((name) => join(outdir, name));
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
      Environment: {
        Variables: { TABLE_NAME: Match.anyValue(), SECRETS_SSM_PREFIX: '/org-test/', WORKER_FUNCTION_NAME: Match.anyValue() },
      },
    });
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const variables = JSON.stringify(functions.map((f) => f.Properties?.Environment?.Variables ?? {}));
    expect(variables).not.toMatch(/SIGNING_SECRET|BOT_TOKEN|PUBLIC_KEY/);
  });

  it('ships the function split in chunks, with Bolt outside the entry every cold start loads', () => {
    // Three functions are bundled, each split (chunks beside the entry); the http one serves the routes.
    const bundle = assetDirs.find(
      (dir) => existsSync(join(dir, 'chunks')) && readFileSync(join(dir, 'index.mjs'), 'utf8').includes('/slack/events'),
    );
    expect(bundle).toBeDefined();
    const chunks = readdirSync(join(bundle as string, 'chunks'));
    expect(chunks.some((name) => name.startsWith('bolt-app-'))).toBe(true);
    const entry = readFileSync(join(bundle as string, 'index.mjs'), 'utf8');
    expect(entry.startsWith("import { createRequire } from 'module'")).toBe(true);
    expect(entry).not.toContain('processBeforeResponse');
  });

  it('keeps the chart renderer out of the worker and scheduler entries: a chunk only a drawing job reads', () => {
    const split = assetDirs.filter(
      (dir) => existsSync(join(dir, 'chunks')) && !readFileSync(join(dir, 'index.mjs'), 'utf8').includes('/slack/events'),
    );
    expect(split).toHaveLength(2);
    for (const dir of split) {
      const entry = readFileSync(join(dir, 'index.mjs'), 'utf8');
      // `toSVG` is the renderer's call into Vega; Vega's own code would be ~1 MB of the entry.
      expect(entry).not.toContain('toSVG');
      expect(entry.length).toBeLessThan(200_000);
      expect(readdirSync(join(dir, 'chunks')).some((name) => name.startsWith('charts-'))).toBe(true);
    }
    // The worker's WebAssembly and fonts sit beside its entry, where the renderer's chunk looks (one folder up).
    expect(split.filter((dir) => existsSync(join(dir, 'resvg.wasm')) && existsSync(join(dir, 'NotoSans-Regular.ttf')))).toHaveLength(1);
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

  it('keeps logs for a month and alarms on errors and throttles of each of the three functions', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 3);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    // Two per function, plus the outbox's failure queue and iterator age.
    template.resourceCountIs('AWS::CloudWatch::Alarm', 8);
    for (const MetricName of ['Errors', 'Throttles']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName, Threshold: 1, Period: 300, EvaluationPeriods: 1 });
    }
  });

  /** The logical id of the function whose environment has exactly these keys (helper for references). */
  const functionWith = (keys: string[]) =>
    Object.entries(template.findResources('AWS::Lambda::Function')).find(
      ([, f]) => JSON.stringify(Object.keys(f.Properties?.Environment?.Variables ?? {}).sort()) === JSON.stringify([...keys].sort()),
    )?.[0];

  it('deploys the scheduler, the worker and the http function on Node 22 arm64, sized for their work', () => {
    template.resourceCountIs('AWS::Lambda::Function', 3);
    template.allResourcesProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 300,
      MemorySize: 1024,
      Environment: { Variables: { TABLE_NAME: Match.anyValue(), SECRETS_SSM_PREFIX: '/org-test/' } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 60,
      Environment: { Variables: { TABLE_NAME: Match.anyValue(), WORKER_FUNCTION_NAME: Match.anyValue() } },
    });
  });

  it('runs the scheduler every minute from EventBridge', () => {
    const scheduler = functionWith(['TABLE_NAME', 'WORKER_FUNCTION_NAME']);
    expect(scheduler).toBeDefined();
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [scheduler, 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [scheduler, 'Arn'] },
    });
  });

  it('points http and scheduler at the worker and lets them invoke it, asynchronously retried for an hour', () => {
    const worker = functionWith(['TABLE_NAME', 'SECRETS_SSM_PREFIX', 'TOKEN_KMS_KEY_ID']);
    expect(worker).toBeDefined();
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const pointing = functions.filter(
      (f) => JSON.stringify(f.Properties?.Environment?.Variables?.WORKER_FUNCTION_NAME) === JSON.stringify({ Ref: worker }),
    );
    expect(pointing).toHaveLength(2);
    const invokers = Object.values(template.findResources('AWS::IAM::Policy')).filter(
      (p) =>
        JSON.stringify(p.Properties.PolicyDocument).includes('"lambda:InvokeFunction"') &&
        JSON.stringify(p.Properties.PolicyDocument).includes(`"${worker}"`),
    );
    expect(invokers).toHaveLength(2);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: worker },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
    });
  });

  it('gives the platform secrets by name to the functions that talk to the platforms, and to no environment', () => {
    const ssmPolicies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes('ssm:GetParameter'),
    );
    expect(ssmPolicies).toHaveLength(2);
    const variables = JSON.stringify(
      Object.values(template.findResources('AWS::Lambda::Function')).map((f) => f.Properties?.Environment?.Variables ?? {}),
    );
    expect(variables).not.toMatch(/SIGNING_SECRET|BOT_TOKEN|PUBLIC_KEY/);
  });
  it('encrypts installation tokens with a rotating, retained KMS key: http makes and opens data keys, the worker only opens them', () => {
    const keys = template.findResources('AWS::KMS::Key');
    const [keyId, key] = Object.entries(keys)[0] ?? [];
    expect(Object.keys(keys)).toHaveLength(1);
    expect(key).toMatchObject({ Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
    const functions = template.findResources('AWS::Lambda::Function');
    const withKey = Object.entries(functions).filter(
      ([, f]) =>
        JSON.stringify(f.Properties?.Environment?.Variables?.TOKEN_KMS_KEY_ID) === JSON.stringify({ 'Fn::GetAtt': [keyId, 'Arn'] }),
    );
    expect(withKey).toHaveLength(2);
    const kmsActions = (fnId: string) =>
      Object.values(template.findResources('AWS::IAM::Policy'))
        .filter((p) => JSON.stringify(p.Properties.Roles).includes(String(functions[fnId]?.Properties?.Role?.['Fn::GetAtt']?.[0])))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((st) => JSON.stringify(st.Resource).includes(String(keyId)))
        .flatMap((st) => [st.Action].flat())
        .sort();
    const http = functionWith(['TABLE_NAME', 'SECRETS_SSM_PREFIX', 'WORKER_FUNCTION_NAME', 'TOKEN_KMS_KEY_ID']);
    const worker = withKey.map(([id]) => id).find((id) => id !== http);
    expect(kmsActions(String(http))).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(kmsActions(String(worker))).toEqual(['kms:Decrypt']);
  });

  describe('outbox delivery', () => {
    const only = (type: string) => {
      const found = Object.keys(template.findResources(type));
      expect(found).toHaveLength(1);
      return found[0] as string;
    };
    const worker = () => functionWith(['TABLE_NAME', 'SECRETS_SSM_PREFIX', 'TOKEN_KMS_KEY_ID']);

    it('streams the new image of every table item, keeping the table as it was', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      });
    });

    it('feeds new outbox items only from the stream to the worker, reporting failed records, bounded retries', () => {
      template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [only('AWS::DynamoDB::Table'), 'StreamArn'] },
        FunctionName: { Ref: worker() },
        StartingPosition: 'LATEST',
        BatchSize: 100,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        MaximumRecordAgeInSeconds: 3600,
        ParallelizationFactor: 4,
        FilterCriteria: {
          Filters: [{ Pattern: Match.serializedJson({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['Outbox'] } } } }) }],
        },
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [only('AWS::SQS::Queue'), 'Arn'] } } },
      });
      const filters = JSON.stringify(template.findResources('AWS::Lambda::EventSourceMapping'));
      expect(filters).toContain('INSERT');
      expect(filters).toContain('Outbox');
      expect(filters).not.toMatch(/MODIFY|REMOVE/);
    });

    it('keeps what delivery gives up on for 14 days in an encrypted queue the worker may write to', () => {
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const workerRole = String(template.findResources('AWS::Lambda::Function')[String(worker())]?.Properties?.Role?.['Fn::GetAtt']?.[0]);
      const workerPolicies = JSON.stringify(
        Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(workerRole)),
      );
      expect(workerPolicies).toContain('dynamodb:GetRecords');
      expect(workerPolicies).toContain('dynamodb:GetShardIterator');
      expect(workerPolicies).toContain('sqs:SendMessage');
      expect(workerPolicies).toContain(only('AWS::SQS::Queue'));
    });

    it('alarms on any message in the failure queue and on delivery falling ten minutes behind', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [only('AWS::SQS::Queue'), 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'IteratorAge',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: worker() } }],
        Statistic: 'Maximum',
        Period: 300,
        Threshold: 600_000,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    });
  });
});
