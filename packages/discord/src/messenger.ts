import type { Installation, Installations, Messenger, OutboundFile, OutboundMessage, Tenant } from '@organizer/core';
import { RateLimiter, withRetries } from '@organizer/core';
import { messageBody } from './render.ts';

/** Discord's "a thread has already been created for this message" error code. */
const THREAD_ALREADY_CREATED = 160004;
/**
 * Discord's global limit is 50 requests per second per bot. Requests are spaced evenly a little under it
 * (one per 21 ms, about 47 a second): bursts of 50 arrive unevenly and would cross Discord's own window,
 * and many 429s in a row can get a bot temporarily banned.
 */
const GLOBAL = { limit: 1, windowMs: 21 };
/** Discord takes at most 10 attachments per message. */
const FILES_PER_MESSAGE = 10;

interface DiscordError extends Error {
  status?: number;
  code?: unknown;
  retryAfterMs?: number;
}

/** A 429 waits as long as Discord says (`retry_after` seconds); 5xx and network failures back off. */
function classify(error: unknown): { retryAfterMs?: number; transient?: boolean } {
  const e = error as DiscordError;
  if (e.status === 429) return { retryAfterMs: e.retryAfterMs ?? 1000 };
  if (e.status === undefined || e.status >= 500) return { transient: true };
  return {};
}

/**
 * Discord side of the `Messenger` port: plain REST calls with the tenant's bot token (no discord.js on
 * this path). Inside a request (default) calls fail fast; `patient` (the worker) keeps under the global
 * limit, honours 429 `retry_after` and retries transient failures, so bulk posting is slowed, never dropped.
 */
export function discordMessenger(options: { apiUrl: string; installations: Installations; patient?: boolean }): Messenger {
  const patient = options.patient === true;
  const base = options.apiUrl.replace(/\/$/, '');
  const limiter = new RateLimiter(GLOBAL.limit, GLOBAL.windowMs);
  const once = async (installation: Installation, method: string, path: string, body: string | FormData, type?: string) => {
    const token = installation.botToken;
    if (patient) await limiter.acquire(token);
    const response = await fetch(`${installation.apiUrl?.replace(/\/$/, '') ?? base}${path}`, {
      method,
      headers: { authorization: `Bot ${token}`, ...(type ? { 'content-type': type } : {}) },
      body,
      // Inside a request these calls share Discord's 3-second window.
      signal: AbortSignal.timeout(patient ? 10_000 : 2500),
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
  const call = async (tenant: Tenant, method: string, path: string, body: unknown, multipart = false) => {
    const installation = await options.installations.forTenant(tenant);
    if (!installation) throw new Error(`no Discord installation for ${tenant.id}`);
    const send = () =>
      multipart
        ? once(installation, method, path, body as FormData)
        : once(installation, method, path, JSON.stringify(body), 'application/json');
    return patient ? withRetries(send, classify) : send();
  };
  const send = async (tenant: Tenant, channelId: string, message: OutboundMessage) =>
    String((await call(tenant, 'POST', `/channels/${channelId}/messages`, messageBody(message.blocks))).id ?? '');
  const openDm = async (tenant: Tenant, memberId: string) =>
    String((await call(tenant, 'POST', '/users/@me/channels', { recipient_id: memberId })).id);

  return {
    postInChannel: async (tenant, channelId, message) => ({ messageId: await send(tenant, channelId, message) }),
    postInThread: async (tenant, channelId, messageId, message) => {
      // A thread started from a message takes the message's id; create it on first use.
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
    updateMessage: async (tenant, channelId, messageId, message) => {
      await call(tenant, 'PATCH', `/channels/${channelId}/messages/${messageId}`, messageBody(message.blocks));
    },
    sendFiles: async (tenant, memberId, message, files) => {
      const channelId = await openDm(tenant, memberId);
      for (let i = 0; i < files.length; i += FILES_PER_MESSAGE) {
        const form = attachments(i === 0 ? message : undefined, files.slice(i, i + FILES_PER_MESSAGE));
        await call(tenant, 'POST', `/channels/${channelId}/messages`, form, true);
      }
    },
  };
}

/** Discord's upload format: `payload_json` naming the attachments, then `files[n]` parts. */
function attachments(message: OutboundMessage | undefined, files: readonly OutboundFile[]): FormData {
  const form = new FormData();
  const payload = {
    ...(message ? messageBody(message.blocks) : {}),
    attachments: files.map((file, id) => ({ id, filename: file.name })),
  };
  form.append('payload_json', JSON.stringify(payload));
  files.forEach((file, id) => {
    form.append(`files[${id}]`, new Blob([file.content], { type: file.contentType }), file.name);
  });
  return form;
}
