import { createHash, randomUUID } from 'node:crypto';
import type { Installation, Installations, Messenger, OutboundFile, OutboundMessage, Tenant } from '@organizer/core';
import { clip, RateLimiter, withRetries } from '@organizer/core';
import { discordAnswerer } from './answer-later.ts';
import { DiscordError } from './errors.ts';
import { inviteUrl, serverEventsPermission } from './invite.ts';
import { messageBody } from './render.ts';
import { discordScheduledEvents } from './scheduled-events.ts';

/** Discord's "a thread has already been created for this message" error code. */
const THREAD_ALREADY_CREATED = 160004;
/** Channel type of a private thread (only those invited, and moderators, see it). */
const PRIVATE_THREAD = 12;
/** Discord's limit on a thread's name. */
const THREAD_NAME_MAX = 100;
/**
 * Discord's global limit is 50 requests per second per bot. Requests are spaced evenly a little under it
 * (one per 21 ms, about 47 a second): bursts of 50 arrive unevenly and would cross Discord's own window,
 * and many 429s in a row can get a bot temporarily banned.
 */
const GLOBAL = { limit: 1, windowMs: 21 };
/** Discord takes at most 10 attachments per message. */
const FILES_PER_MESSAGE = 10;
/** Discord's limit on a message `nonce`. */
const NONCE_MAX = 25;
/** Worker calls are bounded; calls inside a request share Discord's 3-second window. */
const TIMEOUT_MS = { patient: 10_000, request: 2500 };

/**
 * The `nonce` of a delivery: the first 25 characters (150 bits) of the SHA-256 of its key, base64url. The
 * same key always gives the same nonce, so a retry is recognised. Discord checks nonces (with
 * `enforce_nonce`) for the same author over the past few minutes only: a retry within that window returns
 * the first message; one much later (a delivery retried after hours) would post again.
 */
export function nonceOf(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, NONCE_MAX);
}

/** A message create's JSON: mentions never ping unless the body says otherwise; a nonce when there is a key. */
function createBody(message: OutboundMessage | undefined, key: string | undefined): Record<string, unknown> {
  return {
    ...withMentions(message ? messageBody(message.blocks) : {}),
    ...(key ? { nonce: nonceOf(key), enforce_nonce: true } : {}),
  };
}

/** The rendered body's `allowed_mentions`, or, when it names none, no pings at all. */
const withMentions = (body: Record<string, unknown>) => ({ allowed_mentions: { parse: [] }, ...body });

interface DiscordRestError extends Error {
  status?: number;
  code?: unknown;
  retryAfterMs?: number;
}

/**
 * A 429 waits as long as Discord says (`retry_after` seconds); 5xx, network failures and timeouts back off
 * and retry. A create that timed out may have landed: its retry carries the same nonce, so Discord returns
 * the first message instead of making a second.
 */
function classify(error: unknown): { retryAfterMs?: number; transient?: boolean } {
  const e = error as DiscordRestError;
  if (e.status === 429) return { retryAfterMs: e.retryAfterMs ?? 1000 };
  if (e.status === undefined || e.status >= 500) return { transient: true };
  return {};
}

/**
 * Discord side of the `Messenger` port: plain REST calls with the tenant's bot token (no discord.js on
 * this path). Inside a request (default) calls fail fast; `patient` (the worker) keeps under the global
 * limit, honours 429 `retry_after` and retries transient failures, so bulk posting is slowed, never dropped.
 */
