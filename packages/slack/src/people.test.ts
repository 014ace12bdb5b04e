import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../../../tests/support/recorder.ts';
import { personOf, slackPeople } from './people.ts';

const installations = { forTenant: async () => ({ botToken: 'xoxb-test' }) };
const ben = { id: 'U1', name: 'ben', profile: { display_name: 'Ben', real_name: 'Ben Carter' } };

describe('personOf', () => {
  it('keeps the handle, real and display names of a person, and leaves out bots, Slackbot and deactivated accounts', () => {
    expect(personOf(ben)).toEqual({ id: 'U1', handle: 'ben', names: ['Ben Carter', 'Ben'] });
    expect(personOf({ ...ben, is_bot: true })).toBeUndefined();
    expect(personOf({ ...ben, deleted: true })).toBeUndefined();
    expect(personOf({ id: 'USLACKBOT', name: 'slackbot' })).toBeUndefined();
    expect(personOf({ id: 'U2', name: 'ana', profile: { display_name: '', real_name: 'Ana' } })).toEqual({
      id: 'U2',
      handle: 'ana',
      names: ['Ana'],
    });
  });
});

describe('slackPeople', () => {
  let answer: 'ok' | 'fail' | 'hang' = 'ok';
  const api = new Recorder().on('users.list', (call) => {
    if (answer === 'fail') return { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } };
    if (answer === 'hang') return { delayMs: 2000, body: { ok: true, members: [] } };
    return call.body.cursor === 'next'
      ? { body: { ok: true, members: [{ id: 'U3', name: 'chloe' }], response_metadata: { next_cursor: '' } } }
      : { body: { ok: true, members: [ben], response_metadata: { next_cursor: 'next' } } };
  });
  beforeAll(() => api.start());
  afterAll(() => api.stop());
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  const people = (timeoutMs?: number) =>
    slackPeople({ apiUrl: `${api.url}/api/`, installations, now: clock, ...(timeoutMs ? { timeoutMs } : {}) });

  it('reads every page, with the bot token, and remembers the list per workspace for five minutes', async () => {
    api.reset();
    const directory = people();
    const tenant = { platform: 'slack', id: 'T1' } as const;
    expect((await directory.find(tenant, 'ben')).map((p) => p.id)).toEqual(['U1', 'U3']);
    expect(api.callsTo('users.list').map((c) => [c.body.cursor, c.headers.authorization])).toEqual([
      [undefined, 'Bearer xoxb-test'],
      ['next', 'Bearer xoxb-test'],
    ]);
    await directory.find(tenant, 'chloe');
    expect(api.callsTo('users.list')).toHaveLength(2);
    await directory.find({ platform: 'slack', id: 'T2' }, 'ben');
    expect(api.callsTo('users.list')).toHaveLength(4);
    now += 5 * 60_000;
    await directory.find(tenant, 'ben');
    expect(api.callsTo('users.list')).toHaveLength(6);
  });

  it('throws when Slack refuses or is too slow, and asks again next time', async () => {
    const directory = people(1000);
    const tenant = { platform: 'slack', id: 'T9' } as const;
    answer = 'fail';
    await expect(directory.find(tenant, 'ben')).rejects.toThrow();
    answer = 'hang';
    await expect(directory.find(tenant, 'ben')).rejects.toThrow();
    answer = 'ok';
    expect((await directory.find(tenant, 'ben')).map((p) => p.id)).toEqual(['U1', 'U3']);
  });
});
