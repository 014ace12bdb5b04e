import { loadLocale, locales, preferredLocale } from '@organizer/core';
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { playgroundPage } from './page.ts';
import { readRequest, signedRequest } from './requests.ts';
import type { PlaygroundState, SandboxCall } from './state.ts';
import { world } from './world.ts';

const MAX_CALLS = 500;

/** Form fields or JSON; Slack sends views and blocks as JSON strings inside forms, which are opened up. */
async function readBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('json')) return ((await c.req.json()) as Record<string, unknown>) ?? {};
    if (type.includes('multipart')) {
      const form = await c.req.formData();
      const payload = form.get('payload_json');
      const files = [...form.entries()].filter(([, v]) => typeof v !== 'string').map(([, v]) => (v as File).name);
      return { ...(typeof payload === 'string' ? (JSON.parse(payload) as Record<string, unknown>) : {}), files };
    }
    const fields = Object.fromEntries(new URLSearchParams(await c.req.text()));
    return Object.fromEntries(
      Object.entries(fields).map(([k, v]) => {
        if (!/^[[{]/.test(v)) return [k, v];
        try {
          return [k, JSON.parse(v)];
        } catch {
          return [k, v];
        }
      }),
    );
  } catch {
    return {};
  }
}

/** Keeps a call for the page's side panel (the latest few hundred). */
function record(state: PlaygroundState, platform: SandboxCall['platform'], method: string, body: Record<string, unknown>): void {
  state.calls.push({ n: (state.calls.at(-1)?.n ?? 0) + 1, platform, method, body, at: new Date().toISOString() });
  if (state.calls.length > MAX_CALLS) state.calls.splice(0, state.calls.length - MAX_CALLS);
}

let serial = 0;
const snowflake = () => `${(BigInt(Date.now() - 1_420_070_400_000) << 22n) | BigInt(++serial % 4096)}`;
const slackTs = () => `${Math.floor(Date.now() / 1000)}.${String(++serial).padStart(6, '0')}`;

/** Plausible Slack Web API answers, for the methods Organizer calls. */
function slackAnswer(method: string, body: Record<string, unknown>, base: string): Record<string, unknown> {
  const user = world.slack.users.find((u) => u.id === body.user);
  switch (method) {
    case 'views.open':
    case 'views.push':
    case 'views.update':
      return { ok: true, view: { ...(body.view as object), id: `V${++serial}` } };
    case 'chat.postMessage':
      return { ok: true, channel: body.channel, ts: slackTs(), message: { text: body.text } };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: slackTs() };
    case 'chat.update':
      return { ok: true, channel: body.channel, ts: body.ts };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${String(body.users ?? '').replace(/^U/, '')}` } };
    case 'users.info':
      return user
        ? {
            ok: true,
            user: {
              id: user.id,
              name: user.name.toLowerCase(),
              real_name: user.name,
              is_admin: user.admin,
              is_owner: false,
              tz: 'Europe/London',
            },
          }
        : { ok: false, error: 'user_not_found' };
    case 'conversations.info':
      return { ok: true, channel: { id: body.channel, is_member: true } };
    case 'auth.test':
      return { ok: true, user_id: 'UPLAYBOT', bot_id: 'BPLAYGROUND' };
    case 'files.getUploadURLExternal':
      return { ok: true, upload_url: `${base}/playground/api/slack/file_upload`, file_id: `F${++serial}` };
    case 'files.completeUploadExternal':
      return { ok: true, files: (body.files as unknown[]) ?? [] };
    default:
      return { ok: true };
  }
}

/** Plausible Discord REST answers: messages get ids, DMs get a channel. */
function discordAnswer(verb: string, path: string, body: Record<string, unknown>): Record<string, unknown> {
  if (verb === 'POST' && path === '/users/@me/channels') return { id: `dm-${String(body.recipient_id ?? '')}`, type: 1 };
  const channel = /^\/channels\/([^/]+)\/messages/.exec(path)?.[1];
  if (/\/threads$/.test(path)) return { id: snowflake(), type: 11 };
  const member = /^\/guilds\/([^/]+)\/members\/([^/]+)$/.exec(path);
  if (member) {
    const user = world.discord.users.find((u) => u.id === member[2]);
    return { user: { id: member[2], username: user?.name ?? 'someone' }, roles: [] };
  }
  return { id: snowflake(), ...(channel ? { channel_id: channel } : {}), ...body };
}

/**
 * The browser playground (local by default): the page, a signer for the playground's own tenants,
 * and sandboxed Slack and Discord Web APIs that record what Organizer sends.
 */
export function mountPlayground(app: Hono, deps: AppDeps, state: PlaygroundState): void {
  const learnBase = (c: Context) => {
    state.base ??= new URL(c.req.url).origin;
  };

  app.get('/', async (c) => {
    learnBase(c);
    const locale = preferredLocale(c.req.header('accept-language')) ?? deps.defaultLocale;
    // The page carries every language's words: it switches without a reload.
    await Promise.all(locales.map(loadLocale));
    return c.html(playgroundPage(locale));
  });

  app.post('/playground/request', async (c) => {
    learnBase(c);
    const input = readRequest(await c.req.json().catch(() => undefined));
    const signed = input
      ? signedRequest(
          input.scene,
          input.act,
          {
            slackSecret: state.slackSecret,
            discordKey: state.discordKey,
            discordApplicationId: deps.config.DISCORD_APPLICATION_ID ?? '900000000000000000',
          },
          state.base ?? '',
        )
      : undefined;
    // Only the playground's own workspaces and people are ever signed here.
    return signed ? c.json(signed) : c.json({ error: 'not a playground workspace, channel or person' }, 400);
  });

  app.get('/playground/calls', async (c) => {
    // Work a request deferred (DMs, posts) is part of what the page should see.
    await deps.idle();
    const since = Number(c.req.query('since') ?? 0) || 0;
    return c.json({ calls: state.calls.filter((call) => call.n > since) });
  });

  app.all('/playground/api/slack/:method', async (c) => {
    const method = c.req.param('method');
    const body = await readBody(c);
    record(state, 'slack', method, body);
    return c.json(slackAnswer(method, body, state.base ?? ''));
  });

  app.all('/playground/api/discord/*', async (c) => {
    const path = c.req.path.slice('/playground/api/discord'.length);
    const body = c.req.method === 'GET' ? {} : await readBody(c);
    record(state, 'discord', `${c.req.method} ${path}`, body);
    return c.json(discordAnswer(c.req.method, path, body));
  });
}
