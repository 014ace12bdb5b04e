import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startTestApp } from './app.ts';
import { discordCommand, discordGroupCommand } from './discord.ts';
import { sender, slackText } from './http.ts';
import { slashCommand } from './slack.ts';

/**
 * What the coalition end-to-end tests share: the communities that unite (A and B on two Slack workspaces,
 * C on a Russian Discord server), the app with both workspaces installed through OAuth, and the steps
 * that set the communities up and form their coalition.
 */
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
type Send = ReturnType<typeof sender>;

/** A community on a Slack workspace: its team, home channel, coordinator and name. */
export interface SlackPlace {
  team: string;
  channel: string;
  coordinator: string;
  name: string;
}

/** Two Slack workspaces, each installed through OAuth with its own bot token, keyed by the code Slack hands out. */
const workspaces: Record<string, { team: string; name: string; token: string; bot: string }> = {
  'code-a': { team: 'T0001', name: 'Elm Court', token: 'xoxb-elm-111', bot: 'BELM' },
  'code-b': { team: 'T0002', name: 'Harbour Street', token: 'xoxb-harbour-222', bot: 'BHARBOUR' },
};
export const A: SlackPlace = { team: 'T0001', channel: 'C1', coordinator: 'UACOORD', name: 'Elm Court Tenants' };
export const B: SlackPlace = { team: 'T0002', channel: 'C2', coordinator: 'UBCOORD', name: 'Harbour Street Tenants' };
/** The community on a Discord server; it speaks Russian. */
export const C = { guild: '555555555555555555', channel: '222222222222222222', coordinator: '333333333333333333', name: 'Жильцы Заречья' };
export const COALITION = 'Riverside Tenants Coalition';
/** A code as the invite shows it: two groups of five Crockford base32 characters. */
export const CODE = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/;

/** Who sends a Slack slash command: the place's team and channel, by its coordinator unless `user` is named. */
export const at = (p: { team: string; channel: string; coordinator: string }, user = p.coordinator) => ({
  team_id: p.team,
  channel_id: p.channel,
  user_id: user,
});
/** C's coordinator on Discord, in Russian. */
export const ru = { user: C.coordinator, channel: C.channel, guild: C.guild, locale: 'ru' };

/** Everything a Discord user reads in an interaction answer: its content and its embeds' titles and descriptions. */
export const discordText = (body: any): string =>
  [body?.data?.content ?? '', ...(body?.data?.embeds ?? []).map((e: any) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');

/** What the app (looked up at call time) posted to a channel: on Slack with chat.postMessage, on Discord as a channel message. */
export const postsOf = (app: () => TestApp) => ({
  slackPosts: (channel: string) =>
    app()
      .recorder.callsTo('chat.postMessage')
      .filter((c) => c.body.channel === channel),
  discordPosts: (channel: string) =>
    app().recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${channel}/messages`)),
});

/** Sets up each Slack community, in order, by its coordinator. */
export async function setUpOnSlack(send: Send, places: readonly SlackPlace[]) {
  for (const p of places) await send(slashCommand(`setup ${p.name}`, at(p)));
}

/**
 * The app with no single Slack bot token: both workspaces installed through OAuth (Slack's answers faked
 * on the recorder), the Slack `places` set up in order and then C on Discord. Discord's message posts are
 * answered with ids counting up from `firstMessageId`.
 */
export async function startCoalitionApp(label: string, firstMessageId: bigint, places: readonly SlackPlace[]): Promise<TestApp> {
  let nextMessage = firstMessageId;
  const t = await startTestApp(label, {
    SLACK_BOT_TOKEN: '',
    SLACK_CLIENT_ID: '1234.5678',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'test-state-secret-of-some-length',
    PUBLIC_URL: 'https://organizer.example.org',
    DATA_DIR: mkdtempSync(join(tmpdir(), `organizer-${label.replace(/^e2e-/, '')}-`)),
  });
  t.recorder
    .on('oauth.v2.access', (call) => {
      const ws = workspaces[String(call.body.code)];
      if (!ws) return { body: { ok: false, error: 'invalid_code' } };
      return {
        body: {
          ok: true,
          access_token: ws.token,
          token_type: 'bot',
          scope: 'commands,chat:write,users:read',
          bot_user_id: `U${ws.bot}`,
          app_id: 'A0APP',
          team: { id: ws.team, name: ws.name },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: 'UINSTALLER' },
        },
      };
    })
    .on('auth.test', (call) => {
      const ws = Object.values(workspaces).find((w) => call.headers.authorization === `Bearer ${w.token}`);
      return { body: ws ? { ok: true, team_id: ws.team, user_id: `U${ws.bot}`, bot_id: ws.bot } : { ok: false, error: 'invalid_auth' } };
    })
    .on('/messages', () => ({ body: { id: String(nextMessage++), channel_id: C.channel } }));
  for (const code of Object.keys(workspaces)) await installSlack(t, code);
  const send = sender(() => t.app);
  await setUpOnSlack(send, places);
  await send(discordCommand('setup', { name: C.name }, ru));
  return t;
}

/** Installs a workspace as its admin does: the Add to Slack page, then Slack's redirect with the code. */
async function installSlack(t: TestApp, code: string) {
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(new Request(`http://localhost${path}`, { headers }));
  const page = await get('/slack/install');
  const href = /id="add-to-slack" href="([^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, '&');
  const state = new URL(href ?? '').searchParams.get('state') ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const done = await get(`/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { cookie });
  expect(done.status).toBe(200);
}

/** A forms the coalition; B joins it on Slack and C on Discord, each with a fresh invite code from A. */
export async function formCoalition(send: Send) {
  await send(slashCommand(`coalition create ${COALITION}`, at(A)));
  for (const join of [
    (code: string) => slashCommand(`coalition join ${code}`, at(B)),
    (code: string) => discordGroupCommand('coalition', 'join', { code }, ru),
  ]) {
    const code = CODE.exec(slackText((await send(slashCommand('coalition invite', at(A)))).body))?.[1] ?? '';
    expect(code).toMatch(CODE);
    await send(join(code));
  }
}
