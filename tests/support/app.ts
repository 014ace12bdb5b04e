import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createApp } from '../../functions/src/app.ts';
import { loadConfig } from '../../functions/src/config.ts';
import { buildDeps } from '../../functions/src/deps.ts';
import { testClock } from './clock.ts';
import { Recorder } from './recorder.ts';
import { SLACK_SECRET, useResponseUrlsAt } from './slack.ts';
import { createTestTable } from './table.ts';

/** A Discord application key pair made for the test run: we sign, the app verifies with the public half. */
export const discordKeys = (() => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { publicKeyHex: raw.toString('hex'), privateKey: privateKey as KeyObject };
})();

/**
 * The whole app, in process, on its own table, with Slack and Discord APIs pointed at a recorder.
 * `on`: start it on another app's table instead (the same data after a restart, a new process and recorder).
 */
export async function startTestApp(label: string, env: Record<string, string> = {}, on?: Awaited<ReturnType<typeof createTestTable>>) {
  const table = on ? { db: on.db, tableName: on.tableName, endpoint: on.endpoint } : await createTestTable(label);
  const recorder = await new Recorder()
    .on('users.info', (call) => ({
      body: { ok: true, user: { id: call.body.user, is_admin: call.body.user === 'UADMIN', is_owner: false } },
    }))
    .on('views.open', () => ({ body: { ok: true, view: { id: 'V123' } } }))
    .start();
  useResponseUrlsAt(recorder.url);
  const env0 = testEnv(table.endpoint, table.tableName, recorder.url);
  const config = loadConfig({ ...env0, ...env });
  const deps = buildDeps(config, { now: testClock.now });
  const app = createApp(deps);
  // A request's deferred work (notifications, planning) runs in-process after its reply; tests look once it settled.
  const request = app.request.bind(app);
  app.request = (async (...args: Parameters<typeof request>) => {
    const response = await request(...args);
    await deps.idle();
    return response;
  }) as typeof app.request;
  return { app, deps, recorder, ...table, env: { ...env0, ...env }, stop: () => recorder.stop() };
}

/** The environment of `.env.example`, filled with test secrets. */
export function testEnv(endpoint: string, tableName: string, apiBase: string): Record<string, string> {
  return {
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'local',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: `${apiBase}/slack/api/`,
    DISCORD_PUBLIC_KEY: discordKeys.publicKeyHex,
    DISCORD_APPLICATION_ID: '111111111111111111',
    DISCORD_BOT_TOKEN: 'discord-test-token',
    DISCORD_API_URL: `${apiBase}/discord/api/v10`,
    DEFAULT_LOCALE: 'en',
    LOG_LEVEL: 'silent',
  };
}
