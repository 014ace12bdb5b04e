import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../../../tests/support/recorder.ts';
import { discordPeople, personOf } from './people.ts';

const installations = { forTenant: async () => ({ botToken: 'bot-token' }) };
const tenant = { platform: 'discord', id: '555' } as const;

describe('personOf', () => {
  it('keeps the username as handle with the nickname and global name, and leaves out bots', () => {
    expect(personOf({ user: { id: '1', username: 'ben', global_name: 'Ben Carter' }, nick: 'Бен' })).toEqual({
      id: '1',
      handle: 'ben',
      names: ['Бен', 'Ben Carter'],
    });
    expect(personOf({ user: { id: '2', username: 'ana', global_name: null }, nick: null })).toEqual({ id: '2', handle: 'ana', names: [] });
    expect(personOf({ user: { id: '3', username: 'organizer', bot: true } })).toBeUndefined();
    expect(personOf({})).toBeUndefined();
  });
});

describe('discordPeople', () => {
  let status = 200;
  const api = new Recorder().on('/members/search', () =>
    status === 200
      ? { body: [{ user: { id: '1', username: 'ben' } }, { user: { id: '9', username: 'benbot', bot: true } }] }
      : { status, body: {} },
  );
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it('searches the guild’s members with the bot token', async () => {
    const found = await discordPeople({ apiUrl: `${api.url}/api/v10/`, installations }).find(tenant, 'ben k');
    expect(found).toEqual([{ id: '1', handle: 'ben', names: [] }]);
    const [call] = api.callsTo('/members/search');
    expect(call?.path).toBe('/api/v10/guilds/555/members/search?query=ben+k&limit=25');
    expect(call?.headers.authorization).toBe('Bot bot-token');
  });

  it('throws when Discord answers 429 or 500', async () => {
    for (status of [429, 500])
      await expect(discordPeople({ apiUrl: api.url, installations }).find(tenant, 'ben')).rejects.toThrow(`${status}`);
    status = 200;
  });
});
