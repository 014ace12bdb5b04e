import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { organizerFunction } from './node-function.ts';

export interface SchedulerFunctionProps {
  readonly table: ITable;
  readonly worker: NodejsFunction;
}

const bundleScript = fileURLToPath(new URL('../../../scripts/bundle-http.mjs', import.meta.url));

/** The `scheduler` Lambda, run every minute: it reads that minute's due bucket and hands work to `worker`. */
export class SchedulerFunction extends Construct {
  public readonly fn: NodejsFunction;
  public readonly rule: Rule;

  constructor(scope: Construct, id: string, props: SchedulerFunctionProps) {
    super(scope, id);
    this.fn = organizerFunction(this, {
      entry: 'scheduler.ts',
      table: props.table,
      memorySize: 256,
      timeout: Duration.seconds(60),
      environment: { WORKER_FUNCTION_NAME: props.worker.functionName },
      // Re-bundled with code splitting, as the worker: the tick builds the same dependencies, and the chart
      // renderer and each platform's adapter stay chunks it reads only if it uses them.
      commandHooks: {
        beforeInstall: () => [],
        beforeBundling: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => [`node "${bundleScript}" "${outputDir}" node22 scheduler`],
      },
    });
    props.worker.grantInvoke(this.fn);
    this.rule = new Rule(this, 'EveryMinute', { schedule: Schedule.rate(Duration.minutes(1)), targets: [new LambdaFunction(this.fn)] });
  }
}
