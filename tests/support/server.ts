import { spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
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

/** `npm start` as a separate process (`functions/src/local.ts`), on a free port, with only the given settings. */
export async function startLocalProcess(
  env: Record<string, string>,
): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const port = await new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => done(free));
    });
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/local.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGTERM');
      throw new Error(`npm start did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
