import type { OutboundMessage } from '@organizer/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RecordedCall, Recorder } from '../../../tests/support/recorder.ts';
import { discordMessenger, nonceOf } from './messenger.ts';

const tenant = { platform: 'discord', id: 'G1' } as const;
const installations = { forTenant: async () => ({ botToken: 'bot-token' }) };
const hello: OutboundMessage = { text: 'Hello', blocks: [{ type: 'text', text: 'Hello' }] };
const keyed: OutboundMessage = { ...hello, key: 'outbox#01J0000000000000000000000#0' };

describe('discordMessenger', () => {
  let limited = 0;
  let failing = 0;
  let hanging = 0;
  let threads = 0;
  /** Messages Discord made, by nonce: a create with `enforce_nonce` and a known nonce returns the first. */
  const made = new Map<string, string>();
  let created = 0;
  const create = (call: RecordedCall) => {
    const nonce = String(call.body.nonce ?? '');
    const known = call.body.enforce_nonce === true ? made.get(nonce) : undefined;
    const id = known ?? `M${++created}`;
    if (!known && nonce) made.set(nonce, id);
    return { body: { id, nonce } };
  };
  const api = new Recorder()
    .on('/users/@me/channels', () => ({ body: { id: 'DM1' } }))
    .on('/threads', (call) =>
      !call.path.includes('/M0/')
        ? { body: { id: 'M9' } }
        : threads++ === 0
          ? // The thread is made, but the answer comes too late.
            { delayMs: 1000, body: { id: 'M0' } }
          : { status: 400, body: { code: 160004, message: 'A thread has already been created for this message' } },
    )
    .on('/messages', (call) => {
      if (call.path.includes('/LIMIT/') && limited++ === 0)
        return { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.4, global: false } };
      if (call.path.includes('/FAIL/') && failing++ < 3) return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
      if (call.path.includes('/HANG/') && hanging++ === 0) return { ...create(call), delayMs: 1000 };
      return create(call);
    });
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => {
    api.reset();
    made.clear();
    created = 0;
    limited = 0;
    failing = 0;
    hanging = 0;
    threads = 0;
  });
  const patient = () => discordMessenger({ apiUrl: api.url, installations, patient: true, timeoutMs: 300 });
  /** How many messages Discord made from the creates it received. */
  const landed = () => created;

  it('derives a nonce of at most 25 characters from the key, always the same for one key', () => {
    expect(nonceOf(keyed.key ?? '')).toHaveLength(25);
    expect(nonceOf('a')).toBe(nonceOf('a'));
    expect(nonceOf('a')).not.toBe(nonceOf('b'));
  });

  it('sends the nonce with enforce_nonce and keeps allowed_mentions on every create and edit', async () => {
    const messenger = discordMessenger({ apiUrl: api.url, installations });
    await messenger.postInChannel(tenant, 'C1', keyed);
    await messenger.notifyMember(tenant, 'U2', keyed);
    await messenger.postInThread(tenant, 'C1', 'M9', keyed);
    await messenger.updateMessage(tenant, 'C1', 'M9', keyed);
    const creates = api.callsTo('/messages').filter((c) => c.method === 'POST');
    expect(creates.map((c) => c.path)).toEqual(['/channels/C1/messages', '/channels/DM1/messages', '/channels/M9/messages']);
    for (const c of creates) expect(c.body).toMatchObject({ nonce: nonceOf(keyed.key ?? ''), enforce_nonce: true });
    const edit = api.calls.find((c) => c.method === 'PATCH');
    expect(edit?.path).toBe('/channels/C1/messages/M9');
    for (const c of [...creates, edit]) expect(c?.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit?.body).not.toHaveProperty('nonce');
  });

  it('waits `retry_after` on a 429 and delivers once (worker), and fails fast inside a request', async () => {
    await discordMessenger({ apiUrl: api.url, installations, patient: true }).postInChannel(tenant, 'LIMIT', hello);
    const calls = api.callsTo('/messages');
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(380);
    api.reset();
    limited = 0;
    await expect(discordMessenger({ apiUrl: api.url, installations }).postInChannel(tenant, 'LIMIT', hello)).rejects.toThrow('429');
    expect(api.callsTo('/messages')).toHaveLength(1);
  });

  it('keeps a burst under 50 requests a second per bot', async () => {
    const messenger = discordMessenger({ apiUrl: api.url, installations, patient: true });
    await Promise.all(Array.from({ length: 60 }, (_, i) => messenger.postInChannel(tenant, `C${i}`, hello)));
    const at = api.callsTo('/messages').map((c) => c.at);
    expect(at).toHaveLength(60);
    expect(Math.max(...at) - Math.min(...at)).toBeGreaterThanOrEqual(950);
  });

  it('uploads files as attachments to the member’s DM channel', async () => {
    await discordMessenger({ apiUrl: api.url, installations }).sendFiles(tenant, 'U2', hello, [
      { name: 'a.json', content: '{"x":1}', contentType: 'application/json' },
      { name: 'b.csv', content: 'a,b', contentType: 'text/csv' },
    ]);
    const [upload] = api.callsTo('/messages');
    expect(upload?.path).toBe('/channels/DM1/messages');
    expect(String(upload?.headers['content-type'])).toContain('multipart/form-data');
    expect(upload?.raw).toContain('"attachments":[{"id":0,"filename":"a.json"},{"id":1,"filename":"b.csv"}]');
    expect(upload?.raw).toContain('name="files[1]"; filename="b.csv"');
    expect(upload?.raw).toContain('{"x":1}');
  });

  it('waits out a 429 and lands once, the nonce on both tries', async () => {
    await patient().postInChannel(tenant, 'LIMIT', keyed);
    const calls = api.callsTo('/messages');
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.body.nonce)).toEqual([nonceOf(keyed.key ?? ''), nonceOf(keyed.key ?? '')]);
    expect(landed()).toBe(1);
  });

  it('retries 500 three times and lands once on the fourth try, with one nonce throughout', async () => {
    const { messageId } = await patient().postInChannel(tenant, 'FAIL', keyed);
    const calls = api.callsTo('/messages');
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => c.body.nonce))).toEqual(new Set([nonceOf(keyed.key ?? '')]));
    expect(calls.every((c) => c.body.enforce_nonce === true)).toBe(true);
    expect(messageId).toBe('M1');
  });

  it('retries a create that hung past the timeout with the same nonce, and gets the first message back', async () => {
    const { messageId } = await patient().postInChannel(tenant, 'HANG', keyed);
    const calls = api.callsTo('/messages');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toMatchObject({ nonce: nonceOf(keyed.key ?? ''), enforce_nonce: true });
    expect(landed()).toBe(1);
    expect(messageId).toBe('M1');
  });

  it('gives a message without a key a nonce of its own in the worker, so its retries land once too', async () => {
    await patient().postInChannel(tenant, 'HANG', hello);
    const calls = api.callsTo('/messages');
    expect(calls).toHaveLength(2);
    expect(String(calls[0]?.body.nonce)).toHaveLength(25);
    expect(calls[1]?.body.nonce).toBe(calls[0]?.body.nonce);
    expect(landed()).toBe(1);
  });

  it('takes THREAD_ALREADY_CREATED after a thread creation that timed out as created, and posts in it once', async () => {
    const result = await patient().postInThread(tenant, 'C1', 'M0', keyed);
    expect(api.callsTo('/threads')).toHaveLength(2);
    expect(api.callsTo('/messages').map((c) => c.path)).toEqual(['/channels/M0/messages']);
    expect(result).toEqual({ channelId: 'M0', messageId: 'M1' });
  });

  it('gives each message of attachments its own nonce', async () => {
    const files = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.csv`, content: 'a', contentType: 'text/csv' }));
    await discordMessenger({ apiUrl: api.url, installations }).sendFiles(tenant, 'U2', keyed, files);
    const nonces = api.callsTo('/messages').map((c) => /"nonce":"([^"]+)"/.exec(c.raw)?.[1]);
    expect(nonces).toEqual([nonceOf(keyed.key ?? ''), nonceOf(`${keyed.key}#files1`)]);
  });
});
