import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { HttpFunction } from '../constructs/http-function.ts';
import { OrganizerTable } from '../constructs/organizer-table.ts';
import { OutboxDelivery } from '../constructs/outbox-delivery.ts';
import { SchedulerFunction } from '../constructs/scheduler-function.ts';
import { WorkerFunction } from '../constructs/worker-function.ts';

export interface OrganizerStackProps extends StackProps {
  /** SSM parameter prefix of the platform secrets (default `/organizer/`). */
  readonly secretsPrefix?: string;
}

/**
 * Organizer on AWS: the table, the HTTP function, the minute scheduler, the worker they hand work to, and
 * the table's outbox stream feeding that worker.
 */
export class OrganizerStack extends Stack {
  public readonly table: OrganizerTable;
  public readonly http: HttpFunction;
  public readonly worker: WorkerFunction;
  public readonly scheduler: SchedulerFunction;
  /** The table's stream feeding the worker, with its failure queue and alarms. */
  public readonly outbox: OutboxDelivery;
  /** Wraps the data keys that installation tokens (Slack OAuth) are encrypted with. */
  public readonly tokenKey: Key;

  constructor(scope: Construct, id: string, props: OrganizerStackProps = {}) {
    super(scope, id, props);
    const secretsPrefix = props.secretsPrefix ?? '/organizer/';
    this.table = new OrganizerTable(this, 'Data');
    this.worker = new WorkerFunction(this, 'Worker', { table: this.table.table, secretsPrefix });
    this.http = new HttpFunction(this, 'Http', { table: this.table.table, secretsPrefix, workerFunctionName: this.worker.fn.functionName });
    this.worker.fn.grantInvoke(this.http.fn);
    this.tokenKey = new Key(this, 'TokenKey', {
      description: 'Organizer: encrypts the data keys of installation tokens at rest',
      enableKeyRotation: true,
      // Without it, every stored installation is unreadable: keep it if the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The HTTP function stores installs (makes data keys) and reads them; the worker only reads them.
    this.tokenKey.grant(this.http.fn, 'kms:GenerateDataKey', 'kms:Decrypt');
    this.tokenKey.grantDecrypt(this.worker.fn);
    for (const fn of [this.http.fn, this.worker.fn]) fn.addEnvironment('TOKEN_KMS_KEY_ID', this.tokenKey.keyArn);
    this.scheduler = new SchedulerFunction(this, 'Scheduler', { table: this.table.table, worker: this.worker.fn });
    this.outbox = new OutboxDelivery(this, 'Outbox', { table: this.table.table, worker: this.worker.fn });
  }
}
