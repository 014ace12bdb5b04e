import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SLACK_SECRET, slashCommand } from '../support/slack.ts';

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

const started: ChildProcess[] = [];

/** Runs `functions/src/local.ts` the way `npm start` does, as a separate process. */
function startLocal(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/local.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  started.push(child);
  return { child, output: () => output, exited };
}

async function waitForHealth(base: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('local server did not become healthy');
}

async function send(base: string, req: Request) {
  const res = await fetch(`${base}/slack/events`, { method: 'POST', headers: req.headers, body: await req.text() });
  return { status: res.status, text: await res.text() };
}

describe('npm start (local server with its own DynamoDB Local)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'organizer-data-'));
  const running = started;
  // A failed assertion must not leave a server (and its DynamoDB Local) behind.
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz, keeps a community across a restart, and refuses unsigned requests', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      DATA_DIR: dataDir,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      LOG_LEVEL: 'info',
    };

    const first = startLocal(env);
    await waitForHealth(base);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    expect((await send(base, slashCommand('setup Green Street Tenants', { channel_id: 'C1' }))).text).toContain('Green Street Tenants');
    const unsigned = await fetch(`${base}/discord/interactions`, { method: 'POST', body: '{"type":1}' });
    expect(unsigned.status).toBe(401);
    first.child.kill('SIGTERM');
    await first.exited;

    const second = startLocal(env);
    await waitForHealth(base);
    const status = await send(base, slashCommand('status', { channel_id: 'C1' }));
    expect(status.text).toContain('Green Street Tenants');
    second.child.kill('SIGTERM');
    await second.exited;
  }, 120_000);

  it('stops at once with a message naming Java when Java is missing', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'organizer-bin-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = startLocal({ PATH: bin, HOME: process.env.HOME ?? '', PORT: String(await freePort()), DATA_DIR: dataDir });
    const code = await run.exited;
    rmSync(bin, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(run.output()).toContain('Java 17');
    expect(run.output()).toContain('DYNAMODB_ENDPOINT');
    expect(run.output()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