export function discordMessenger(options: {
  apiUrl: string;
  installations: Installations;
  patient?: boolean;
  /** Per call (tests); defaults to 10 s in the worker and 2.5 s inside a request. */
  timeoutMs?: number;
  /** The application's id, for the install link that asks for what server events need. */
  applicationId?: string;
}): Messenger {
  const patient = options.patient === true;
  const timeoutMs = options.timeoutMs ?? (patient ? TIMEOUT_MS.patient : TIMEOUT_MS.request);
  // A retried create must carry a nonce, or a create that timed out but landed would land twice: in the
  // worker a message without a key gets one for the length of this call (its retries).
  const keyOf = (message: OutboundMessage | undefined) => message?.key ?? (patient ? randomUUID() : undefined);
  const base = options.apiUrl.replace(/\/$/, '');
  const limiter = new RateLimiter(GLOBAL.limit, GLOBAL.windowMs);
  const answer = discordAnswerer({ apiUrl: options.apiUrl, installations: options.installations, timeoutMs });
  const once = async (installation: Installation, method: string, path: string, body: string | FormData, type?: string) => {
    const token = installation.botToken;
    if (patient) await limiter.acquire(token);
    const response = await fetch(`${installation.apiUrl?.replace(/\/$/, '') ?? base}${path}`, {
      method,
      headers: { authorization: `Bot ${token}`, ...(type ? { 'content-type': type } : {}) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const seconds = Number(json.retry_after ?? response.headers.get('retry-after') ?? Number.NaN);
      throw Object.assign(new Error(`Discord ${method} ${path} → ${response.status}`), {
        status: response.status,
        code: json.code,
        ...(Number.isFinite(seconds) ? { retryAfterMs: Math.ceil(seconds * 1000) } : {}),
      });
    }
    return json;
  };
  const call = async (tenant: Tenant, method: string, path: string, body: unknown, multipart = false, retry = true) => {
    const installation = await options.installations.forTenant(tenant);
    if (!installation) throw new DiscordError('NOT_INSTALLED', tenant.id);
    const send = () =>
      multipart
        ? once(installation, method, path, body as FormData)
        : once(installation, method, path, JSON.stringify(body), 'application/json');
    return patient && retry ? withRetries(send, classify) : send();
  };
  // `message.repeat` (the outbox delivering again after an attempt that may have posted) changes nothing
  // here: the nonce makes Discord return the first message within its few minutes, and past them nothing
  // can settle it, as GET messages does not return nonces and matching content would be guesswork. A
  // repeat hours later may post again.
  const send = async (tenant: Tenant, channelId: string, message: OutboundMessage) =>
    String((await call(tenant, 'POST', `/channels/${channelId}/messages`, createBody(message, keyOf(message)))).id ?? '');
  const uploadTo = async (tenant: Tenant, channelId: string, message: OutboundMessage, files: readonly OutboundFile[]) => {
    const key = keyOf(message);
    for (let i = 0; i < files.length; i += FILES_PER_MESSAGE) {
      // Each message of attachments is its own create, so each has its own nonce.
      const part = key && i > 0 ? `${key}#files${i / FILES_PER_MESSAGE}` : key;
      const form = attachments(i === 0 ? message : undefined, part, files.slice(i, i + FILES_PER_MESSAGE));
      await call(tenant, 'POST', `/channels/${channelId}/messages`, form, true);
    }
  };
  const openDm = async (tenant: Tenant, memberId: string) =>
    String((await call(tenant, 'POST', '/users/@me/channels', { recipient_id: memberId })).id);
  /** A private thread of `channelId` already named `name` (the tenant is the guild): what an earlier attempt may have made. */
  const activeThread = async (tenant: Tenant, channelId: string, name: string) => {
    const { threads } = (await call(tenant, 'GET', `/guilds/${tenant.id}/threads/active`, undefined)) as {
      threads?: { id?: string; parent_id?: string; name?: string; type?: number }[];
    };
    return threads?.find((th) => th.parent_id === channelId && th.name === name && th.type === PRIVATE_THREAD)?.id;
  };

  const { applicationId } = options;
  return {
    nameOf: async (tenant, userId) => {
      const member = (await call(tenant, 'GET', `/guilds/${tenant.id}/members/${userId}`, undefined)) as {
        nick?: string | null;
        user?: { username?: string; global_name?: string | null };
      };
      const names = [member.nick, member.user?.global_name, member.user?.username];
      return names.find((n): n is string => typeof n === 'string' && n.trim() !== '');
    },
    scheduledEvents: discordScheduledEvents(
      (tenant, method, path, body, retry = true) => call(tenant, method, path, body, false, retry),
      async () => (applicationId ? inviteUrl(applicationId, serverEventsPermission) : undefined),
    ),
    postInChannel: async (tenant, channelId, message) => ({ messageId: await send(tenant, channelId, message) }),
    postInThread: async (tenant, channelId, messageId, message) => {
      // A thread started from a message takes the message's id; create it on first use. A retry after a
      // timeout that did create it gets THREAD_ALREADY_CREATED, which is as good as created.
      await call(tenant, 'POST', `/channels/${channelId}/messages/${messageId}/threads`, {
        name: message.text.split('\n')[0]?.slice(0, 100) || 'Reflections',
        auto_archive_duration: 10080,
      }).catch((error: { code?: unknown }) => {
        if (error.code !== THREAD_ALREADY_CREATED) throw error;
      });
      // The thread's channel id is the starting message's id.
      return { channelId: messageId, messageId: await send(tenant, messageId, message) };
    },
    notifyMember: async (tenant, memberId, message) => {
      const channelId = await openDm(tenant, memberId);
      return { channelId, messageId: await send(tenant, channelId, message) };
    },
    // A private thread in the channel, each member added (adding is the same however often it is repeated).
    openGroup: async (tenant, memberIds, place) => {
      const name = place.name.slice(0, THREAD_NAME_MAX);
      const found = place.repeat ? await activeThread(tenant, place.channelId, name) : undefined;
      // A create is not retried here: one that timed out may have made the thread, and the next attempt
      // (marked `repeat`) looks for it by name before making another.
      const threadId =
        found ??
        String(
          (
            await call(
              tenant,
              'POST',
              `/channels/${place.channelId}/threads`,
              { name, type: PRIVATE_THREAD, invitable: false, auto_archive_duration: 10080 },
              false,
              false,
            )
          ).id ?? '',
        );
      if (!threadId) throw new DiscordError('NO_THREAD', place.channelId);
      for (const userId of memberIds) await call(tenant, 'PUT', `/channels/${threadId}/thread-members/${userId}`, undefined);
      return { channelId: threadId };
    },
    answerInteraction: async (tenant, target, message) => {
      if (target.platform !== 'discord') throw Object.assign(new Error('not a Discord interaction'), { permanent: true });
      await answer(tenant, target, message);
    },
    updateMessage: async (tenant, channelId, messageId, message) => {
      // An edit sets the same content however often it is repeated: no nonce needed.
      await call(tenant, 'PATCH', `/channels/${channelId}/messages/${messageId}`, withMentions(messageBody(message.blocks)));
    },
    // Pinning sets the same state however often it is repeated; a 403 (no Manage Messages) is the caller's to judge.
    pin: async (tenant, channelId, messageId, on) => {
      await call(tenant, on ? 'PUT' : 'DELETE', `/channels/${channelId}/pins/${messageId}`, undefined);
    },
    sendFiles: async (tenant, memberId, message, files) => uploadTo(tenant, await openDm(tenant, memberId), message, files),
    postFiles: (tenant, channelId, message, files) => uploadTo(tenant, channelId, message, files),
  };
}

/** Discord's upload format: `payload_json` naming the attachments, then `files[n]` parts. */
function attachments(message: OutboundMessage | undefined, key: string | undefined, files: readonly OutboundFile[]): FormData {
  const form = new FormData();
  const payload = {
    ...createBody(message, key),
    attachments: files.map((file, id) => ({ id, filename: file.name, ...(file.alt ? { description: clip(file.alt, 1024) } : {}) })),
  };
  form.append('payload_json', JSON.stringify(payload));
  files.forEach((file, id) => {
    form.append(`files[${id}]`, new Blob([file.content], { type: file.contentType }), file.name);
  });
  return form;
}
