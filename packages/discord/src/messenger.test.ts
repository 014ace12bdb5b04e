import type { OutboundMessage } from '@organizer/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Recorder } from '../../../tests/support/recorder.ts';
import { discordMessenger } from './messenger.ts';

const tenant = { platform: 'discord', id: 'G1' } as const;
const installations = { forTenant: async () => ({ botToken: 'bot-token' }) };
const hello: OutboundMessage = { text: 'Hello', blocks: [{ type: 'text', text: 'Hello' }] };

describe('discordMessenger', () => {
  let limited = 0;
  const api = new Recorder()
    .on('/users/@me/channels', () => ({ body: { id: 'DM1' } }))
    .on('/messages', (call) =>
      call.path.includes('/LIMIT/') && limited++ === 0
        ? { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.4, global: false } }
        : { body: { id: 'M1' } },
    );
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => {
    api.reset();
    limited = 0;
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
});
