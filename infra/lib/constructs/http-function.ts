import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, type FunctionUrl, FunctionUrlAuthType, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { secretParameters } from '../../../functions/src/secret-names.ts';

export interface HttpFunctionProps {
  readonly table: ITable;
  /** SSM parameter prefix holding the platform secrets, e.g. `/organizer/`. */
  readonly secretsPrefix: string;
}

const entry = fileURLToPath(new URL('../../../functions/src/http.ts', import.meta.url));
const bundleScript = fileURLToPath(new URL('../../../scripts/bundle-http.mjs', import.meta.url));

/** The `http` Lambda (Slack and Discord routes) behind a Function URL, with its logs and alarms. */
export class HttpFunction extends Construct {
  public readonly fn: NodejsFunction;
  public readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: HttpFunctionProps) {
    super(scope, id);
    this.fn = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH }),
      environment: { TABLE_NAME: props.table.tableName, SECRETS_SSM_PREFIX: props.secretsPrefix },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: false,
        forceDockerBundling: false,
        // ESM bundles of CommonJS dependencies need a real `require` (else "Dynamic require of node:https").
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        // Re-bundle with code splitting (NodejsFunction writes a single file): each platform's adapter
        // becomes a chunk loaded on its first request, so a Discord cold start never parses Bolt.
        commandHooks: {
          beforeInstall: () => [],
          beforeBundling: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [`node "${bundleScript}" "${outputDir}" node22`],
        },
      },
    });
    props.table.grantReadWriteData(this.fn);
    // Secrets are read by name at cold start, never inlined in the template or the environment.
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameters', 'ssm:GetParameter'],
        resources: Object.keys(secretParameters).map((name) =>
          Stack.of(this).formatArn({
            service: 'ssm',
            resource: 'parameter',
            resourceName: `${props.secretsPrefix.replace(/^\//, '')}${name}`,
          }),
        ),
      }),
    );
    // Slack and Discord authenticate by signature, verified in the app; the URL itself is public.
    this.url = this.fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    new CfnOutput(this, 'Url', { value: this.url.url, description: 'Base URL for /slack/events and /discord/interactions' });

    for (const [name, metric] of [
      ['Errors', this.fn.metricErrors({ period: Duration.minutes(5) })],
      ['Throttles', this.fn.metricThrottles({ period: Duration.minutes(5) })],
    ] as const) {
      new Alarm(this, `${name}Alarm`, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
  }
}
