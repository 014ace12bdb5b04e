import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { startTestApp } from './app.ts';

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
