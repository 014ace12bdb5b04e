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

/** The app on the local HTTP server, with DynamoDB Local and a Slack API that answers `ok`. */
export async function startBenchServer() {
  const db = await startDynamoDbLocal();
  const slackApi = createServer((_req, res) => res.end('{"ok":true}'));
  const slackUrl = await listen(slackApi);
  const config = loadConfig({
    TABLE_NAME: 'bench',
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: db.endpoint,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${slackUrl}/api/`,
    DISCORD_PUBLIC_KEY: discord.publicKeyHex,
    LOG_LEVEL: 'silent',
  });
  const deps: AppDeps = buildDeps(config);
  await ensureTable(deps.db, config.TABLE_NAME);
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = async (request: SignedRequest) => {
    const res = await fetch(base + request.path, { method: 'POST', headers: request.headers, body: request.body });
    return { status: res.status, text: await res.text() };
  };
  const stop = async () => {
    server.close();
    slackApi.close();
    await db.stop();
  };
  return { base, deps, send, stop };
}
export type BenchServer = Awaited<ReturnType<typeof startBenchServer>>;
