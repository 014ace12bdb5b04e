import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type FunctionUrl, FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { organizerFunction } from './node-function.ts';

export interface HttpFunctionProps {
  readonly table: ITable;
  /** SSM parameter prefix holding the platform secrets, e.g. `/organizer/`. */
  readonly secretsPrefix: string;
  /** Where deferred work goes (asynchronous invocations of the worker). */
  readonly workerFunctionName: string;
}

const bundleScript = fileURLToPath(new URL('../../../scripts/bundle-http.mjs', import.meta.url));

/** The `http` Lambda (Slack and Discord routes) behind a Function URL, with its logs and alarms. */
export class HttpFunction extends Construct {
  public readonly fn: NodejsFunction;
  public readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: HttpFunctionProps) {
    super(scope, id);
    this.fn = organizerFunction(this, {
      entry: 'http.ts',
      table: props.table,
      memorySize: 512,
      timeout: Duration.seconds(10),
      secretsPrefix: props.secretsPrefix,
      environment: { WORKER_FUNCTION_NAME: props.workerFunctionName },
      // Re-bundle with code splitting (NodejsFunction writes a single file): each platform's adapter
      // becomes a chunk loaded on its first request, so a Discord cold start never parses Bolt.
      commandHooks: {
        beforeInstall: () => [],
        beforeBundling: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => [`node "${bundleScript}" "${outputDir}" node22`],
      },
    });
    // Slack and Discord authenticate by signature, verified in the app; the URL itself is public.
    this.url = this.fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    new CfnOutput(this, 'Url', { value: this.url.url, description: 'Base URL for /slack/events and /discord/interactions' });
  }
}
