import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), or another one named by CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of browser tests, kept as the run's artifacts. */
export const artifactsDir = join(process.cwd(), 'test-artifacts');

/** Headless Chromium as this machine allows it: no sandbox, no GPU, no background network (a fresh profile each launch). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is needed for the browser tests: apt-get install chromium (or set CHROMIUM_PATH); not found at ${chromiumPath}`,
    );
  }
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** `npm start` (the playground) on the run's DynamoDB Local, a table of its own, and Chromium: what a browser test drives. */
export async function startPlayground(label: string, endpoint: string) {
  const { randomUUID } = await import('node:crypto');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createDocumentClient } = await import('@organizer/store-dynamodb');
  const { startLocalProcess } = await import('./server.ts');
  const tableName = `browser-${label}-${randomUUID().slice(0, 8)}`;
  const db = createDocumentClient({ tableName, region: 'local', endpoint });
  // The run's DynamoDB Local instead of a second one; nothing else is configured.
  const server = await startLocalProcess({
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName,
    LOCAL_TICK: 'false',
    LOG_LEVEL: 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), `organizer-${label}-`)),
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  /** The calls the app made to the platform APIs, as the playground recorded them. */
  const calls = async <Call>(): Promise<Call[]> =>
    ((await (await fetch(`${server.url}/playground/calls?since=0`)).json()) as { calls: Call[] }).calls;
  const stop = async () => {
    await browser.close();
    await server.stop();
  };
  return { server, browser, db, tableName, calls, stop };
}
