import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Locale, type MessageKey, t } from '@organizer/core';
import type { Installation } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { SlackError } from './errors.ts';
import type { SlackInstallationStore } from './installs.ts';
import { BOT_SCOPES } from './manifest.ts';

/** Settings of the OAuth install flow (`SLACK_CLIENT_ID`, …), and what it reads and writes. */
export interface SlackOAuthDeps {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
  /** Where Slack sends the browser back: `<public URL>/slack/oauth_redirect`. */
  readonly redirectUri: string;
  readonly apiUrl: string;
  readonly installs: SlackInstallationStore;
  /** Claims a key once: a `state` is good for one installation only. */
  readonly claimOnce: (key: string) => Promise<boolean>;
  readonly now: () => Date;
  readonly onError?: (error: unknown) => void;
}

/** A page for the browser, with the cookie it should keep (or drop). */
export interface PageResult {
  readonly status: number;
  readonly html: string;
  readonly setCookie?: string;
}

const COOKIE = 'organizer_slack_state';
const STATE_SECONDS = 10 * 60;

const sign = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

/** `state` = a nonce and an expiry, signed: it cannot be made without the secret, and dies in ten minutes. */
export function makeState(secret: string, now: Date, nonce = randomBytes(16).toString('base64url')): { state: string; nonce: string } {
  const data = Buffer.from(JSON.stringify({ n: nonce, e: Math.floor(now.getTime() / 1000) + STATE_SECONDS })).toString('base64url');
  return { state: `${data}.${sign(secret, data)}`, nonce };
}

