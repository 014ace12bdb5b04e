import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { chartAssets } from '../../../functions/src/charts.ts';
import { organizerFunction } from './node-function.ts';

const require = createRequire(import.meta.url);
const bundleScript = fileURLToPath(new URL('../../../scripts/bundle-http.mjs', import.meta.url));

export interface WorkerFunctionProps {
  readonly table: ITable;
  readonly secretsPrefix: string;
}

/**
 * The `worker` Lambda: deferred work in batches (prompts, reminders, notifications, exports), fed by the
 * table's outbox stream (see `OutboxDelivery`) and invoked asynchronously by `http` and `scheduler`.
 * Lambda retries a failed asynchronous batch twice within an hour; the delivery claims make a retry post
 * only what had not been posted.
 */
export class WorkerFunction extends Construct {
  public readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: WorkerFunctionProps) {
    super(scope, id);
    this.fn = organizerFunction(this, {
      entry: 'worker.ts',
      table: props.table,
      memorySize: 1024,
      // Pacing to the platforms' rate limits makes big batches slow, not failed; a stream batch of 100
      // fits, and the outbox lease (6 minutes) outlasts it, so no one else takes an item mid-delivery.
      timeout: Duration.minutes(5),
      secretsPrefix: props.secretsPrefix,
      // Re-bundled with code splitting (NodejsFunction writes one file): the chart renderer (Vega, Vega-Lite,
      // resvg) becomes a chunk that only a job that draws loads, so other cold starts never parse it.
      // The charts need resvg's WebAssembly and the fonts (Lambda has no system fonts) beside the
      // bundle, where the renderer looks first; copied from node_modules, so synth stays offline.
      commandHooks: {
        beforeInstall: () => [],
        beforeBundling: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => [
          `node "${bundleScript}" "${outputDir}" node22 worker`,
          ...Object.entries(chartAssets).map(([name, from]) => `cp "${require.resolve(from)}" "${outputDir}/${name}"`),
        ],
      },
    });
    this.fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1) });
  }
}
