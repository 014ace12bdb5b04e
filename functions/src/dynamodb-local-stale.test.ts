import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, pidFileName, stopStaleDynamoDbLocal } from './dynamodb-local-stale.ts';

const children: ChildProcess[] = [];
const dirs: string[] = [];

/** A process that lives 30 s with the given extra arguments on its command line (as DynamoDB Local's would be). */
function sleeper(...args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', '--', ...args], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'organizer-stale-'));
  dirs.push(dir);
  return dir;
}

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
const started = (child: ChildProcess) => new Promise<void>((done) => child.once('spawn', () => setTimeout(done, 100)));
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync('/proc/self/cmdline'))('stopStaleDynamoDbLocal', () => {
  it('stops a DynamoDB Local left on this DATA_DIR by a run that is gone, and removes its pid file', async () => {
    const dir = dataDir();
    const java = sleeper('-jar', 'DynamoDBLocal.jar', '-dbPath', dir);
    await started(java);
    const record = { pid: java.pid, watchdog: 0, owner: 999_999_999, ownerCommand: 'node gone.ts', port: 8000 };
    writeFileSync(join(dir, pidFileName), JSON.stringify(record));
    expect(await stopStaleDynamoDbLocal(dir)).toMatchObject({ pid: java.pid, port: 8000 });
    await new Promise((r) => setTimeout(r, 100));
    expect(exited(java)).toBe(true);
    expect(existsSync(join(dir, pidFileName))).toBe(false);
  });

  it('leaves alone a process whose pid was reused by something else, or that serves another DATA_DIR', async () => {
    const dir = dataDir();
    const other = sleeper('-jar', 'DynamoDBLocal.jar', '-dbPath', dataDir());
    const unrelated = sleeper();
    await Promise.all([started(other), started(unrelated)]);
    for (const pid of [other.pid, unrelated.pid]) {
      writeFileSync(join(dir, pidFileName), JSON.stringify({ pid, watchdog: 0, owner: 999_999_999, ownerCommand: '', port: 8000 }));
      expect(await stopStaleDynamoDbLocal(dir)).toBeUndefined();
    }
    expect(exited(other) || exited(unrelated)).toBe(false);
  });

  it('refuses to touch the DynamoDB Local of an Organizer that is still running on the same DATA_DIR', async () => {
    const dir = dataDir();
    const java = sleeper('-jar', 'DynamoDBLocal.jar', '-dbPath', dir);
    const owner = sleeper('functions/src/local.ts');
    await Promise.all([started(java), started(owner)]);
    const record = { pid: java.pid, watchdog: 0, owner: owner.pid, ownerCommand: cmdline(owner.pid as number), port: 8000 };
    writeFileSync(join(dir, pidFileName), JSON.stringify(record));
    await expect(stopStaleDynamoDbLocal(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    expect(exited(java)).toBe(false);
  });
});
