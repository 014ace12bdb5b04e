import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnLocal, until } from '../support/server.ts';
import { SLACK_SECRET, slashCommand } from '../support/slack.ts';

const started: ChildProcess[] = [];

/** Runs `functions/src/local.ts` the way `npm start` does, as a separate process. */
function startLocal(env: Record<string, string>) {
  const run = spawnLocal(env);
  started.push(run.child);
  return run;
}

async function waitForHealth(base: string, timeoutMs = 45_000): Promise<void> {
  if (!(await until(`${base}/healthz`, (res) => res.ok, timeoutMs))) throw new Error('local server did not become healthy');
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
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true });
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
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Organizer could not start: DynamoDB Local needs Java 17 .*apt-get install .*DYNAMODB_ENDPOINT/);
  }, 60_000);
});
