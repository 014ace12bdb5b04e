import { serve } from '@hono/node-server';
import { ensureTable } from '@organizer/store-dynamodb';
import { createApp } from './app.ts';
import { loadConfig, readDotEnv } from './config.ts';
import { buildDeps } from './deps.ts';
import { type DynamoDbLocal, JavaMissingError, startDynamoDbLocal } from './dynamodb-local.ts';
import { runTick } from './tick.ts';

/** `npm start`: the whole app on Node, with DynamoDB Local unless DYNAMODB_ENDPOINT points elsewhere. */
async function main(): Promise<void> {
  readDotEnv();
  let config = loadConfig();
  let local: DynamoDbLocal | undefined;
  if (!config.DYNAMODB_ENDPOINT) {
    try {
      local = await startDynamoDbLocal({ dataDir: config.DATA_DIR });
    } catch (error) {
      if (error instanceof JavaMissingError) {
        console.error('Organizer needs Java 17+ to run DynamoDB Local (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`),');
        console.error('or set DYNAMODB_ENDPOINT to a DynamoDB you already run.');
        process.exit(1);
      }
      throw error;
    }
    config = { ...config, DYNAMODB_ENDPOINT: local.endpoint };
  }
  const deps = buildDeps(config);
  // Locally only: on AWS the CDK stack owns the table.
  await ensureTable(await deps.database(), config.TABLE_NAME);
  const server = serve({ fetch: createApp(deps).fetch, port: config.PORT }, (info) => {
    deps.log.info('Organizer is listening', {
      url: `http://localhost:${info.port}`,
      dynamodb: config.DYNAMODB_ENDPOINT,
      table: config.TABLE_NAME,
    });
  });
  // The scheduler, in-process: one tick at the start of every minute (deferred work runs in-process too).
  let ticker: NodeJS.Timeout | undefined;
  const tick = () => {
    runTick(deps.core.due, deps.core.deferred, deps.now()).catch((error: unknown) => deps.onError(error));
    ticker = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
  };
  if (config.LOCAL_TICK) tick();
  const stop = async () => {
    clearTimeout(ticker);
    server.close();
    await local?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Organizer could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
