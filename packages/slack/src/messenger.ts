import { randomUUID } from 'node:crypto';
import type { Installations, Messenger, OutboundFile, OutboundMessage, Tenant } from '@organizer/core';
import { clip, RateLimiter, withRetries } from '@organizer/core';
import type { WebClient } from '@slack/web-api';
import { slackAnswerer } from './answer-later.ts';
import { webClients } from './clients.ts';
import { type Delivered, deliveryMetadata, findDelivered } from './delivery.ts';
import { SlackError } from './errors.ts';
import { renderMessage } from './render.ts';

/** Slack's posting limit: about one message per second per channel (chat.postMessage is "special" tier). */
const PER_CHANNEL = { limit: 1, windowMs: 1000 };
/** Worker calls are bounded; calls inside a request must leave room in Slack's 3 seconds. */
const TIMEOUT_MS = { patient: 10_000, request: 2500 };
/** Slack's errors after which "some aspect of the operation" may have succeeded. */
const MAYBE_DONE = new Set(['internal_error', 'fatal_error']);
/** Slack's errors worth another try. */
const TRANSIENT = new Set(['service_unavailable', 'request_timeout', ...MAYBE_DONE]);

type SlackApiError = { code?: string; retryAfter?: number; data?: { error?: string } };
const platformError = (e: SlackApiError) => (e.code === 'slack_webapi_platform_error' ? (e.data?.error ?? '') : '');

