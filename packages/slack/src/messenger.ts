import type { Installations, Messenger, OutboundMessage, Tenant } from '@organizer/core';
import { WebClient } from '@slack/web-api';
import { renderMessage } from './render.ts';

/** Slack side of the `Messenger` port: chat.postMessage, with the tenant's bot token. */
export function slackMessenger(options: { apiUrl: string; installations: Installations }): Messenger {
  const clients = new Map<string, WebClient>();
  const clientFor = async (tenant: Tenant) => {
    const installation = await options.installations.forTenant(tenant);
    if (!installation) throw new Error(`no Slack installation for ${tenant.id}`);
    let client = clients.get(installation.botToken);
    if (!client) {
      // Fail fast: a request waits for these calls, inside Slack's 3-second window.
      client = new WebClient(installation.botToken, { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 }, timeout: 2500 });
      clients.set(installation.botToken, client);
    }
    return client;
  };
  const post = async (tenant: Tenant, channel: string, message: OutboundMessage, threadTs?: string) => {
    const client = await clientFor(tenant);
    const result = await client.chat.postMessage({
      channel,
      ...renderMessage(message),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    } as never);
    return String(result.ts ?? '');
  };
  return {
    postInChannel: async (tenant, channelId, message) => ({ messageId: await post(tenant, channelId, message) }),
    postInThread: async (tenant, channelId, messageId, message) => ({
      channelId,
      messageId: await post(tenant, channelId, message, messageId),
    }),
    // Posting to a user id lands in the app's direct messages with them.
    notifyMember: async (tenant, memberId, message) => {
      const client = await clientFor(tenant);
      const result = await client.chat.postMessage({ channel: memberId, ...renderMessage(message) } as never);
      return { channelId: String(result.channel ?? memberId), messageId: String(result.ts ?? '') };
    },
    updateMessage: async (tenant, channelId, messageId, message) => {
      const client = await clientFor(tenant);
      await client.chat.update({ channel: channelId, ts: messageId, ...renderMessage(message) } as never);
    },
  };
}
