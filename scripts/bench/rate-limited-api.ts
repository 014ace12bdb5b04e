import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Slack Web API and Discord REST that enforces their posting limits the way the
 * platforms answer them: Slack about one message per second per channel (HTTP 429 + `Retry-After`),
 * Discord 50 requests per rolling second per bot (429 + JSON `retry_after`). It counts what arrived.
 */
export async function startRateLimitedApi() {
  const slackLast = new Map<string, number>();
  const discordWindow = new Map<string, number[]>();
  /** Deliveries per platform and channel (DMs: Slack user id; Discord `dm-<user>`). */
  const delivered = new Map<string, number>();
  const stats = { slackPosts: 0, discordRequests: 0, slack429: 0, discord429: 0, firstAt: 0, lastAt: 0 };
  let nextId = 1;
  const count = (key: string) => {
    delivered.set(key, (delivered.get(key) ?? 0) + 1);
    const now = Date.now();
    stats.firstAt ||= now;
    stats.lastAt = now;
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c));
    req.on('end', () => {
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const path = req.url ?? '';
      const now = Date.now();
      if (path.startsWith('/slack/')) {
        const channel = new URLSearchParams(raw).get('channel') ?? '';
        if (!path.endsWith('chat.postMessage')) return json(200, { ok: true });
        if (now - (slackLast.get(channel) ?? 0) < 1000) {
          stats.slack429++;
          return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
        }
        slackLast.set(channel, now);
        stats.slackPosts++;
        count(`slack:${channel}`);
        return json(200, { ok: true, channel, ts: `${Math.floor(now / 1000)}.${String(nextId++).padStart(6, '0')}` });
      }
      const token = String(req.headers.authorization ?? '');
      const recent = (discordWindow.get(token) ?? []).filter((at) => now - at < 1000);
      if (recent.length >= 50) {
        stats.discord429++;
        const wait = (1000 - (now - (recent[0] ?? now))) / 1000;
        return json(429, { message: 'You are being rate limited.', retry_after: wait, global: true }, { 'retry-after': String(wait) });
      }
      recent.push(now);
      discordWindow.set(token, recent);
      stats.discordRequests++;
      if (path.endsWith('/users/@me/channels')) return json(200, { id: `dm-${JSON.parse(raw).recipient_id}`, type: 1 });
      const channel = /\/channels\/([^/]+)\/messages$/.exec(path)?.[1];
      if (channel) count(`discord:${channel}`);
      return json(200, { id: String(nextId++) });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return { url, delivered, stats, stop };
}
