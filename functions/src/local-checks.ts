import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';

/** Something on this machine stops `npm start`; the message is one line saying what and what to do. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Fails at once when DATA_DIR cannot be created or written, instead of DynamoDB Local failing slowly later. */
export function checkDataDir(dataDir: string): void {
  const path = resolve(dataDir);
  const probe = join(path, `.write-check-${process.pid}`);
  try {
    mkdirSync(path, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(
      `DATA_DIR=${dataDir} is not a directory Organizer can write to (${code}): make it writable or set DATA_DIR to another directory`,
    );
  }
}

/** The one line for a port the HTTP server cannot listen on. */
export function portError(port: number, error: unknown): StartupError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new StartupError(`PORT=${port} is taken by another program: stop it or set PORT to a free port`);
  if (code === 'EACCES') return new StartupError(`PORT=${port} needs privileges this user lacks: set PORT to 1024 or above`);
  return new StartupError(`PORT=${port} cannot be listened on (${code ?? String(error)})`);
}

/** Whether PORT is free, before minutes go into starting the database (the server's own listen is checked too). */
export async function checkPort(port: number): Promise<void> {
  if (port === 0) return;
  const probe: Server = createServer();
  await new Promise<void>((done, fail) => {
    probe.once('error', (error) => fail(portError(port, error)));
    probe.listen(port, () => probe.close(() => done()));
  });
}
