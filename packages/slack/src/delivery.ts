import type { WebClient } from '@slack/web-api';

/**
 * chat.postMessage has no idempotency key, so a post whose outcome is unknown (it timed out, the
 * connection dropped, Slack answered 5xx or `internal_error`) may have landed. Each post carries its
 * delivery key as message metadata, and before such a post is retried the conversation's latest messages
 * are searched for it. Posting metadata needs only chat:write; reading it back (`include_all_metadata`)
 * needs the history scopes, while `metadata.message:read` is for metadata events, which we do not use.
 */
export const DELIVERY_EVENT = 'organizer_delivery';

/**
 * Messages read when looking for a post. Slack caps conversations.history and .replies at 15 messages
 * a page (and one call a minute) for apps outside its Marketplace since 2025, so one page of 15 it is.
 */
const LATEST = 15;
/** Our clock and Slack's may differ: look a little before the first attempt. */
const SKEW_MS = 60_000;

/** The metadata a post carries so that it can be recognised later. */
export const deliveryMetadata = (key: string) => ({ event_type: DELIVERY_EVENT, event_payload: { key } });

/** Where a post was sent: a channel, a member (their DM with the app) or a thread. */
export interface PostPlace {
  readonly channel: string;
  readonly threadTs?: string | undefined;
}

/** A message found, as chat.postMessage would have answered. */
export interface Delivered {
  readonly channelId: string;
  readonly messageId: string;
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { key?: unknown } };
}

/**
 * The message carrying `key` among the latest posted since `sinceMs` (wall-clock ms: Slack's `ts` is
 * its own wall clock, not the app's clock), or undefined when it is not there. Costs one
 * conversations.history (a thread: conversations.replies) call, plus conversations.open for a member.
 * Needs channels:history, groups:history, im:history and mpim:history.
 */
export async function findDelivered(client: WebClient, place: PostPlace, key: string, sinceMs: number): Promise<Delivered | undefined> {
  const channel = await conversationOf(client, place.channel);
  const oldest = (Math.max(0, sinceMs - SKEW_MS) / 1000).toFixed(6);
  const query = { channel, oldest, limit: LATEST, include_all_metadata: true };
  const page = (
    place.threadTs ? await client.conversations.replies({ ...query, ts: place.threadTs }) : await client.conversations.history(query)
  ) as { messages?: HistoryMessage[] };
  const found = (page.messages ?? []).find((m) => m.metadata?.event_type === DELIVERY_EVENT && m.metadata.event_payload?.key === key);
  return found?.ts ? { channelId: channel, messageId: found.ts } : undefined;
}

/** A post to a member id lands in the app's DM with them; the history is read from that DM's id. */
async function conversationOf(client: WebClient, channel: string): Promise<string> {
  if (!/^[UW]/.test(channel)) return channel;
  const opened = (await client.conversations.open({ users: channel })) as { channel?: { id?: string } };
  return opened.channel?.id ?? channel;
}