/** The nonce of a well-signed, unexpired `state`, or undefined. */
export function readState(secret: string, state: string, now: Date): string | undefined {
  const [data, mac, extra] = state.split('.');
  if (!data || !mac || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(secret, data));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const { n, e } = JSON.parse(Buffer.from(data, 'base64url').toString()) as { n?: unknown; e?: unknown };
    if (typeof n !== 'string' || typeof e !== 'number' || e < now.getTime() / 1000) return undefined;
    return n;
  } catch {
    return undefined;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Inline `code` in catalog strings, as the browser should show it. */
const withCode = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

function page(locale: Locale, titleKey: MessageKey, body: string): string {
  const title = escapeHtml(t(locale, titleKey));
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d1c1d}a.button{display:inline-block;background:#4a154b;color:#fff;padding:.6rem 1.2rem;border-radius:6px;text-decoration:none;font-weight:600}code{background:#f4f4f4;padding:0 .25rem;border-radius:3px}</style></head><body><h1>${title}</h1>${body}</body></html>`;
}

const cookieFlags = (redirectUri: string) => `Path=/slack; HttpOnly; SameSite=Lax${redirectUri.startsWith('https:') ? '; Secure' : ''}`;

/** `GET /slack/install`: the Add to Slack button, with a fresh signed `state` tied to this browser by a cookie. */
export function installPage(locale: Locale, deps: SlackOAuthDeps): PageResult {
  const { state, nonce } = makeState(deps.stateSecret, deps.now());
  const url = new URL('https://slack.com/oauth/v2/authorize');
  url.searchParams.set('client_id', deps.clientId);
  url.searchParams.set('scope', BOT_SCOPES.join(','));
  url.searchParams.set('redirect_uri', deps.redirectUri);
  url.searchParams.set('state', state);
  const body = `<p>${withCode(t(locale, 'install.lead'))}</p><p><a class="button" id="add-to-slack" href="${escapeHtml(url.toString())}">${escapeHtml(t(locale, 'install.button'))}</a></p>`;
  return {
    status: 200,
    html: page(locale, 'install.title', body),
    setCookie: `${COOKIE}=${nonce}; Max-Age=${STATE_SECONDS}; ${cookieFlags(deps.redirectUri)}`,
  };
}

/** The install page where OAuth is not configured (single-workspace mode). */
export function installDisabledPage(locale: Locale): PageResult {
  return { status: 404, html: page(locale, 'install.title', `<p>${withCode(t(locale, 'install.disabled'))}</p>`) };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

interface AccessResponse {
  ok?: boolean;
  access_token?: string;
  scope?: string;
  bot_user_id?: string;
  app_id?: string;
  team?: { id: string; name?: string } | null;
  enterprise?: { id: string; name?: string } | null;
  is_enterprise_install?: boolean;
  authed_user?: { id: string };
}

/**
 * `GET /slack/oauth_redirect`: the `state` must be ours, fresh, this browser's and unused; then the code
 * is exchanged (`oauth.v2.access`), the bot identified (`auth.test`) and the installation stored.
 */
export async function oauthRedirect(
  query: { code?: string | undefined; state?: string | undefined; error?: string | undefined },
  cookieHeader: string | undefined,
  locale: Locale,
  deps: SlackOAuthDeps,
): Promise<PageResult> {
  const clear = `${COOKIE}=; Max-Age=0; ${cookieFlags(deps.redirectUri)}`;
  const fail = (status: number, key: MessageKey): PageResult => ({
    status,
    setCookie: clear,
    html: page(
      locale,
      'install.title',
      `<p>${withCode(t(locale, key))}</p><p><a href="install">${escapeHtml(t(locale, 'install.again'))}</a></p>`,
    ),
  });
  if (query.error) return fail(200, 'install.cancelled');
  const nonce = query.state ? readState(deps.stateSecret, query.state, deps.now()) : undefined;
  if (!nonce || !query.code || cookieValue(cookieHeader, COOKIE) !== nonce) return fail(400, 'install.badState');
  if (!(await deps.claimOnce(`slack#oauth#state#${nonce}`))) return fail(400, 'install.badState');

  let installation: Installation;
  try {
    const web = (token?: string) => new WebClient(token, { slackApiUrl: deps.apiUrl, retryConfig: { retries: 0 }, timeout: 5000 });
    const access = (await web().oauth.v2.access({
      client_id: deps.clientId,
      client_secret: deps.clientSecret,
      code: query.code,
      redirect_uri: deps.redirectUri,
    })) as AccessResponse;
    if (!access.access_token || !access.bot_user_id || (!access.team?.id && !access.enterprise?.id))
      throw new SlackError('NO_BOT', 'oauth.v2.access');
    const identity = await web(access.access_token).auth.test();
    const enterpriseInstall = access.is_enterprise_install === true;
    installation = {
      team: enterpriseInstall || !access.team ? undefined : { id: access.team.id, ...(access.team.name ? { name: access.team.name } : {}) },
      enterprise: access.enterprise
        ? { id: access.enterprise.id, ...(access.enterprise.name ? { name: access.enterprise.name } : {}) }
        : undefined,
      user: { id: access.authed_user?.id ?? '', token: undefined, scopes: undefined },
      bot: {
        token: access.access_token,
        scopes: (access.scope ?? '').split(',').filter(Boolean),
        id: String(identity.bot_id ?? ''),
        userId: access.bot_user_id,
      },
      tokenType: 'bot',
      isEnterpriseInstall: enterpriseInstall,
      authVersion: 'v2',
      ...(access.app_id ? { appId: access.app_id } : {}),
    } as Installation;
    await deps.installs.storeInstallation(installation);
  } catch (error) {
    deps.onError?.(error);
    return fail(502, 'install.failed');
  }
  const team = installation.team ?? installation.enterprise;
  const name = team?.name ?? team?.id ?? '';
  const open = `slack://open?team=${encodeURIComponent(installation.team?.id ?? '')}`;
  return {
    status: 200,
    setCookie: clear,
    html: page(
      locale,
      'install.done.title',
      `<p>${withCode(t(locale, 'install.done.body', { team: name }))}</p><p><a class="button" href="${escapeHtml(open)}">${escapeHtml(t(locale, 'install.done.open'))}</a></p>`,
    ),
  };
}
