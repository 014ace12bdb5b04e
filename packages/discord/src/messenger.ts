import type { Installations, Messenger, OutboundMessage, Tenant } from '@organizer/core';
import { messageBody } from './render.ts';

/** Discord's "a thread has already been created for this message" error code. */
const THREAD_ALREADY_CREATED = 160004;

/** Discord side of the `Messenger` port: plain REST calls with the tenant's bot token (no discord.js on this path). */
export function discordMessenger(options: { apiUrl: string; installations: Installations }): Messenger {
  const base = options.apiUrl.replace(/\/$/, '');
  const call = async (tenant: Tenant, method: string, path: string, body: unknown): Promise<Record<string, unknown>> => {
    const installation = await options.installations.forTenant(tenant);
    if (!installation) throw new Error(`no Discord installation for ${tenant.id}`);
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bot ${installation.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      // A request waits for these calls, inside Discord's 3-second window.
      signal: AbortSignal.timeout(2500),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok)
      throw Object.assign(new Error(`Discord ${method} ${path} → ${response.status}`), { status: response.status, code: json.code });
    return json;
  };
  const send = async (tenant: Tenant, channelId: string, message: OutboundMessage) =>
    String((await call(tenant, 'POST', `/channels/${channelId}/messages`, messageBody(message.blocks))).id ?? '');

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
      const dm = await call(tenant, 'POST', '/users/@me/channels', { recipient_id: memberId });
      return { channelId: String(dm.id), messageId: await send(tenant, String(dm.id), message) };
    },
    updateMessage: async (tenant, channelId, messageId, message) => {
      await call(tenant, 'PATCH', `/channels/${channelId}/messages/${messageId}`, messageBody(message.blocks));
    },
  };
}
