import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { type DynamoDbLocalProcess, launchDynamoDbLocal } from './dynamodb-local-process.ts';
import { removePidFile, stopStaleDynamoDbLocal, writePidFile } from './dynamodb-local-stale.ts';
import { createLogger, type Logger } from './log.ts';

/** Ends a Java process its watchdog left behind, and waits (up to 5 s) until it is gone. */
async function endOrphan(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
  for (let waited = 0; waited < 5000 && alive(); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A running DynamoDB Local child process, restarted when it dies. */
export interface DynamoDbLocal {
  readonly endpoint: string;
  /** The Java process's pid now: a restart changes it. */
  pid(): number | undefined;
  /** What DynamoDB Local's output said went wrong (a damaged database file, …), if it named something known. */
  problem(): string | undefined;
  stop(): Promise<void>;
}

/** Thrown when Java (which DynamoDB Local runs on) is not installed. */
export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer and there is no java on PATH (Debian/Ubuntu: apt-get install openjdk-17-jre-headless), or set DYNAMODB_ENDPOINT to a DynamoDB you already run',
    );
    this.name = 'JavaMissingError';
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitUntilUp(endpoint: string, running: DynamoDbLocalProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.hasExited()) {
      const why = running.problem() ?? (await running.exited);
      throw new Error(`DynamoDB Local stopped while starting: ${why}`);
    }
    try {
      // Any HTTP answer (it is a 400 without a signed body) means the server is listening.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`DynamoDB Local did not start within ${timeoutMs / 1000} s${running.problem() ? `: ${running.problem()}` : ''}`);
}

/** Restart delays: 0.5 s, doubling up to 30 s; back to the start once it has run for a minute. */
const backoff = { firstMs: 500, maxMs: 30_000, stableMs: 60_000 };

/**
 * Starts AWS's DynamoDB Local and keeps it running: if it dies it is started again on the same port
 * (with backoff, a log line each time), so the client's endpoint stays valid. With `dataDir` it keeps
 * data on disk (a restart loses nothing) and first stops one that a killed run left on the same files;
 * without it, in memory. `-sharedDb` makes every credential and region see the same tables.
 */
export async function startDynamoDbLocal(options: { dataDir?: string; port?: number; log?: Logger } = {}): Promise<DynamoDbLocal> {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error) throw new JavaMissingError();
  const log = options.log ?? createLogger('warn', (line) => process.stderr.write(`${line}\n`));
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) {
    mkdirSync(path, { recursive: true });
    const stale = await stopStaleDynamoDbLocal(path);
    if (stale) log.warn('Stopped a DynamoDB Local an earlier run left on DATA_DIR', { pid: stale.pid, port: stale.port, dataDir: path });
  }
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  let stopping = false;
  let current: DynamoDbLocalProcess | undefined;
  let pid: number | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let delayMs = backoff.firstMs;
  let attempt = 0;

  const start = async (): Promise<void> => {
    const running = launchDynamoDbLocal({ path, port });
    current = running;
    let javaPid: number | undefined;
    void running.javaPid.then((started) => {
      if (current !== running || started === undefined) return;
      javaPid = pid = started;
      if (path) writePidFile(path, { pid: started, watchdog: running.child.pid ?? 0, port });
    });
    try {
      await waitUntilUp(endpoint, running, 30_000);
    } catch (error) {
      running.child.kill();
      throw error;
    }
    const upAt = Date.now();
    void running.exited.then(async (reason) => {
      // The watchdog gone (killed) may leave its Java running on the same files: end it before any restart.
      if (javaPid) await endOrphan(javaPid);
      if (path && javaPid) removePidFile(path, javaPid);
      if (stopping || current !== running) return;
      if (Date.now() - upAt >= backoff.stableMs) delayMs = backoff.firstMs;
      scheduleRestart(`${running.problem() ?? reason}`);
    });
  };

  const scheduleRestart = (reason: string) => {
    attempt += 1;
    log.warn('DynamoDB Local stopped; restarting it', { reason, inMs: delayMs, attempt, endpoint });
    restartTimer = setTimeout(() => {
      if (stopping) return;
      start().then(
        () => log.info('DynamoDB Local is running again', { endpoint, attempt }),
        (error: unknown) => scheduleRestart(error instanceof Error ? error.message : String(error)),
      );
    }, delayMs);
    delayMs = Math.min(delayMs * 2, backoff.maxMs);
  };

  // On a normal exit, end the watchdog (and with it Java); after a kill -9 the watchdog sees its pipe close.
  const stopOnExit = () => current?.child.kill();
  process.once('exit', stopOnExit);
  await start();
  return {
    endpoint,
    pid: () => pid,
    problem: () => current?.problem(),
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      process.off('exit', stopOnExit);
      const running = current;
      if (!running || running.hasExited()) return;
      running.child.kill();
      await running.exited;
    },
  };
}
