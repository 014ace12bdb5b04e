import type { Installations, OutboundMessage, Tenant } from '@organizer/core';
import { TargetExpired } from '@organizer/core';
import { renderMessage } from './render.ts';

/** Where Slack's own response_urls live. */
const SLACK_HOOKS = 'hooks.slack.com';

/**
 * Whether a `response_url` may be posted to: Slack's own (`https://hooks.slack.com/…`), or, where the Web
 * API is not Slack's (tests, the playground), that API's host. Anything else is refused, so a payload
 * naming another host cannot make the worker post there.
 */
export function isAllowedResponseUrl(url: string, apiUrls: readonly (string | undefined)[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && parsed.host === SLACK_HOOKS) return true;
  return apiUrls.some((api) => {
    if (!api) return false;
    const host = new URL(api).host;
    return host !== 'slack.com' && !host.endsWith('.slack.com') && host === parsed.host && /^https?:$/.test(parsed.protocol);
  });
}

/**
 * Answers a slash command later through its `response_url`: ephemeral, replacing the short acknowledgement.
 * Slack keeps the url 30 minutes for 5 uses; past that it answers 404 or `expired_url` (`TargetExpired`).
 * Errors name the status only, never the url (it is the answer's credential).
 */
export function slackAnswerer(options: { apiUrl: string; installations: Installations; timeoutMs: number }) {
  return async (tenant: Tenant, responseUrl: string, message: OutboundMessage): Promise<void> => {
    const installation = await options.installations.forTenant(tenant);
    if (!isAllowedResponseUrl(responseUrl, [options.apiUrl, installation?.apiUrl]))
      throw Object.assign(new Error('a response_url outside Slack was refused'), { permanent: true });
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: true, ...renderMessage(message) }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = await response.text().catch(() => '');
    if (response.status === 404 || /expired_url|used_url/.test(body)) throw new TargetExpired('slack', response.status);
    if (!response.ok || /"ok"\s*:\s*false/.test(body))
      throw Object.assign(new Error(`Slack response_url → ${response.status}`), { status: response.ok ? 400 : response.status });
  };
}
