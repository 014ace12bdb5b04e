import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CalendarDeps, type CalendarStore, type CoreDeps, calendarFeed, type FeedSigner } from '@organizer/core';
import type { Hono } from 'hono';
import type { Config } from './config.ts';

/** The origin the current Slack or Discord request came to: where its feed links point when PUBLIC_URL is unset. */
const origins = new AsyncLocalStorage<string>();

/** A key file made on first use (owner-only) under the local data directory, as the token key is (seal.ts). */
async function localSecret(dataDir: string): Promise<string> {
  const path = join(dataDir, 'calendar-key');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    try {
      await writeFile(path, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process made it first: use theirs.
    }
    return (await readFile(path, 'utf8')).trim();
  }
}

/**
 * Feed links signed with HMAC-SHA256: with CALENDAR_SECRET (SSM `calendar-secret` on AWS), else locally with
 * a key file under DATA_DIR. On AWS without the secret there are no feeds (a per-instance key would end
 * every link on the next cold start), and `calendar` says an operator must set it.
 */
export function calendarDeps(config: Config, store: CalendarStore): CalendarDeps | undefined {
  const onAws = config.SECRETS_SSM_PREFIX !== undefined || config.WORKER_FUNCTION_NAME !== undefined;
  if (!config.CALENDAR_SECRET && onAws) return undefined;
  let secret: Promise<string> | undefined;
  const secretOf = () => {
    secret ??= config.CALENDAR_SECRET
      ? Promise.resolve(config.CALENDAR_SECRET)
      : localSecret(config.DATA_DIR).catch((error: unknown) => {
          secret = undefined;
          throw error;
        });
    return secret;
  };
  const signer: FeedSigner = {
    sign: async (message) =>
      createHmac('sha256', await secretOf())
        .update(message)
        .digest('hex'),
    baseUrl: () => (config.PUBLIC_URL ?? origins.getStore() ?? `http://localhost:${config.PORT}`).replace(/\/$/, ''),
  };
  return { store, signer };
}

const notFound = () => Response.json({ error: 'not found' }, { status: 404, headers: { 'cache-control': 'no-store' } });

/**
 * `GET /calendar/<token>.ics`: the feed a signed link names (see core's calendar/serve.ts), for calendar
 * apps that poll it; 404 for a token that was altered, reset or names an erased community. Mounted before
 * the platform routes, so their requests remember the origin links are made for.
 */
export function mountCalendar(app: Hono, deps: { readonly core: CoreDeps }): void {
  app.use('/slack/*', (c, next) => origins.run(new URL(c.req.url).origin, next));
  app.use('/discord/*', (c, next) => origins.run(new URL(c.req.url).origin, next));
  app.get('/calendar/:file', async (c) => {
    const file = c.req.param('file');
    const { calendar } = deps.core;
    if (!calendar || !file.endsWith('.ics')) return notFound();
    const text = await calendarFeed(file.slice(0, -'.ics'.length), { ...deps.core, calendar });
    if (text === undefined) return notFound();
    // Calendar apps poll every few hours at most; five minutes spares the table a client that polls hard.
    return new Response(text, {
      status: 200,
      headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' },
    });
  });
}
