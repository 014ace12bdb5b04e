import { type Locale, loadLocale, preferredLocale } from '@organizer/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { mountCalendar } from './calendar-route.ts';
import type { Config } from './config.ts';
import { mountDashboard } from './dashboard-route.ts';
import { type AppDeps, slackAdapterDeps } from './deps.ts';

interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
}

function respond(result: HttpResult): Response {
  const status = result.status as ContentfulStatusCode;
  if (result.body === undefined) return new Response(null, { status });
  return Response.json(result.body, { status });
}

/** The browser's first language we speak (`Accept-Language`), else the default; its catalog loaded. */
async function browserLocale(header: string | undefined, fallback: Locale): Promise<Locale> {
  const locale = preferredLocale(header) ?? fallback;
  await loadLocale(locale);
  return locale;
}

/** Where browsers reach this app: PUBLIC_URL, else the origin the request came to (the Function URL, localhost). */
export function publicUrl(config: Config, requestUrl: string): string {
  return (config.PUBLIC_URL ?? new URL(requestUrl).origin).replace(/\/$/, '');
}

/**
 * The whole HTTP surface, the same on Lambda and locally. Each platform's adapter is imported on
 * its first request, so a Discord cold start never pays for Bolt.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // Slack and Discord payloads are a few KB; anything larger is not theirs.
  app.use('*', bodyLimit({ maxSize: 512 * 1024, onError: (c) => c.json({ error: 'payload too large' }, 413) }));

  // Calendar feeds, and the origin feed links are made for (before the platform routes it wraps).
  mountCalendar(app, deps);
  // A leader's private, expiring dashboard page (its charts drawn on the first visit, never by other routes).
  mountDashboard(app, deps);
  app.get('/healthz', (c) => c.json({ ok: true }));
  // Readiness, unlike /healthz: one cheap call to the database, answered within about a second either way.
  app.get('/readyz', async (c) => {
    const { tableReady } = await import('@organizer/store-dynamodb');
    const ready = await tableReady(await deps.database(), deps.config.TABLE_NAME);
    return c.json(ready, ready.ok ? 200 : 503);
  });

  app.post('/slack/events', async (c) => {
    const rawBody = await c.req.text();
    // The adapters' own messages (bad requests) are in the default language: load it if not English.
    await loadLocale(deps.defaultLocale);
    const { handleSlackRequest } = await import('@organizer/slack');
    return respond(
      await handleSlackRequest(c.req.raw.headers, rawBody, {
        ...(await slackAdapterDeps(deps)),
        // With the playground on and no secret configured, only the playground can sign.
        signingSecret: deps.config.SLACK_SIGNING_SECRET ?? deps.playground?.slackSecret,
      }),
    );
  });

  // Slack OAuth: the Add to Slack page and Slack's redirect back with the code.
  const oauth = async (requestUrl: string) => {
    const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = deps.config;
    if (!deps.slackInstalls || !clientId || !clientSecret || !stateSecret) return undefined;
    return {
      clientId,
      clientSecret,
      stateSecret,
      redirectUri: `${publicUrl(deps.config, requestUrl)}/slack/oauth_redirect`,
      apiUrl: deps.config.SLACK_API_URL,
      installs: await deps.slackInstalls(),
      claimOnce: deps.claimDelivery,
      now: deps.now,
      onError: deps.onError,
    };
  };
  const html = (result: { status: number; html: string; setCookie?: string }) =>
    new Response(result.html, {
      status: result.status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...(result.setCookie ? { 'set-cookie': result.setCookie } : {}),
      },
    });
  app.get('/slack/install', async (c) => {
    const locale = await browserLocale(c.req.header('accept-language'), deps.defaultLocale);
    const slack = await import('@organizer/slack');
    const settings = await oauth(c.req.url);
    return html(settings ? slack.installPage(locale, settings) : slack.installDisabledPage(locale));
  });
  app.get('/slack/oauth_redirect', async (c) => {
    const locale = await browserLocale(c.req.header('accept-language'), deps.defaultLocale);
    const slack = await import('@organizer/slack');
    const settings = await oauth(c.req.url);
    if (!settings) return html(slack.installDisabledPage(locale));
    const query = { code: c.req.query('code'), state: c.req.query('state'), error: c.req.query('error') };
    return html(await slack.oauthRedirect(query, c.req.header('cookie'), locale, settings));
  });

  app.post('/discord/interactions', async (c) => {
    const rawBody = await c.req.text();
    await loadLocale(deps.defaultLocale);
    const { handleDiscordRequest } = await import('@organizer/discord');
    // The playground signs with its own key, accepted besides the application's.
    const publicKeys = [deps.config.DISCORD_PUBLIC_KEY, deps.playground?.discordPublicKeyHex].filter((key) => key !== undefined);
    return respond(
      await handleDiscordRequest(c.req.raw.headers, rawBody, {
        publicKeys,
        run: deps.run,
        defaultLocale: deps.defaultLocale,
        onError: deps.onError,
      }),
    );
  });

  if (deps.playground) {
    const state = deps.playground;
    // The playground's code loads on its first request only.
    let routes: Promise<Hono> | undefined;
    const forward = async (c: { req: { raw: Request } }) => {
      routes ??= import('./playground/routes.ts').then((m) => {
        const sub = new Hono();
        m.mountPlayground(sub, deps, state);
        return sub;
      });
      return (await routes).fetch(c.req.raw);
    };
    app.get('/', forward);
    app.all('/playground/*', forward);
  }

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    deps.onError(error);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
