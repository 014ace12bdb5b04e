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
    });
    props.worker.grantInvoke(this.fn);
    this.rule = new Rule(this, 'EveryMinute', { schedule: Schedule.rate(Duration.minutes(1)), targets: [new LambdaFunction(this.fn)] });
  }
}
