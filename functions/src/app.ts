import { loadLocale } from '@organizer/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from './deps.ts';

interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
}

function respond(result: HttpResult): Response {
  const status = result.status as ContentfulStatusCode;
  if (result.body === undefined) return new Response(null, { status });
  return Response.json(result.body, { status });
}

/**
 * The whole HTTP surface, the same on Lambda and locally. Each platform's adapter is imported on
 * its first request, so a Discord cold start never pays for Bolt.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // Slack and Discord payloads are a few KB; anything larger is not theirs.
  app.use('*', bodyLimit({ maxSize: 512 * 1024, onError: (c) => c.json({ error: 'payload too large' }, 413) }));

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.post('/slack/events', async (c) => {
    const rawBody = await c.req.text();
    // The adapters' own messages (bad requests) are in the default language: load it if not English.
    await loadLocale(deps.defaultLocale);
    const { handleSlackRequest } = await import('@organizer/slack');
    return respond(
      await handleSlackRequest(c.req.raw.headers, rawBody, {
        signingSecret: deps.config.SLACK_SIGNING_SECRET,
        apiUrl: deps.config.SLACK_API_URL,
        installations: deps.installations,
        run: deps.run,
        claimDelivery: deps.claimDelivery,
        defaultLocale: deps.defaultLocale,
        now: deps.now,
        onError: deps.onError,
      }),
    );
  });

  app.post('/discord/interactions', async (c) => {
    const rawBody = await c.req.text();
    await loadLocale(deps.defaultLocale);
    const { handleDiscordRequest } = await import('@organizer/discord');
    return respond(
      await handleDiscordRequest(c.req.raw.headers, rawBody, {
        publicKey: deps.config.DISCORD_PUBLIC_KEY,
        run: deps.run,
        defaultLocale: deps.defaultLocale,
        onError: deps.onError,
      }),
    );
  });

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    deps.onError(error);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
