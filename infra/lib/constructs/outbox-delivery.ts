import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OutboxDeliveryProps {
  /** The one table, with its stream on (new images are enough: the worker reads the item as written). */
  readonly table: ITable;
  /** The function that delivers outbox items (`worker`); it reports failed records by sequence number. */
  readonly worker: IFunction;
}

/**
 * Delivery of the transactional outbox on AWS: the table's stream feeds the worker, new outbox items only.
 * A job's own failure never fails its record (the app retries it through the ready index for about 17
 * hours); only records the worker could not handle at all come back, and after bounded retries their
 * batch's coordinates land in a queue that raises an alarm. The items themselves stay in the table.
 */
export class OutboxDelivery extends Construct {
  public readonly source: DynamoEventSource;
  /** What Lambda gives up on: shard and sequence range of the records, not the records themselves. */
  public readonly failures: Queue;
  public readonly failuresAlarm: Alarm;
  public readonly iteratorAgeAlarm: Alarm;

  constructor(scope: Construct, id: string, props: OutboxDeliveryProps) {
    super(scope, id);
    this.failures = new Queue(this, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS keeps a message: time for someone to look after the alarm.
      retentionPeriod: Duration.days(14),
    });
    this.source = new DynamoEventSource(props.table, {
      // LATEST: every outbox item is also in the ready index from the moment it is written, and the
      // minute tick delivers what is ready, so records written before the mapping exists (first deploy,
      // a replaced mapping) are not lost. TRIM_HORIZON would replay up to 24 hours of records on each
      // re-creation of the mapping: harmless under the delivery claims, but a burst of work for nothing.
      startingPosition: StartingPosition.LATEST,
      // The worker handles a batch's records concurrently, each under its own claim; 100 paced posts fit
      // well inside its 5-minute timeout.
      batchSize: 100,
      reportBatchItemFailures: true,
      // Narrows a batch that fails as a whole (crash, timeout) down to the record that causes it.
      bisectBatchOnError: true,
      // Bounded: a record Lambda stops retrying is still in the table, and the ready index retries it.
      retryAttempts: 5,
      maxRecordAge: Duration.hours(1),
      // Up to four batches of a shard at once, so one slow batch (a paced channel) does not hold up the
      // items behind it: outbox items are independent of one another.
      parallelizationFactor: 4,
      onFailure: new SqsDlq(this.failures),
      // Only new outbox items start a delivery: state changes, the outbox's own updates (claims, retries)
      // and removals (done, TTL) never invoke the worker.
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('Outbox') } } },
        }),
      ],
    });
    props.worker.addEventSource(this.source);

    this.failuresAlarm = new Alarm(this, 'FailuresAlarm', {
      alarmDescription: 'Outbox stream records the worker could not handle after its retries (see the failure queue)',
      metric: this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: Stats.MAXIMUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    // IteratorAge: how old the last record of a stream batch was when the worker got it, i.e. delivery
    // falling behind. It is reported only with invocations; a worker that keeps failing shows in its
    // errors alarm instead.
    this.iteratorAgeAlarm = new Alarm(this, 'IteratorAgeAlarm', {
      alarmDescription: 'Outbox delivery from the table stream is more than 10 minutes behind',
      metric: props.worker.metric('IteratorAge', { period: Duration.minutes(5), statistic: Stats.MAXIMUM }),
      threshold: Duration.minutes(10).toMilliseconds(),
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
