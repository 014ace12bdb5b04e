import { loadLocale, locales, preferredLocale } from '@organizer/core';
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { fakeDiscord, fakeSlack } from './fake-apis.ts';
import { discordUpload, serveFile, slackUpload } from './file-routes.ts';
import { sandboxFiles } from './files.ts';
import { playgroundPage } from './page.ts';
import { sideBySidePage } from './page-side.ts';
import { readRequest, signedRequest } from './requests.ts';
import type { PlaygroundState, SandboxCall } from './state.ts';

const MAX_CALLS = 500;

/** Form fields or JSON; Slack sends views and blocks as JSON strings inside forms, which are opened up. */
async function readBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('json')) return ((await c.req.json()) as Record<string, unknown>) ?? {};
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

/** Keeps a call for the page's side panel (the latest few hundred), with what the sandbox answered. */
function record(state: PlaygroundState, call: Omit<SandboxCall, 'n' | 'at'>): void {
  state.calls.push({ ...call, n: (state.calls.at(-1)?.n ?? 0) + 1, at: new Date().toISOString() });
  if (state.calls.length > MAX_CALLS) state.calls.splice(0, state.calls.length - MAX_CALLS);
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
    return c.html(c.req.query('side') ? sideBySidePage(locale) : playgroundPage(locale));
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

  const files = sandboxFiles();
  const fileUrl = (id: string) => `${state.base ?? ''}/playground/files/${encodeURIComponent(id)}`;
  app.get('/playground/files/:id', (c) => serveFile(c, files));
  const slack = fakeSlack((id) => `${state.base ?? ''}/playground/api/slack/file_upload/${encodeURIComponent(id)}`, files, fileUrl);
  app.post('/playground/api/slack/file_upload/:id', async (c) => {
    const { answer, body } = await slackUpload(c, files);
    record(state, { platform: 'slack', method: 'file_upload', body, answer: {} });
    return answer;
  });
  app.all('/playground/api/slack/:method', async (c) => {
    const method = c.req.param('method');
    const body = await readBody(c);
    // A response_url names the message it belongs to (the page puts it in the query), as Slack's own do.
    const [channel, ts] = (c.req.query('message') ?? '').split(':');
    const target = method === 'response_url' && channel && ts ? { channel, ts } : undefined;
    const answer = slack(method, body);
    record(state, { platform: 'slack', method, body, answer, target });
    return c.json(answer);
  });

  const discord = fakeDiscord();
  app.all('/playground/api/discord/*', async (c) => {
    const path = c.req.path.slice('/playground/api/discord'.length);
    const multipart = (c.req.header('content-type') ?? '').includes('multipart');
    const body =
      c.req.method === 'GET' || c.req.method === 'DELETE' ? {} : multipart ? await discordUpload(c, files, fileUrl) : await readBody(c);
    const answer = discord(c.req.method, path, new URL(c.req.url).searchParams, body);
    record(state, { platform: 'discord', method: `${c.req.method} ${path}`, body, answer: Array.isArray(answer) ? undefined : answer });
    return answer === undefined ? c.body(null, 204) : c.json(answer);
  });
}
