import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { HttpFunction } from '../constructs/http-function.ts';
import { OrganizerTable } from '../constructs/organizer-table.ts';
import { SchedulerFunction } from '../constructs/scheduler-function.ts';
import { WorkerFunction } from '../constructs/worker-function.ts';

export interface OrganizerStackProps extends StackProps {
  /** SSM parameter prefix of the platform secrets (default `/organizer/`). */
  readonly secretsPrefix?: string;
}

/** Organizer on AWS: the table, the HTTP function, the minute scheduler and the worker they hand work to. */
export class OrganizerStack extends Stack {
  public readonly table: OrganizerTable;
  public readonly http: HttpFunction;
  public readonly worker: WorkerFunction;
  public readonly scheduler: SchedulerFunction;

  constructor(scope: Construct, id: string, props: OrganizerStackProps = {}) {
    super(scope, id, props);
    const secretsPrefix = props.secretsPrefix ?? '/organizer/';
    this.table = new OrganizerTable(this, 'Data');
    this.worker = new WorkerFunction(this, 'Worker', { table: this.table.table, secretsPrefix });
    this.http = new HttpFunction(this, 'Http', { table: this.table.table, secretsPrefix, workerFunctionName: this.worker.fn.functionName });
    this.worker.fn.grantInvoke(this.http.fn);
    this.scheduler = new SchedulerFunction(this, 'Scheduler', { table: this.table.table, worker: this.worker.fn });
  }
}
