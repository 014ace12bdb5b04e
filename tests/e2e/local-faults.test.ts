import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamoDbLocalPids, freePort, spawnLocal, startLocalProcess, until } from '../support/server.ts';
import { SLACK_SECRET, slashCommand } from '../support/slack.ts';

const dirs: string[] = [];
const pids: number[] = [];
const stops: (() => Promise<void>)[] = [];

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'organizer-faults-'));
  dirs.push(dir);
  return dir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

/** `npm start` on `dir`, remembered so a failed assertion leaves no server or Java behind. */
async function start(dir: string) {
  const server = await startLocalProcess({ DATA_DIR: dir, SLACK_SIGNING_SECRET: SLACK_SECRET, LOCAL_TICK: 'false', LOG_LEVEL: 'info' });
  stops.push(server.stop);
  const java = dynamoDbLocalPids(dir);
  pids.push(java.pid, java.watchdog);
  return { ...server, java };
}

async function slack(url: string, text: string) {
  const req = slashCommand(text, { channel_id: 'C1' });
  const started = Date.now();
  const res = await fetch(`${url}/slack/events`, { method: 'POST', headers: req.headers, body: await req.text() });
  return { status: res.status, text: await res.text(), ms: Date.now() - started };
}

afterAll(async () => {
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGCONT');
  await Promise.allSettled(stops.map((stop) => stop()));
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// One server for these, in order (a start costs seconds of Java): frozen, then killed, then the server itself killed.
describe('npm start when DynamoDB Local fails', () => {
  const dir = dataDir();
  let server: Awaited<ReturnType<typeof start>>;

  it('answers a signed slash command within 3 s with the friendly error while the database is frozen', async () => {
    server = await start(dir);
    expect((await slack(server.url, 'setup Green Street Tenants')).text).toContain('Green Street Tenants');
    process.kill(server.java.pid, 'SIGSTOP');
    try {
      const frozen = await slack(server.url, 'status');
      expect(frozen.ms).toBeLessThan(3000);
      expect(frozen.status).toBe(200);
      expect(frozen.text).toContain('Something went wrong on our side');
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    } finally {
      process.kill(server.java.pid, 'SIGCONT');
    }
    expect(await until(`${server.url}/readyz`, (res) => res.status === 200, 10_000)).toBe(true);
    expect((await slack(server.url, 'status')).text).toContain('Green Street Tenants');
  }, 90_000);

  it('restarts a killed DynamoDB Local, saying so, with the data still there; /readyz says 503 meanwhile', async () => {
    const killed = dynamoDbLocalPids(dir).pid;
    process.kill(killed, 'SIGKILL');
    expect(await until(`${server.url}/readyz`, (res) => res.status === 503, 5000)).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await until(`${server.url}/readyz`, (res) => res.status === 200, 45_000)).toBe(true);
    expect(server.output()).toContain('DynamoDB Local stopped; restarting it');
    expect(server.output()).toContain('DynamoDB Local is running again');
    const restarted = dynamoDbLocalPids(dir);
    pids.push(restarted.pid, restarted.watchdog);
    expect(restarted.pid).not.toBe(killed);
    expect((await slack(server.url, 'status')).text).toContain('Green Street Tenants');
  }, 60_000);

  it('takes its DynamoDB Local down with it when the server is killed with kill -9', async () => {
    const java = dynamoDbLocalPids(dir);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(await gone(java.pid, 10_000)).toBe(true);
    expect(await gone(java.watchdog, 2000)).toBe(true);
  }, 30_000);
});

describe('npm start after a kill -9 that left DynamoDB Local running', () => {
  it('finds the DynamoDB Local on the same DATA_DIR and stops it before starting its own', async () => {
    const dir = dataDir();
    const first = await start(dir);
    expect((await slack(first.url, 'setup Left Behind Co-op')).text).toContain('Left Behind Co-op');
    // The server and its watchdog both killed at once: nothing is left to stop Java but the next start. The
    // watchdog is frozen first, so neither sees the other go (a live server would end the orphaned Java itself).
    process.kill(first.java.watchdog, 'SIGSTOP');
    first.child.kill('SIGKILL');
    await first.exited;
    process.kill(first.java.watchdog, 'SIGKILL');
    expect(alive(first.java.pid)).toBe(true);

    const second = await start(dir);
    expect(second.output()).toContain('Stopped a DynamoDB Local an earlier run left on DATA_DIR');
    expect(alive(first.java.pid)).toBe(false);
    expect((await slack(second.url, 'status')).text).toContain('Left Behind Co-op');
    await second.stop();
  }, 120_000);
});

describe('npm start that cannot start', () => {
  /** Runs npm start to its exit: code and the lines it printed. */
  async function refused(env: Record<string, string>) {
    const run = spawnLocal({ DATA_DIR: dataDir(), LOCAL_TICK: 'false', PORT: String(await freePort()), ...env });
    const code = await run.exited;
    return { code, lines: run.output().trim().split('\n') };
  }

  it.each([
    ['LOCAL_TICK=nope', { LOCAL_TICK: 'nope' }, 'LOCAL_TICK="nope" is not valid: expected true, false, 1 or 0'],
    ['a bad port', { PORT: 'eighty' }, 'PORT="eighty" is not valid: expected a port number from 0 to 65535'],
  ])(
    'prints one line and exits non-zero for %s',
    async (_name, env, line) => {
      const { code, lines } = await refused(env);
      expect(code).not.toBe(0);
      expect(lines).toEqual([`Organizer could not start: ${line}`]);
    },
    30_000,
  );

  it('prints one line and exits non-zero when the port is taken', async () => {
    const taken = createServer();
    const port = await new Promise<number>((done) => taken.listen(0, () => done((taken.address() as { port: number }).port)));
    try {
      const { code, lines } = await refused({ PORT: String(port) });
      expect(code).not.toBe(0);
      expect(lines).toEqual([`Organizer could not start: PORT=${port} is taken by another program: stop it or set PORT to a free port`]);
    } finally {
      taken.close();
    }
  }, 30_000);

  it('prints one line and exits non-zero when DATA_DIR cannot be written', async () => {
    // A directory inside a file cannot be made, whoever runs the test (root ignores permission bits).
    const file = join(dataDir(), 'not-a-directory');
    writeFileSync(file, '');
    const { code, lines } = await refused({ DATA_DIR: join(file, 'data') });
    expect(code).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Organizer could not start: DATA_DIR=.*not-a-directory\/data is not a directory Organizer can write to \(ENOTDIR\)/,
    );
  }, 30_000);

  it('prints one line and exits non-zero when the database file is damaged', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'shared-local-instance.db'), 'this is not an SQLite file '.repeat(400));
    const { code, lines } = await refused({ DATA_DIR: dir });
    expect(code).not.toBe(0);
    const errors = lines.filter((line) => line.startsWith('Organizer could not start'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('is damaged');
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  }, 60_000);
});
