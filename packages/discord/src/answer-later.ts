import type { Installations, OutboundMessage, Tenant } from '@organizer/core';
import { TargetExpired } from '@organizer/core';
import { messageBody } from './render.ts';

/**
 * Answers an interaction later by editing its deferred answer (`PATCH /webhooks/{application}/{token}/messages/@original`,
 * no bot token: the interaction's token is the credential). The answer stays ephemeral, as it was deferred.
 * Tokens live 15 minutes: then Discord answers 401 (invalid token) or 404 (Unknown Webhook, 10015),
 * `TargetExpired`. Errors name the status only, never the path (it holds the token).
 */
export function discordAnswerer(options: { apiUrl: string; installations: Installations; timeoutMs: number }) {
  const base = options.apiUrl.replace(/\/$/, '');
  return async (tenant: Tenant, target: { applicationId: string; token: string }, message: OutboundMessage): Promise<void> => {
    const installation = await options.installations.forTenant(tenant);
    const api = installation?.apiUrl?.replace(/\/$/, '') ?? base;
    const path = `/webhooks/${encodeURIComponent(target.applicationId)}/${encodeURIComponent(target.token)}/messages/@original`;
    const response = await fetch(`${api}${path}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowed_mentions: { parse: [] }, ...messageBody(message.blocks) }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.ok) return;
    const json = (await response.json().catch(() => ({}))) as { code?: unknown; retry_after?: unknown };
    if (response.status === 401 || response.status === 404) throw new TargetExpired('discord', response.status);
    const seconds = Number(json.retry_after ?? Number.NaN);
    throw Object.assign(new Error(`Discord answer edit → ${response.status}`), {
      status: response.status,
      code: json.code,
      ...(Number.isFinite(seconds) ? { retryAfterMs: Math.ceil(seconds * 1000) } : {}),
    });
  };
}
