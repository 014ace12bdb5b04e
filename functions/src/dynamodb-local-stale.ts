import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written into DATA_DIR while a DynamoDB Local runs on it, so the next start can find one a killed run left behind. */
export const pidFileName = 'dynamodb-local.pid';

/** Who runs DynamoDB Local on a DATA_DIR: the Java process, its watchdog, the Organizer process, and the port. */
export interface PidRecord {
  readonly pid: number;
  readonly watchdog: number;
  readonly owner: number;
  /** The owner's command line: a live process with this pid but another command line is not that Organizer. */
  readonly ownerCommand: string;
  readonly port: number;
}

/** Thrown when another Organizer that is still running uses the same DATA_DIR. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, owner: number) {
    super(`DATA_DIR=${dataDir} is in use by another Organizer (pid ${owner}): stop it, or give this one another DATA_DIR`);
    this.name = 'DataDirInUseError';
  }
}

/** Records this process as the owner of the Java process `pid` (and its watchdog) on `port`. */
export function writePidFile(dataDir: string, record: Omit<PidRecord, 'owner' | 'ownerCommand'>): void {
  const owned: PidRecord = { ...record, owner: process.pid, ownerCommand: (commandLine(process.pid) ?? []).join(' ') };
  writeFileSync(join(dataDir, pidFileName), `${JSON.stringify(owned)}\n`);
}

export function readPidFile(dataDir: string): PidRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dataDir, pidFileName), 'utf8')) as Partial<PidRecord>;
    return typeof record.pid === 'number' && typeof record.port === 'number' ? (record as PidRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the pid file if it still names this Java process (a newer run may have written its own). */
export function removePidFile(dataDir: string, pid: number): void {
  if (readPidFile(dataDir)?.pid === pid) rmSync(join(dataDir, pidFileName), { force: true });
}

/** The process's command line, or undefined when it is gone (Linux reads /proc; elsewhere `ps`). */
function commandLine(pid: number): string[] | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's, so not one of ours.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
    return [];
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 ? ps.stdout.trim().split(/\s+/) : undefined;
  }
}

/** True when `pid` is a DynamoDB Local serving exactly this data directory: a reused pid is left alone. */
function isDynamoDbLocalOn(pid: number, dataDir: string): boolean {
  const args = commandLine(pid) ?? [];
  const at = args.indexOf('-dbPath');
  return args.some((arg) => arg.endsWith('DynamoDBLocal.jar')) && at >= 0 && args[at + 1] === dataDir;
}

const alive = (pid: number) => commandLine(pid) !== undefined;

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/**
 * Stops a DynamoDB Local that an earlier run on `dataDir` left running (its Organizer was killed),
 * so two never share the same database files. Returns what it stopped, if anything. Refuses, with
 * {@link DataDirInUseError}, when the Organizer that started it is still running.
 */
export async function stopStaleDynamoDbLocal(dataDir: string): Promise<PidRecord | undefined> {
  const record = readPidFile(dataDir);
  if (!record || !isDynamoDbLocalOn(record.pid, dataDir)) return undefined;
  const owner = commandLine(record.owner)?.join(' ');
  if (record.owner !== process.pid && owner && owner === record.ownerCommand) throw new DataDirInUseError(dataDir, record.owner);
  for (const signal of ['SIGTERM', 'SIGCONT'] as const) {
    try {
      process.kill(record.pid, signal);
    } catch {}
  }
  if (!(await waitGone(record.pid, 5000))) {
    try {
      process.kill(record.pid, 'SIGKILL');
    } catch {}
    await waitGone(record.pid, 2000);
  }
  rmSync(join(dataDir, pidFileName), { force: true });
  return record;
}
