import type { OutboundMessage } from '@organizer/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RecordedCall, Recorder } from '../../../tests/support/recorder.ts';
import { slackMessenger } from './messenger.ts';

const tenant = { platform: 'slack', id: 'T1' } as const;
const installations = { forTenant: async () => ({ botToken: 'xoxb-test' }) };
const hello: OutboundMessage = { text: 'Hello', blocks: [{ type: 'text', text: 'Hello' }] };
const keyed: OutboundMessage = { ...hello, key: 'outbox#01J0000000000000000000000#0' };
const metadata = { event_type: 'organizer_delivery', event_payload: { key: keyed.key } };
/** The metadata a recorded post carried (the Web API client sends it as a JSON form field). */
const metadataOf = (call: RecordedCall | undefined) => JSON.parse(String(call?.body.metadata ?? 'null'));

describe('slackMessenger', () => {
  let limited = 0;
  let failing = 0;
  let hanging = 0;
  /** Messages that reached a conversation, as conversations.history shows them. */
  const landed: { channel: string; ts: string; thread_ts?: string; metadata: unknown }[] = [];
  const land = (call: RecordedCall) => {
    // A post to a member lands in the app's DM with them.
    const channel = String(call.body.channel).startsWith('U') ? 'D1' : String(call.body.channel);
    const message = { channel, ts: `1700000000.00${landed.length + 1}`, metadata: metadataOf(call) };
    landed.push(call.body.thread_ts ? { ...message, thread_ts: String(call.body.thread_ts) } : message);
    return { body: { ok: true, channel, ts: message.ts } };
  };
  /** Newest first, as Slack lists them; only what landed in that conversation (and thread). */
  const history = (call: RecordedCall) => ({
    body: {
      ok: true,
      messages: landed
        .filter((m) => m.channel === call.body.channel && (!call.body.ts || m.thread_ts === call.body.ts))
        .reverse()
        .map(({ ts, metadata }) => ({ type: 'message', ts, ...(metadata ? { metadata } : {}) })),
    },
  });
  const api: Recorder = new Recorder()
    .on('chat.postMessage', (call) => {
      const channel = String(call.body.channel);
      if (channel === 'CLIMIT' && limited++ === 0)
        return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
      if (channel === 'CFAIL' && failing++ < 3) return { status: 500, body: 'Internal Server Error' };
      if (channel === 'CBUSY' && failing++ < 1) return { body: { ok: false, error: 'internal_error' } };
      // The post lands, but its answer comes after the client gave up.
      if (['CHANG', 'U2', 'CTHREAD'].includes(channel) && hanging++ === 0) return { ...land(call), delayMs: 1500 };
      // The post hangs and never lands.
      if (['CLOST', 'CSCOPE'].includes(channel) && hanging++ === 0) return { delayMs: 1500, body: { ok: true } };
      return land(call);
    })
    .on('conversations.history', (call) =>
      call.body.channel === 'CSCOPE' ? { body: { ok: false, error: 'missing_scope', needed: 'channels:history' } } : history(call),
    )
    .on('conversations.replies', history)
    .on('conversations.open', () => ({ body: { ok: true, channel: { id: 'D1' } } }))
    .on('files.getUploadURLExternal', (call) => ({
      body: { ok: true, upload_url: `${api.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
    }))
    .on('files.completeUploadExternal', (call) =>
      String(call.body.channel_id) === 'D1' && String(call.body.initial_comment) === 'Slow' && hanging++ === 0
        ? { delayMs: 1500, body: { ok: true, files: [] } }
        : { body: { ok: true, files: [] } },
    );
  const url = () => `${api.url}/api/`;
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => {
    api.reset();
    landed.length = 0;
    limited = 0;
    failing = 0;
    hanging = 0;
  });
  const worker = () => slackMessenger({ apiUrl: url(), installations, patient: true, timeoutMs: 300 });

  it('waits out a 429 for as long as Retry-After says and delivers once (worker), without looking first', async () => {
    const messenger = slackMessenger({ apiUrl: url(), installations, patient: true });
    await messenger.postInChannel(tenant, 'CLIMIT', keyed);
    const calls = api.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(calls.map(metadataOf)).toEqual([metadata, metadata]);
    // A 429 posted nothing: there is nothing to settle.
    expect(api.callsTo('conversations.history')).toHaveLength(0);
    expect(landed).toHaveLength(1);
  });

  it('after each of three 500s looks for the post, finds none, and lands it once on the fourth try', async () => {
    const { messageId } = await worker().postInChannel(tenant, 'CFAIL', keyed);
    const posts = api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(4);
    expect(posts.map(metadataOf)).toEqual([metadata, metadata, metadata, metadata]);
    expect(api.callsTo('conversations.history')).toHaveLength(3);
    expect(landed).toHaveLength(1);
    expect(messageId).toBe(landed[0]?.ts);
  });

  it('settles an internal_error (which may follow partial success) before trying again', async () => {
    await worker().postInChannel(tenant, 'CBUSY', keyed);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(api.callsTo('conversations.history')).toHaveLength(1);
    expect(landed).toHaveLength(1);
  });

  it('finds a post that hung past the timeout but landed, and does not post it again', async () => {
    const started = Date.now();
    const { messageId } = await worker().postInChannel(tenant, 'CHANG', keyed);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(landed).toHaveLength(1);
    expect(messageId).toBe(landed[0]?.ts);
    const [look] = api.callsTo('conversations.history');
    expect(look?.body).toMatchObject({ channel: 'CHANG', include_all_metadata: 'true', limit: '15' });
    expect(Number(look?.body.oldest) * 1000).toBeLessThanOrEqual(started);
  });

  it('posts exactly once more when a post hung past the timeout and did not land', async () => {
    const { messageId } = await worker().postInChannel(tenant, 'CLOST', keyed);
    const posts = api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts.map(metadataOf)).toEqual([metadata, metadata]);
    expect(api.callsTo('conversations.history')).toHaveLength(1);
    expect(landed).toHaveLength(1);
    expect(messageId).toBe(landed[0]?.ts);
  });

  it('posts once more when the conversation cannot be read to settle (installed before the history scopes)', async () => {
    await worker().postInChannel(tenant, 'CSCOPE', keyed);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(api.callsTo('conversations.history')).toHaveLength(1);
    expect(landed).toHaveLength(1);
  });

  it('looks in the member’s DM (opened for its id) for a DM that hung but landed', async () => {
    const where = await worker().notifyMember(tenant, 'U2', keyed);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(api.callsTo('conversations.open')[0]?.body.users).toBe('U2');
    expect(api.callsTo('conversations.history')[0]?.body.channel).toBe('D1');
    expect(where).toEqual({ channelId: 'D1', messageId: landed[0]?.ts });
  });

  it('looks among the thread’s replies for a thread reply that hung but landed', async () => {
    const where = await worker().postInThread(tenant, 'CTHREAD', '1699999999.000100', keyed);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(api.callsTo('conversations.replies')[0]?.body).toMatchObject({ channel: 'CTHREAD', ts: '1699999999.000100' });
    expect(where).toEqual({ channelId: 'CTHREAD', messageId: landed[0]?.ts });
  });

  describe('a repeat (the outbox delivering again after an attempt that may have posted)', () => {
    const repeat: OutboundMessage = { ...keyed, repeat: true };
    /** What an earlier attempt posted hours ago, before it timed out or its worker died. */
    const earlier = (channel: string, thread_ts?: string) => {
      landed.push({ channel, ts: '1699990000.000100', metadata, ...(thread_ts ? { thread_ts } : {}) });
      return '1699990000.000100';
    };

    it('finds its message already in the channel and posts nothing', async () => {
      const ts = earlier('CREPEAT');
      const { messageId } = await worker().postInChannel(tenant, 'CREPEAT', repeat);
      expect(api.callsTo('chat.postMessage')).toHaveLength(0);
      const looks = api.callsTo('conversations.history');
      expect(looks).toHaveLength(1);
      // The earlier attempt's time is unknown: the latest page is read whatever its age.
      expect(Number(looks[0]?.body.oldest)).toBe(0);
      expect(messageId).toBe(ts);
    });

    it('looks first and posts once when its message is not in the channel', async () => {
      const { messageId } = await worker().postInChannel(tenant, 'CREPEAT', repeat);
      expect(api.callsTo('conversations.history')).toHaveLength(1);
      expect(api.callsTo('chat.postMessage').map(metadataOf)).toEqual([metadata]);
      expect(api.calls.map((c) => c.path.replace('/api/', ''))).toEqual(['conversations.history', 'chat.postMessage']);
      expect(landed).toHaveLength(1);
      expect(messageId).toBe(landed[0]?.ts);
    });

    it('opens the member’s DM and finds a direct message that landed earlier', async () => {
      const ts = earlier('D1');
      const where = await worker().notifyMember(tenant, 'U3', repeat);
      expect(api.callsTo('chat.postMessage')).toHaveLength(0);
      expect(api.callsTo('conversations.open')[0]?.body.users).toBe('U3');
      expect(api.callsTo('conversations.history').map((c) => c.body.channel)).toEqual(['D1']);
      expect(where).toEqual({ channelId: 'D1', messageId: ts });
    });

    it('finds a thread reply that landed earlier among the thread’s replies', async () => {
      const ts = earlier('CREPEAT', '1699999999.000100');
      const where = await worker().postInThread(tenant, 'CREPEAT', '1699999999.000100', repeat);
      expect(api.callsTo('chat.postMessage')).toHaveLength(0);
      expect(api.callsTo('conversations.replies')[0]?.body).toMatchObject({ channel: 'CREPEAT', ts: '1699999999.000100' });
      expect(where).toEqual({ channelId: 'CREPEAT', messageId: ts });
    });

    it('posts once when the conversation cannot be read (delivery stays at least once)', async () => {
      hanging = 1; // this time CSCOPE answers its post at once
      await worker().postInChannel(tenant, 'CSCOPE', repeat);
      expect(api.callsTo('conversations.history')).toHaveLength(1);
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it('does not look for a message without a key of its own (nothing earlier could carry it)', async () => {
      await worker().postInChannel(tenant, 'CREPEAT', { ...hello, repeat: true });
      expect(api.callsTo('conversations.history')).toHaveLength(0);
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it('looks once inside a request too, and posts nothing when it finds the message', async () => {
      earlier('CREPEAT');
      await slackMessenger({ apiUrl: url(), installations }).postInChannel(tenant, 'CREPEAT', repeat);
      expect(api.callsTo('conversations.history')).toHaveLength(1);
      expect(api.callsTo('chat.postMessage')).toHaveLength(0);
    });
  });

  it('gives a message without a key a key of its own in the worker, so its retry is settled too', async () => {
    await worker().postInChannel(tenant, 'CHANG', hello);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(metadataOf(api.callsTo('chat.postMessage')[0]).event_type).toBe('organizer_delivery');
    expect(landed).toHaveLength(1);
  });

  it('inside a request sends the key as metadata and never retries a post that timed out', async () => {
    await expect(slackMessenger({ apiUrl: url(), installations, timeoutMs: 300 }).postInChannel(tenant, 'CLOST', keyed)).rejects.toThrow();
    expect(api.callsTo('chat.postMessage').map(metadataOf)).toEqual([metadata]);
    expect(api.callsTo('conversations.history')).toHaveLength(0);
  });

  it('fails fast on a 429 inside a request', async () => {
    const messenger = slackMessenger({ apiUrl: url(), installations });
    await expect(messenger.postInChannel(tenant, 'CLIMIT', hello)).rejects.toThrow();
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('posts about once a second per channel, while different channels go at once', async () => {
    const messenger = slackMessenger({ apiUrl: url(), installations, patient: true });
    await Promise.all([...['C1', 'C1', 'C1'], ...['C2', 'C3', 'C4']].map((channel) => messenger.postInChannel(tenant, channel, hello)));
    const at = (channel: string) =>
      api
        .callsTo('chat.postMessage')
        .filter((c) => c.body.channel === channel)
        .map((c) => c.at);
    const c1 = at('C1');
    expect((c1[2] ?? 0) - (c1[0] ?? 0)).toBeGreaterThanOrEqual(1900);
    const others = ['C2', 'C3', 'C4'].flatMap(at);
    expect(Math.max(...others) - Math.min(...others)).toBeLessThan(500);
  });

  it('does not share files again after a share that timed out (worker)', async () => {
    const slow: OutboundMessage = { text: 'Slow', blocks: [] };
    const files = [{ name: 'a.json', content: '{}', contentType: 'application/json' }];
    await expect(worker().sendFiles(tenant, 'U2', slow, files)).rejects.toThrow();
    expect(api.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });

  it('uploads files into the member’s direct messages through the external upload flow', async () => {
    const messenger = slackMessenger({ apiUrl: url(), installations });
    await messenger.sendFiles(tenant, 'U2', hello, [
      { name: 'a.json', content: '{"x":1}', contentType: 'application/json' },
      { name: 'b.csv', content: 'a,b\r\n1,2\r\n', contentType: 'text/csv' },
    ]);
    expect(api.callsTo('conversations.open')[0]?.body.users).toBe('U2');
    expect(api.calls.filter((c) => c.path.startsWith('/upload/')).map((c) => [c.path, c.raw])).toEqual([
      ['/upload/a.json', '{"x":1}'],
      ['/upload/b.csv', 'a,b\r\n1,2\r\n'],
    ]);
    const complete = api.callsTo('files.completeUploadExternal')[0]?.body;
    expect(complete?.channel_id).toBe('D1');
    expect(JSON.parse(String(complete?.files)).map((f: { id: string }) => f.id)).toEqual(['F-a.json', 'F-b.csv']);
  });

  it('uploads bytes into a channel with their alt text, opening no conversation', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    await worker().postFiles?.(tenant, 'C7', hello, [{ name: 'chart.png', content: png, contentType: 'image/png', alt: 'Ladder: 3' }]);
    expect(api.callsTo('conversations.open')).toHaveLength(0);
    expect(api.callsTo('files.getUploadURLExternal')[0]?.body).toMatchObject({
      filename: 'chart.png',
      length: '10',
      alt_text: 'Ladder: 3',
    });
    const upload = api.calls.find((c) => c.path === '/upload/chart.png');
    expect(upload?.bytes.equals(Buffer.from(png))).toBe(true);
    expect(upload?.headers['content-type']).toBe('image/png');
    expect(api.callsTo('files.completeUploadExternal')[0]?.body.channel_id).toBe('C7');
  });
});
