import type { OutboundMessage } from '@organizer/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Recorder } from '../../../tests/support/recorder.ts';
import { slackMessenger } from './messenger.ts';

const tenant = { platform: 'slack', id: 'T1' } as const;
const installations = { forTenant: async () => ({ botToken: 'xoxb-test' }) };
const hello: OutboundMessage = { text: 'Hello', blocks: [{ type: 'text', text: 'Hello' }] };

describe('slackMessenger', () => {
  let limited = 0;
  const api: Recorder = new Recorder()
    .on('chat.postMessage', (call) =>
      call.body.channel === 'CLIMIT' && limited++ === 0
        ? { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }
        : { body: { ok: true, channel: call.body.channel, ts: '1.1' } },
    )
    .on('conversations.open', () => ({ body: { ok: true, channel: { id: 'D1' } } }))
    .on('files.getUploadURLExternal', (call) => ({
      body: { ok: true, upload_url: `${api.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
    }))
    .on('files.completeUploadExternal', () => ({ body: { ok: true, files: [] } }));
  const url = () => `${api.url}/api/`;
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => {
    api.reset();
    limited = 0;
  });

  it('waits out a 429 for as long as Retry-After says and delivers once (worker)', async () => {
    const messenger = slackMessenger({ apiUrl: url(), installations, patient: true });
    await messenger.postInChannel(tenant, 'CLIMIT', hello);
    const calls = api.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
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
});
