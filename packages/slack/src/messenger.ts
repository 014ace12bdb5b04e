import type { Installations, Messenger, OutboundFile, OutboundMessage, Tenant } from '@organizer/core';
import { RateLimiter, withRetries } from '@organizer/core';
import type { WebClient } from '@slack/web-api';
import { webClients } from './clients.ts';
import { renderMessage } from './render.ts';

/** Slack's posting limit: about one message per second per channel (chat.postMessage is "special" tier). */
const PER_CHANNEL = { limit: 1, windowMs: 1000 };

/** What to do about a failed Web API call: wait as long as Slack says, retry what is transient. */
function classify(error: unknown): { retryAfterMs?: number; transient?: boolean } {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (e.code === 'slack_webapi_rate_limited_error') return { retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  if (e.code === 'slack_webapi_request_error' || e.code === 'slack_webapi_http_error') return { transient: true };
  return {};
}

/**
 * Slack side of the `Messenger` port, with the tenant's bot token. Inside a request (default) calls fail
 * fast, within Slack's 3 seconds; `patient` (the worker) paces posts per channel, waits out 429s for as
 * long as `Retry-After` says and retries transient failures, so bulk posting is slowed, never dropped.
 */
export function slackMessenger(options: { apiUrl: string; installations: Installations; patient?: boolean }): Messenger {
  const patient = options.patient === true;
  // Retries are ours (below), so a 429 is seen and timed, not retried blindly.
  const clientOf = webClients({ retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: patient ? 10_000 : 2500 });
  const pacer = new RateLimiter(PER_CHANNEL.limit, PER_CHANNEL.windowMs);
  const clientFor = async (tenant: Tenant) => {
    const installation = await options.installations.forTenant(tenant);
    if (!installation) throw new Error(`no Slack installation for ${tenant.id}`);
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
  const post = async (tenant: Tenant, channel: string, message: OutboundMessage, threadTs?: string) => {
    const result = await call(tenant, channel, (client) =>
      client.chat.postMessage({ channel, ...renderMessage(message), ...(threadTs ? { thread_ts: threadTs } : {}) } as never),
    );
    return { channelId: String(result.channel ?? channel), messageId: String(result.ts ?? '') };
  };
  return {
    postInChannel: async (tenant, channelId, message) => ({ messageId: (await post(tenant, channelId, message)).messageId }),
    postInThread: async (tenant, channelId, messageId, message) => ({
      channelId,
      messageId: (await post(tenant, channelId, message, messageId)).messageId,
    }),
    // Posting to a user id lands in the app's direct messages with them.
    notifyMember: (tenant, memberId, message) => post(tenant, memberId, message),
    updateMessage: async (tenant, channelId, messageId, message) => {
      await call(tenant, channelId, (client) =>
        client.chat.update({ channel: channelId, ts: messageId, ...renderMessage(message) } as never),
      );
    },
    sendFiles: async (tenant, memberId, message, files) => {
      const { client } = await clientFor(tenant);
      await withRetries(() => uploadFiles(client, memberId, message, files), patient ? classify : () => ({}));
    },
  };
}

/**
 * Slack's external upload flow (what `files.uploadV2` does): a DM channel, an upload URL per file, the
 * bytes POSTed there, then one `files.completeUploadExternal` sharing them all with a comment.
 */
async function uploadFiles(client: WebClient, memberId: string, message: OutboundMessage, files: readonly OutboundFile[]): Promise<void> {
  const opened = (await client.conversations.open({ users: memberId })) as { channel?: { id?: string } };
  const channelId = opened.channel?.id ?? memberId;
  const uploaded: { id: string; title: string }[] = [];
  for (const file of files) {
    const bytes = Buffer.from(file.content, 'utf8');
    const target = (await client.files.getUploadURLExternal({ filename: file.name, length: bytes.length })) as {
      upload_url?: string;
      file_id?: string;
    };
    if (!target.upload_url || !target.file_id) throw new Error(`Slack gave no upload URL for ${file.name}`);
    const response = await fetch(target.upload_url, {
      method: 'POST',
      headers: { 'content-type': file.contentType },
      body: bytes,
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw Object.assign(new Error(`upload of ${file.name} → ${response.status}`), { code: 'slack_webapi_http_error' });
    uploaded.push({ id: target.file_id, title: file.name });
  }
  await client.files.completeUploadExternal({
    files: uploaded as never,
    channel_id: channelId,
    initial_comment: renderMessage(message).text,
  });
}
