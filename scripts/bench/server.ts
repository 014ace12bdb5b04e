import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ensureTable } from '@organizer/store-dynamodb';
import { createApp } from '../../functions/src/app.ts';
import { loadConfig } from '../../functions/src/config.ts';
import { type AppDeps, buildDeps } from '../../functions/src/deps.ts';
import { startDynamoDbLocal } from '../../functions/src/dynamodb-local.ts';
import { discord, type SignedRequest, SLACK_SECRET } from './requests.ts';

const listen = (server: Server) =>
  new Promise<string>((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

/** A Slack Web API stand-in: `{"ok":true}` to everything, remembering what was called. */
function fakeSlackApi() {
  const calls: { method: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      calls.push({ method: (req.url ?? '').replace(/^\/api\//, ''), body });
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
  });
  return { server, calls };
}

/** The app on the local HTTP server, with DynamoDB Local (in memory) and a local Slack API. */
export async function startBenchServer() {
  const db = await startDynamoDbLocal();
  const slackApi = fakeSlackApi();
  const slackUrl = await listen(slackApi.server);
  // The env is handed to loadConfig as an object: config.ts stays the only reader of process.env.
  const config = loadConfig({
    TABLE_NAME: 'bench',
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: db.endpoint,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${slackUrl}/api/`,
    DISCORD_PUBLIC_KEY: discord.publicKeyHex,
    LOG_LEVEL: 'silent',
  });
  const deps: AppDeps = buildDeps(config);
  await ensureTable(await deps.database(), config.TABLE_NAME);
  // Errors the app swallows into a reply (logging is silenced) are kept, so a failing command cannot pass as fast.
  const errors: unknown[] = [];
  const app = createApp({ ...deps, onError: (error) => errors.push(error) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = async (request: SignedRequest) => {
    const res = await fetch(base + request.path, { method: 'POST', headers: request.headers, body: request.body });
    return { status: res.status, text: await res.text() };
  };
  const close = (s: Server) =>
    new Promise((r) => {
      s.close(r);
      // Keep-alive sockets would otherwise hold the server open.
      s.closeAllConnections();
    });
  const stop = async () => {
    await Promise.all([close(server), close(slackApi.server)]);
    await db.stop();
  };
  // `slackUrl`: slash commands' response_urls point here too (the app posts only to Slack's hooks or this host).
  return { base, deps, send, stop, errors, slackCalls: slackApi.calls, slackUrl };
}
export type BenchServer = Awaited<ReturnType<typeof startBenchServer>>;
