import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { ensureTable } from '@organizer/store-dynamodb';
import { createApp } from './app.ts';
import { type Config, loadConfig, readDotEnv } from './config.ts';
import { type AppDeps, buildDeps } from './deps.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import { checkDataDir, checkPort, portError, StartupError } from './local-checks.ts';
import { createLogger } from './log.ts';
import { runTick } from './tick.ts';

/** The app running on this machine: its settings (with the database it really uses), its wiring, and its off switch. */
export interface LocalApp {
  readonly config: Config;
  readonly deps: AppDeps;
  stop(): Promise<void>;
}

/**
 * The whole app on Node, as `npm start` runs it: DynamoDB Local unless DYNAMODB_ENDPOINT points elsewhere,
 * the table, the HTTP server on PORT and the scheduler tick every minute.
 */
export async function startLocal(): Promise<LocalApp> {
  readDotEnv();
  let config = loadConfig();
  // What can be checked in a moment is checked before DynamoDB Local takes seconds to start.
  await checkPort(config.PORT);
  let local: DynamoDbLocal | undefined;
  if (!config.DYNAMODB_ENDPOINT) {
    checkDataDir(config.DATA_DIR);
    local = await startDynamoDbLocal({ dataDir: config.DATA_DIR, log: createLogger(config.LOG_LEVEL) });
    config = { ...config, DYNAMODB_ENDPOINT: local.endpoint };
  }
  try {
    return await serveLocal(config, local);
  } catch (error) {
    await local?.stop();
    throw error;
  }
}

async function serveLocal(config: Config, local: DynamoDbLocal | undefined): Promise<LocalApp> {
  const deps = buildDeps(config);
  // Locally only: on AWS the CDK stack owns the table.
  try {
    await ensureTable(await deps.database(), config.TABLE_NAME, { deadlineMs: 30_000 });
  } catch (error) {
    // DynamoDB Local's own output says more (a damaged file) than its answers do (InternalFailure).
    const why = local?.problem() ?? (error instanceof Error ? error.message : String(error));
    throw new StartupError(`the database at ${config.DYNAMODB_ENDPOINT} is not usable: ${why}`);
  }
  const server = serve({ fetch: createApp(deps).fetch, port: config.PORT });
  await new Promise<void>((done, fail) => {
    server.once('listening', () => done());
    server.once('error', (error) => fail(portError(config.PORT, error)));
  });
  const address = server.address();
  deps.log.info('Organizer is listening', {
    url: `http://localhost:${typeof address === 'object' && address ? address.port : config.PORT}`,
    dynamodb: config.DYNAMODB_ENDPOINT,
    table: config.TABLE_NAME,
    ready: '/readyz',
  });
  // The scheduler, in-process: one tick at the start of every minute (deferred work runs in-process too).
  let ticker: NodeJS.Timeout | undefined;
  const tick = () => {
    runTick(deps.core.due, deps.core.deferred, deps.now()).catch((error: unknown) => deps.onError(error));
    ticker = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
  };
  if (config.LOCAL_TICK) tick();
  // The outbox drains after every command; this also picks up retries and whatever a restart left in it.
  deps.startOutbox();
  return {
    config,
    deps,
    stop: async () => {
      clearTimeout(ticker);
      server.close();
      await local?.stop();
    },
  };
}

/**
 * Runs an entry point until Ctrl-C or SIGTERM, which stop it cleanly even while it is still starting
 * (DynamoDB Local is a child process to end). A failure to start is one line naming what to do, never
 * a stack trace; missing Java (for DynamoDB Local) names what to install. Exits 1 when it cannot start.
 */
export function runUntilStopped(start: () => Promise<{ stop(): Promise<void> }>): void {
  const running = start();
  const stop = async () => {
    await running.then((app) => app.stop()).catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  running.catch((error: unknown) => {
    // Each line names what is wrong and what to do: a bad setting, a taken port, DATA_DIR, Java, the database.
    const message = error instanceof Error ? error.message : String(error);
    for (const line of message.split('\n')) console.error(`Organizer could not start: ${line}`);
    process.exit(1);
  });
}

/** True when this file is the program Node was asked to run (`npm start`), not a module another entry imports. */
function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) runUntilStopped(startLocal);
