import { fileURLToPath } from 'node:url';
import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { secretParameters } from '../../../functions/src/secret-names.ts';

/** What every Organizer function shares; each construct adds its entry, size and extra bundling. */
export interface OrganizerFunctionProps {
  /** Entry file name under `functions/src/`, e.g. `worker.ts`. */
  readonly entry: string;
  readonly table: ITable;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment?: Record<string, string>;
  /** SSM parameter prefix of the platform secrets, for functions that talk to Slack or Discord. */
  readonly secretsPrefix?: string;
  readonly commandHooks?: BundlingOptions['commandHooks'];
}

/**
 * A NodejsFunction as Organizer deploys them: Node 22 on arm64, an ESM bundle with a real `require`,
 * a month of logs, the table granted, secrets readable by name only, and alarms on errors and throttles.
 */
export function organizerFunction(scope: Construct, props: OrganizerFunctionProps): NodejsFunction {
  const fn = new NodejsFunction(scope, 'Function', {
    entry: fileURLToPath(new URL(`../../../functions/src/${props.entry}`, import.meta.url)),
    handler: 'handler',
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    logGroup: new LogGroup(scope, 'Logs', { retention: RetentionDays.ONE_MONTH }),
    environment: {
      TABLE_NAME: props.table.tableName,
      ...(props.secretsPrefix ? { SECRETS_SSM_PREFIX: props.secretsPrefix } : {}),
      ...props.environment,
    },
    bundling: {
      format: OutputFormat.ESM,
      target: 'node22',
      minify: true,
      sourceMap: false,
      forceDockerBundling: false,
      // ESM bundles of CommonJS dependencies need a real `require` (else "Dynamic require of node:https").
      banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      ...(props.commandHooks ? { commandHooks: props.commandHooks } : {}),
    },
  });
  props.table.grantReadWriteData(fn);
  const { secretsPrefix } = props;
  if (secretsPrefix) {
    // Secrets are read by name at cold start, never inlined in the template or the environment.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameters', 'ssm:GetParameter'],
        resources: Object.keys(secretParameters).map((name) =>
          Stack.of(scope).formatArn({ service: 'ssm', resource: 'parameter', resourceName: `${secretsPrefix.replace(/^\//, '')}${name}` }),
        ),
      }),
    );
  }
  for (const [name, metric] of [
    ['Errors', fn.metricErrors({ period: Duration.minutes(5) })],
    ['Throttles', fn.metricThrottles({ period: Duration.minutes(5) })],
  ] as const) {
    new Alarm(scope, `${name}Alarm`, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
  return fn;
}
