import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { startTestApp } from './app.ts';

/** The whole app on a real HTTP port of 127.0.0.1 (as `npm start` serves it), on its own table. */
export async function startTestServer(label: string, env: Record<string, string> = {}) {
  const t = await startTestApp(label, env);
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((done) => (server.listening ? done() : server.once('listening', () => done())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...t,
    url,
    stop: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await t.stop();
    },
  };
}

/** A port nothing listens on at the moment. */
export function freePort(): Promise<number> {
  return new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => done(free));
    });
  });
}

/** `functions/src/local.ts` as `npm start` runs it, in its own process, with only the given settings. */
export function spawnLocal(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/local.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

/** Polls `url` until `ok` says yes; false once `timeoutMs` have passed. */
export async function until(url: string, ok: (res: Response) => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (ok(await fetch(url, { signal: AbortSignal.timeout(2000) }))) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** The DynamoDB Local that `npm start` runs on `dataDir` now, from the pid file it keeps there. */
export function dynamoDbLocalPids(dataDir: string): { pid: number; watchdog: number; port: number } {
  return JSON.parse(readFileSync(join(dataDir, 'dynamodb-local.pid'), 'utf8'));
}

/** `npm start` as a separate process (`functions/src/local.ts`), on a free port, with only the given settings. */
export async function startLocalProcess(env: Record<string, string>): Promise<{
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const { child, output, exited } = spawnLocal({ PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  const healthy = await Promise.race([until(`${url}/healthz`, (res) => res.ok, 45_000), exited.then(() => false)]);
  if (!healthy) {
    child.kill('SIGTERM');
    throw new Error(`npm start did not become healthy:\n${output()}`);
  }
  return {
    url,
    child,
    exited,
    output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
