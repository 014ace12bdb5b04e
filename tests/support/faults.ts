import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RecordedAnswer, RecordedCall } from './recorder.ts';
import { slackRequest } from './slack.ts';
import { allItems } from './table.ts';

/**
 * One Slack interaction sent again as Slack would: the identical body (same trigger id), signed afresh,
 * with `X-Slack-Retry-Num` (and a reason) on the retries Slack makes when it heard no answer in time.
 */
export async function slackRepeater(request: Request): Promise<(retryNum?: number) => Request> {
  const contentType = request.headers.get('content-type') ?? 'application/x-www-form-urlencoded';
  const body = await request.text();
  return (retryNum) =>
    slackRequest(body, contentType, {
      headers: retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {},
    });
}

/** A Discord interaction sent again byte for byte: same id, same token. */
export async function discordRepeater(request: Request): Promise<() => Request> {
  const body = await request.text();
  const headers = Object.fromEntries(request.headers.entries());
  return () => new Request(request.url, { method: 'POST', headers, body });
}

/** The delivery key a Slack post carried as metadata (form posts send it as a JSON string). */
function keyOf(call: RecordedCall): string | undefined {
  const raw = call.body.metadata;
  const metadata = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { event_payload?: { key?: unknown } } | undefined;
  const key = metadata?.event_payload?.key;
  return typeof key === 'string' ? key : undefined;
}

/**
 * The messages that really reached a fake Slack, readable back as conversations.history answers them: what
 * the messenger searches for its delivery key before it retries a post whose outcome it does not know.
 */
export function slackConversations() {
  const landed: { channel: string; ts: string; text: string; key?: string }[] = [];
  let ts = 1_800_000_000;
  return {
    landed,
    /** Keeps a post as delivered; the answer chat.postMessage gives for it. */
    land(call: RecordedCall): RecordedAnswer {
      const channel = String(call.body.channel);
      const key = keyOf(call);
      const message = { channel, ts: `${++ts}.000100`, text: String(call.body.text ?? ''), ...(key ? { key } : {}) };
      landed.push(message);
      return { body: { ok: true, channel, ts: message.ts } };
    },
    /** A responder for conversations.history: newest first, with metadata, as `include_all_metadata` returns them. */
    history(call: RecordedCall): RecordedAnswer {
      const messages = landed
        .filter((m) => m.channel === String(call.body.channel))
        .reverse()
        .map((m) => ({
          type: 'message',
          ts: m.ts,
          text: m.text,
          ...(m.key ? { metadata: { event_type: 'organizer_delivery', event_payload: { key: m.key } } } : {}),
        }));
      return { body: { ok: true, messages, has_more: false } };
    },
    /** Posts that reached `channel` (a member id for a DM). */
    to: (channel: string) => landed.filter((m) => m.channel === channel),
  };
}

/** Items of one entity, as stored. */
export async function itemsOf(db: DynamoDBDocumentClient, tableName: string, entity: string): Promise<any[]> {
  return (await allItems(db, tableName)).filter((i) => i.entity === entity);
}

/** The app's own HTTP answer and how long it took, without waiting for the work it left to the outbox. */
export async function timed(app: { fetch(request: Request): Response | Promise<Response> }, request: Request) {
  const started = performance.now();
  const response = await app.fetch(request);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, ms: performance.now() - started };
}