/** What to do about a failed Web API call: wait as long as Slack says, retry what is transient. */
function classify(error: unknown): { retryAfterMs?: number; transient?: boolean } {
  const e = error as SlackApiError;
  if (e.code === 'slack_webapi_rate_limited_error') return { retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  if (e.code === 'slack_webapi_request_error' || e.code === 'slack_webapi_http_error') return { transient: true };
  if (TRANSIENT.has(platformError(e))) return { transient: true };
  return {};
}

/**
 * Whether a failed post may have landed: no answer (a timeout, a dropped connection), an HTTP error, or
 * an error Slack says may follow partial success. A 429 or any other answered error posted nothing.
 */
function outcomeUnknown(error: unknown): boolean {
  const e = error as SlackApiError;
  return e.code === 'slack_webapi_request_error' || e.code === 'slack_webapi_http_error' || MAYBE_DONE.has(platformError(e));
}

/**
 * Slack side of the `Messenger` port, with the tenant's bot token. Inside a request (default) calls fail
 * fast, within Slack's 3 seconds; `patient` (the worker) paces posts per channel, waits out 429s for as
 * long as `Retry-After` says and retries transient failures, so bulk posting is slowed, never dropped.
 */
export function slackMessenger(options: {
  apiUrl: string;
  installations: Installations;
  patient?: boolean;
  /** Per call (tests); defaults to 10 s in the worker and 2.5 s inside a request. */
  timeoutMs?: number;
}): Messenger {
  const patient = options.patient === true;
  const timeout = options.timeoutMs ?? (patient ? TIMEOUT_MS.patient : TIMEOUT_MS.request);
  // Retries are ours (below), so a 429 is seen and timed, not retried blindly.
  const clientOf = webClients({ retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout });
  const pacer = new RateLimiter(PER_CHANNEL.limit, PER_CHANNEL.windowMs);
  const answer = slackAnswerer({ apiUrl: options.apiUrl, installations: options.installations, timeoutMs: timeout });
  const clientFor = async (tenant: Tenant) => {
    const installation = await options.installations.forTenant(tenant);
    if (!installation) throw new SlackError('NOT_INSTALLED', tenant.id);
    const client = clientOf(installation.botToken, installation.apiUrl ?? options.apiUrl);
    return { client, token: installation.botToken };
  };
  const call = async <T>(tenant: Tenant, channel: string, run: (client: WebClient) => Promise<T>): Promise<T> => {
    const { client, token } = await clientFor(tenant);
    if (!patient) return run(client);
    return withRetries(async () => {
      await pacer.acquire(`${token}:${channel}`);
      return run(client);
    }, classify);
  };
  const post = async (tenant: Tenant, channel: string, message: OutboundMessage, threadTs?: string): Promise<Delivered> => {
    const { client, token } = await clientFor(tenant);
    // In the worker a message without a key gets one for the length of this call, so its retries can be settled too.
    const key = message.key ?? (patient ? randomUUID() : undefined);
    const args = {
      channel,
      ...renderMessage(message),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(key ? { metadata: deliveryMetadata(key) } : {}),
    };
    const postOnce = async () => {
      const result = await client.chat.postMessage(args as never);
      return { channelId: String(result.channel ?? channel), messageId: String(result.ts ?? '') };
    };
    // A repeat (the outbox delivering again after an attempt that may have posted) looks before its first post.
    const repeat = message.repeat === true && message.key !== undefined;
    if (!key || (!patient && !repeat)) return postOnce();
    // After an unknown outcome the next try first looks for the message, and posts only if it is not there.
    const place = { channel, threadTs };
    // An earlier attempt's time is unknown (up to ~17 hours of outbox retries): a repeat reads the latest
    // page whatever its age, so a message that has since scrolled past it is not found and posts again.
    const since = repeat ? 0 : Date.now();
    let unsettled = repeat;
    const look = async (): Promise<Delivered | undefined> => {
      try {
        return await findDelivered(client, place, key, since);
      } catch (error) {
        const { retryAfterMs, transient } = classify(error);
        if (retryAfterMs !== undefined || transient) throw error;
        // The conversation cannot be read (a workspace installed before the history scopes, a public channel
        // the bot posts to without being in it): nothing can be settled, and delivery is at least once.
        return undefined;
      }
    };
    if (!patient) return (await look()) ?? postOnce();
    const attempt = async (): Promise<Delivered> => {
      if (unsettled) {
        const found = await look();
        if (found) return found;
        unsettled = false;
      }
      await pacer.acquire(`${token}:${channel}`);
      try {
        return await postOnce();
      } catch (error) {
        unsettled = outcomeUnknown(error);
        throw error;
      }
    };
    try {
      return await withRetries(attempt, classify);
    } catch (error) {
      // The last try's outcome may be unknown too: one more look spares a redelivery of a post that landed.
      const found = unsettled ? await look().catch(() => undefined) : undefined;
      if (found) return found;
      throw error;
    }
  };
  return {
    nameOf: async (tenant, userId) => {
      const { user } = (await call(tenant, 'users.info', (client) => client.users.info({ user: userId }))) as {
        user?: { name?: string; real_name?: string; profile?: { display_name?: string; real_name?: string } };
      };
      const names = [user?.profile?.display_name, user?.profile?.real_name, user?.real_name, user?.name];
      return names.find((n): n is string => typeof n === 'string' && n.trim() !== '');
    },
    postInChannel: async (tenant, channelId, message) => ({ messageId: (await post(tenant, channelId, message)).messageId }),
    postInThread: async (tenant, channelId, messageId, message) => ({
      channelId,
      messageId: (await post(tenant, channelId, message, messageId)).messageId,
    }),
    // Posting to a user id lands in the app's direct messages with them.
    notifyMember: (tenant, memberId, message) => post(tenant, memberId, message),
    // A group DM of them all (scope `mpim:write`): Slack gives the same one for the same people, so a retry opens nothing new.
    openGroup: async (tenant, memberIds) => {
      const opened = (await call(tenant, 'conversations.open', (client) => client.conversations.open({ users: memberIds.join(',') }))) as {
        channel?: { id?: string };
      };
      if (!opened.channel?.id) throw new SlackError('NO_GROUP');
      return { channelId: opened.channel.id };
    },
    updateMessage: async (tenant, channelId, messageId, message) => {
      await call(tenant, channelId, (client) =>
        client.chat.update({ channel: channelId, ts: messageId, ...renderMessage(message) } as never),
      );
    },
    pin: async (tenant, channelId, messageId, on) => {
      try {
        await call(tenant, channelId, (client) =>
          on
            ? client.pins.add({ channel: channelId, timestamp: messageId })
            : client.pins.remove({ channel: channelId, timestamp: messageId }),
        );
      } catch (error) {
        // Already as asked: a repeat of the job.
        if (!['already_pinned', 'no_pin'].includes(platformError(error as SlackApiError))) throw error;
      }
    },
    // The whole view at once, so a repeat lands the same view. Only a rate limit is waited out here: any other
    // failure goes back to the outbox, which tries the job again after its backoff.
    answerInteraction: async (tenant, target, message) => {
      if (target.platform !== 'slack') throw Object.assign(new Error('not a Slack interaction'), { permanent: true });
      await answer(tenant, target.responseUrl, message);
    },
    publishHome: async (tenant, userId, view) => {
      const { client } = await clientFor(tenant);
      const home = { type: 'home', blocks: renderMessage({ text: '', blocks: view.blocks }).blocks };
      const rateLimited = (error: unknown) => {
        const { retryAfterMs } = classify(error);
        return retryAfterMs !== undefined && patient ? { retryAfterMs } : {};
      };
      await withRetries(() => client.views.publish({ user_id: userId, view: home as never }), rateLimited);
    },
    sendFiles: async (tenant, memberId, message, files) => {
      const { client } = await clientFor(tenant);
      // Everything before the final share posts nothing and may be redone; a share whose outcome is unknown
      // is not (it cannot be looked for by key, and a second run would share fresh copies).
      const retryable = (error: unknown) => ((error as { shared?: boolean }).shared ? {} : classify(error));
      await withRetries(() => uploadFiles(client, { member: memberId }, message, files), patient ? retryable : () => ({}));
    },
    postFiles: async (tenant, channelId, message, files) => {
      const { client } = await clientFor(tenant);
      const retryable = (error: unknown) => ((error as { shared?: boolean }).shared ? {} : classify(error));
      await withRetries(() => uploadFiles(client, { channel: channelId }, message, files), patient ? retryable : () => ({}));
    },
  };
}

async function dmChannel(client: WebClient, memberId: string): Promise<string> {
  const opened = (await client.conversations.open({ users: memberId })) as { channel?: { id?: string } };
  return opened.channel?.id ?? memberId;
}

/**
 * Slack's external upload flow (what `files.uploadV2` does): a DM channel, an upload URL per file, the
 * bytes POSTed there, then one `files.completeUploadExternal` sharing them all with a comment.
 */
async function uploadFiles(
  client: WebClient,
  to: { readonly member: string } | { readonly channel: string },
  message: OutboundMessage,
  files: readonly OutboundFile[],
): Promise<void> {
  const channelId = 'channel' in to ? to.channel : await dmChannel(client, to.member);
  const uploaded: { id: string; title: string }[] = [];
  for (const file of files) {
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    const target = (await client.files.getUploadURLExternal({
      filename: file.name,
      length: bytes.length,
      ...(file.alt ? { alt_text: clip(file.alt, 1000) } : {}),
    })) as {
      upload_url?: string;
      file_id?: string;
    };
    if (!target.upload_url || !target.file_id) throw new SlackError('NO_UPLOAD_URL', file.name);
    const response = await fetch(target.upload_url, {
      method: 'POST',
      headers: { 'content-type': file.contentType },
      body: bytes,
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw Object.assign(new Error(`upload of ${file.name} → ${response.status}`), { code: 'slack_webapi_http_error' });
    uploaded.push({ id: target.file_id, title: file.name });
  }
  await client.files
    .completeUploadExternal({ files: uploaded as never, channel_id: channelId, initial_comment: renderMessage(message).text })
    .catch((error: unknown) => {
      throw outcomeUnknown(error) ? Object.assign(error as object, { shared: true }) : error;
    });
}
