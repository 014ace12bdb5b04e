import { ephemeral, t } from '@organizer/core';
import { parseSlackBody, type SlackBody } from './body.ts';
import type { HttpResult, SlackDeps } from './deps.ts';
import type { RequestReceiver } from './receiver.ts';
import { renderSlashResponse } from './render.ts';
import { verifySlackSignature } from './verify.ts';

/**
 * One Bolt app per composition root, keyed by its `run` (the routes build their deps per request, `run`
 * stays the same), so two apps in one process (tests, a server beside a socket) never share one.
 */
const receivers = new WeakMap<SlackDeps['run'], Promise<RequestReceiver>>();

/** Bolt costs ~100 ms and 1.6 MB to load, so it is imported only when a verified Slack request arrives. */
function boltFor(deps: SlackDeps): Promise<RequestReceiver> {
  let receiver = receivers.get(deps.run);
  if (!receiver) {
    receiver = import('./bolt-app.ts').then((m) => m.createBoltApp(deps));
    receivers.set(deps.run, receiver);
  }
  return receiver;
}

const unauthorized: HttpResult = { status: 401, body: { error: 'invalid request signature' } };
const badRequest: HttpResult = { status: 400, body: { error: 'bad request' } };

/** One entry for slash commands, interactivity and the Events API, all on one URL: verify, parse, dispatch. */
export async function handleSlackRequest(headers: Headers, rawBody: string, deps: SlackDeps): Promise<HttpResult> {
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const verdict = verifySlackSignature(
    deps.signingSecret,
    headers.get('x-slack-signature'),
    headers.get('x-slack-request-timestamp'),
    rawBody,
    nowSeconds,
  );
  if (verdict !== 'ok') return unauthorized;

  const body = parseSlackBody(headers.get('content-type'), rawBody);
  if (!body) return badRequest;
  return dispatchSlackBody(body, Number(headers.get('x-slack-retry-num')), deps);
}

/**
 * Everything after verification and parsing, for a body that is known to come from Slack: the signed
 * HTTP route, or a Socket Mode envelope (whose connection the app-level token authenticated).
 * `retryNum` is Slack's retry count (`X-Slack-Retry-Num`, or the envelope's `retry_attempt`).
 */
export async function dispatchSlackBody(body: SlackBody, retryNum: number | undefined, deps: SlackDeps): Promise<HttpResult> {
  // Slack's periodic certificate check and the one-time URL handshake need no app.
  if (body.ssl_check) return { status: 200 };
  if (body.type === 'url_verification') return { status: 200, body: { challenge: String(body.challenge ?? '') } };
  if (body.type === 'event_callback') {
    const team = String(body.team_id ?? '');
    const eventId = String(body.event_id ?? '');
    if (!team || !eventId) return badRequest;
    // Slack retries events it thinks we missed; the first delivery wins and retries do nothing.
    if (!(await deps.claimDelivery(`slack#${team}#event#${eventId}`))) return { status: 200 };
  }
  const isCommand = typeof body.command === 'string';
  if (isCommand && (typeof body.team_id !== 'string' || typeof body.channel_id !== 'string' || typeof body.user_id !== 'string')) {
    return { status: 200, body: renderSlashResponse(ephemeral(t(deps.defaultLocale, 'error.badRequest'))) };
  }

  try {
    const bolt = await boltFor(deps);
    const { response } = await bolt.dispatch(body, Number.isFinite(retryNum) && (retryNum as number) > 0 ? retryNum : undefined);
    return { status: 200, ...(response !== undefined && response !== '' ? { body: response } : {}) };
  } catch (error) {
    // Bolt throws for payloads it cannot route (a signed but malformed body): never a 5xx.
    deps.onError?.(error);
    return isCommand ? { status: 200, body: renderSlashResponse(ephemeral(t(deps.defaultLocale, 'error.generic'))) } : badRequest;
  }
}
