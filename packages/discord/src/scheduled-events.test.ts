import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../../../tests/support/recorder.ts';
import { discordMessenger } from './messenger.ts';

const tenant = { platform: 'discord', id: 'G1' } as const;
const installations = { forTenant: async () => ({ botToken: 'bot-token' }) };
const fields = { name: 'Meeting', description: '', location: 'Hall', start: '2027-01-10T18:00:00.000Z', end: '2027-01-10T19:00:00.000Z' };
/** 230 people interested in E1, as Discord pages them: in user id order, 100 at most, after the one given. */
const people = Array.from({ length: 230 }, (_, i) => String(1000 + i));

describe('discordMessenger.scheduledEvents', () => {
  const api = new Recorder()
    .on('/E1/users', (call) => {
      const query = new URL(call.path, 'http://x').searchParams;
      const after = query.get('after');
      const from = after ? people.indexOf(after) + 1 : 0;
      return { body: people.slice(from, from + Number(query.get('limit'))).map((id) => ({ user: { id, bot: id === '1005' } })) };
    })
    .on('/scheduled-events', (call) =>
      call.method === 'POST'
        ? { status: 403, body: { message: 'Missing Permissions', code: 50013 } }
        : {
            body: [
              {
                id: 'S1',
                name: 'Meeting',
                scheduled_start_time: '2027-01-10T18:00:00+00:00',
                entity_type: 3,
                entity_metadata: { location: 'Hall' },
              },
            ],
          },
    )
    .on('/GONE', () => ({ status: 404, body: { message: 'Unknown Guild Scheduled Event', code: 10070 } }))
    .on('/BAD', () => ({ status: 400, body: { message: 'Invalid Form Body', code: 50035 } }));
  let events: NonNullable<ReturnType<typeof discordMessenger>['scheduledEvents']>;
  beforeAll(async () => {
    await api.start();
    const messenger = discordMessenger({ apiUrl: `${api.url}/api/v10`, installations, patient: true, applicationId: '42' });
    if (!messenger.scheduledEvents) throw new Error('no scheduled events');
    events = messenger.scheduledEvents;
  });
  afterAll(() => api.stop());

  it('reads every page of the interested, 100 at a time after the last id, leaving bots out', async () => {
    const users = await events.interested(tenant, 'E1');
    expect(users).toEqual(people.filter((id) => id !== '1005'));
    expect(api.callsTo('/E1/users').map((c) => c.path)).toEqual([
      '/api/v10/guilds/G1/scheduled-events/E1/users?limit=100',
      '/api/v10/guilds/G1/scheduled-events/E1/users?limit=100&after=1099',
      '/api/v10/guilds/G1/scheduled-events/E1/users?limit=100&after=1199',
    ]);
  });

  it('says forbidden, gone or refused for 403, 404 and 400, and sends a create once', async () => {
    api.reset();
    expect(await events.create(tenant, fields)).toBe('forbidden');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(await events.update(tenant, 'GONE', fields)).toBe('gone');
    expect(await events.cancel(tenant, 'BAD')).toBe('refused');
    expect(api.calls.find((c) => c.path.endsWith('/BAD'))?.body).toEqual({ status: 4 });
  });

  it('finds an event made earlier by its name, start and place', async () => {
    expect(await events.find(tenant, fields)).toBe('S1');
    expect(await events.find(tenant, { ...fields, location: 'Library' })).toBeUndefined();
  });

  it('gives the install link with Manage Events', async () => {
    const url = new URL(String(await events.inviteUrl()));
    expect(url.searchParams.get('client_id')).toBe('42');
    expect(BigInt(url.searchParams.get('permissions') ?? '0') & (1n << 33n)).toBe(1n << 33n);
  });
});
