import type { AddressInfo } from 'node:net';
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
