import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { discordCommand, discordComponent, discordModalSubmit } from '../support/discord.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const GUILD = '555555555555555555';
const CHANNEL = '222222222222222222';
const COORDINATOR = '333333333333333333';
/** A second server, whose bot lacks Manage Events: Discord answers 403. */
const LOCKED = '565656565656565656';
const LOCKED_CHANNEL = '232323232323232323';
const SERVER_EVENT = '880000000000000001';
const MANAGE_EVENTS = 1n << 33n;

describe('Discord: events kept in the server’s Events tab (Guild Scheduled Events)', () => {
  let t: TestApp;
  /** What Discord holds: the scheduled events made, with the body each was made from. */
  const made: { id: string; guild: string; body: Record<string, unknown> }[] = [];
  /** Who marked the server event Interested, as Discord lists them (user id order). */
  let interested: { user: { id: string; bot?: boolean } }[] = [];
  /** The next create lands, but its answer is a server error. */
  let failNextCreate = false;
  const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 5 }).toISODate();
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse((await res.text()) || '{}') };
  };
  const rows = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const eventTitled = async (title: string) => (await rows('Event')).find((e) => e.title === title);
  const serverCalls = () => t.recorder.calls.filter((c) => c.path.includes('/scheduled-events'));
  const scheduledEvents = (call: RecordedCall) => {
    const guild = call.path.split('/guilds/')[1]?.split('/')[0] ?? '';
    if (guild === LOCKED) return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
    if (call.method === 'POST') {
      const id = `88000000000000000${made.length + 1}`;
      made.push({ id, guild, body: call.body });
      if (failNextCreate) {
        failNextCreate = false;
        return { status: 502, body: { message: '502: Bad Gateway', code: 0 } };
      }
      return { body: { id, guild_id: guild, ...call.body, status: 1 } };
    }
    return {
      body: made.map((m) => ({
        id: m.id,
        guild_id: m.guild,
        name: m.body.name,
        scheduled_start_time: String(m.body.scheduled_start_time).replace('.000Z', '+00:00'),
        entity_type: 3,
        entity_metadata: m.body.entity_metadata,
      })),
    };
  };
  const createEvent = (title: string, over: { guild?: string; channel?: string } = {}) =>
    send(
      discordModalSubmit(
        'event',
        { title, when: `${day} 18:00 90m`, place: 'Community hall', capacity: '', description: 'Bring a friend' },
        over,
      ),
    );

  beforeAll(async () => {
    t = await startTestApp('e2e-events-discord-scheduled');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `DM${call.body.recipient_id}`, type: 1 } }))
      .on('/messages', () => ({ body: { id: '900000000000000001' } }))
      .on('/scheduled-events', scheduledEvents)
      .on(`/scheduled-events/${SERVER_EVENT}`, (call) => ({ body: { id: SERVER_EVENT, ...call.body } }))
      .on('/users', () => ({ body: interested.map((u) => ({ guild_scheduled_event_id: SERVER_EVENT, ...u })) }));
    await send(discordCommand('setup', { name: 'Riverside' }));
  });
  afterAll(() => t.stop());

  it('makes no server event in a community that did not turn it on', async () => {
    await createEvent('Not in the tab');
    expect((await eventTitled('Not in the tab'))?.messageId).toBe('900000000000000001');
    expect(serverCalls()).toEqual([]);
    expect((await eventTitled('Not in the tab')).scheduled).toBeUndefined();
  });

  it('lets only leaders turn it on, and answers with the permission and the link that asks for it', async () => {
    const refused = await send(discordCommand('event', { action: 'server' }, { user: '666666666666666666' }));
    expect(refused.body.data.content).toContain('Only leaders');
    expect((await rows('Community'))[0].serverEvents).toBeUndefined();

    const on = await send(discordCommand('event', { action: 'server' }));
    expect(on.body.data.flags).toBe(64);
    expect(on.body.data.content).toContain('**Manage Events**');
    const link = new URL(String(on.body.data.content.match(/https:\/\/discord\.com\/oauth2\/authorize\S+/)?.[0]));
    expect(link.searchParams.get('client_id')).toBe('111111111111111111');
    expect(BigInt(link.searchParams.get('permissions') ?? '0') & MANAGE_EVENTS).toBe(MANAGE_EVENTS);
    expect((await rows('Community'))[0].serverEvents).toMatchObject({ by: COORDINATOR });
  });

  it('makes the server event when an event is made: an external one with its place, name and times', async () => {
    t.recorder.reset();
    await createEvent('Tenants meeting');
    const event = await eventTitled('Tenants meeting');
    const posts = serverCalls().filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.path)).toEqual([`/discord/api/v10/guilds/${GUILD}/scheduled-events`]);
    expect(posts[0]?.headers.authorization).toBe('Bot discord-test-token');
    expect(posts[0]?.body).toEqual({
      name: 'Tenants meeting',
      description: 'Bring a friend',
      scheduled_start_time: new Date(event.startsAt * 1000).toISOString(),
      scheduled_end_time: new Date((event.startsAt + 90 * 60) * 1000).toISOString(),
      entity_type: 3,
      entity_metadata: { location: 'Community hall' },
      privacy_level: 2,
    });
    expect(posts[0]?.body.scheduled_start_time).toBe(`${day}T18:00:00.000Z`);
    expect(event.scheduled.id).toBe(SERVER_EVENT);
  });

  it('makes it once: a repeat of the job sends nothing, and one that lost its record finds the first', async () => {
    const event = await eventTitled('Tenants meeting');
    const job = { tenant: { platform: 'discord', id: GUILD }, communityId: CHANNEL, ref: event.id, minute: '2026-01-01T00:00' } as const;
    t.recorder.reset();
    expect(
      await t.deps.runJobs([
        { kind: 'event.server', ...job },
        { kind: 'event.card', ...job },
      ]),
    ).toEqual({ done: 2, failed: 0 });
    await t.deps.idle();
    expect(serverCalls().filter((c) => c.method !== 'GET')).toEqual([]);
    // The record of the first is lost (its answer never came back): the repeat looks before it makes one.
    await t.db.send(
      new UpdateCommand({ TableName: t.tableName, Key: { pk: event.pk, sk: event.sk }, UpdateExpression: 'REMOVE scheduled' }),
    );
    t.recorder.reset();
    await t.deps.runJobs([{ kind: 'event.server', ...job }]);
    await t.deps.idle();
    expect(serverCalls().map((c) => `${c.method} ${c.path}`)).toEqual([`GET /discord/api/v10/guilds/${GUILD}/scheduled-events`]);
    expect((await eventTitled('Tenants meeting')).scheduled.id).toBe(SERVER_EVENT);
    expect(made.filter((m) => m.guild === GUILD)).toHaveLength(1);
  });

  it('counts those Interested in the server as going when the card is redrawn, keeping Organizer answers', async () => {
    const event = await eventTitled('Tenants meeting');
    await send(discordComponent(`event:cant:${GUILD}:${CHANNEL}:${event.id}`, { user: '700000000000000004' }));
    interested = [
      { user: { id: '700000000000000001' } },
      { user: { id: '700000000000000002' } },
      { user: { id: '700000000000000004' } },
      { user: { id: '700000000000000009', bot: true } },
    ];
    t.recorder.reset();
    const rsvp = await send(discordComponent(`event:going:${GUILD}:${CHANNEL}:${event.id}`, { user: '700000000000000003' }));
    expect(rsvp.body.data.content).toContain('You are going');
    const read = t.recorder.calls.find((c) => c.path.includes('/users?'));
    expect(read?.path).toBe(`/discord/api/v10/guilds/${GUILD}/scheduled-events/${SERVER_EVENT}/users?limit=100`);
    const after = await eventTitled('Tenants meeting');
    expect([...after.going].sort()).toEqual(['700000000000000001', '700000000000000002', '700000000000000003']);
    expect(after.cant).toEqual(['700000000000000004']);
    expect(after.maybe).toEqual([]);
    const card = t.recorder.calls.filter((c) => c.method === 'PATCH' && c.path.includes('/messages/')).at(-1);
    expect(JSON.stringify(card?.body)).toContain('Going (3)');
    // An RSVP changes nothing in the server event: nothing is sent to it.
    expect(serverCalls().filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('retries a server error through the outbox, and finds the event that landed instead of making a second', async () => {
    failNextCreate = true;
    t.recorder.reset();
    await createEvent('Flaky');
    const posts = () => serverCalls().filter((c) => c.method === 'POST');
    expect(posts()).toHaveLength(1);
    expect((await eventTitled('Flaky')).scheduled).toBeUndefined();
    const waiting = (await rows('Outbox')).filter((o) => JSON.stringify(o).includes('event.server'));
    expect(waiting).toHaveLength(1);
    expect(waiting[0].lastError).toContain('502');
    testClock.set(new Date(Date.parse(waiting[0].readyAt) + 1000));
    await t.deps.wakeOutbox();
    expect(posts()).toHaveLength(1);
    expect((await eventTitled('Flaky')).scheduled.id).toBe(made.at(-1)?.id);
    expect(made.filter((m) => m.body.name === 'Flaky')).toHaveLength(1);
    expect((await rows('Outbox')).filter((o) => JSON.stringify(o).includes('event.server'))).toEqual([]);
  });

  it('edits the server event with the event, and cancels it with the event', async () => {
    const event = await eventTitled('Tenants meeting');
    t.recorder.reset();
    await send(
      discordModalSubmit(`event|edit|${event.id}`, {
        title: 'Tenants meeting',
        when: `${day} 19:00 60m`,
        place: 'Library',
        capacity: '',
        description: 'Bring a friend',
      }),
    );
    const patches = serverCalls().filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => c.path)).toEqual([`/discord/api/v10/guilds/${GUILD}/scheduled-events/${SERVER_EVENT}`]);
    expect(patches[0]?.body).toMatchObject({
      scheduled_start_time: `${day}T19:00:00.000Z`,
      scheduled_end_time: `${day}T20:00:00.000Z`,
      entity_metadata: { location: 'Library' },
    });
    expect(serverCalls().filter((c) => c.method === 'POST')).toEqual([]);

    const ask = await send(discordCommand('event', { action: 'cancel', id: event.id }));
    t.recorder.reset();
    await send(discordComponent(ask.body.data.components[0].components[0].custom_id));
    expect(serverCalls().map((c) => `${c.method} ${c.path} ${JSON.stringify(c.body)}`)).toEqual([
      `PATCH /discord/api/v10/guilds/${GUILD}/scheduled-events/${SERVER_EVENT} {"status":4}`,
    ]);
    expect((await eventTitled('Tenants meeting')).cancelledAt).toBeDefined();
  });

  it('without Manage Events: the event stays whole, the leader is told once (in Russian), nothing else is turned off', async () => {
    // A Russian server: its leader is answered and told in Russian.
    const locked = { guild: LOCKED, channel: LOCKED_CHANNEL, locale: 'ru' };
    await send(discordCommand('setup', { name: 'Hillside' }, locked));
    const on = await send(discordCommand('event', { action: 'server' }, locked));
    expect(on.body.data.content).toContain('**Управлять событиями**');
    t.recorder.reset();
    await createEvent('Locked out', locked);
    const event = await eventTitled('Locked out');
    expect(event).toMatchObject({ channelId: LOCKED_CHANNEL, messageId: '900000000000000001' });
    expect(event.scheduled).toBeUndefined();
    expect(serverCalls().map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /discord/api/v10/guilds/${LOCKED}/scheduled-events`,
      `POST /discord/api/v10/guilds/${LOCKED}/scheduled-events`,
    ]);
    const told = () => t.recorder.calls.filter((c) => c.path.endsWith(`/channels/DM${COORDINATOR}/messages`));
    expect(told()).toHaveLength(1);
    expect(JSON.stringify(told()[0]?.body)).toContain('«Locked out»');
    expect(JSON.stringify(told()[0]?.body)).toContain('нет права **Управлять событиями**');
    expect(JSON.stringify(told()[0]?.body)).toContain('https://discord.com/oauth2/authorize');
    // A second event is refused too, and the leader is not told again; the setting stays on.
    await createEvent('Locked out again', locked);
    expect(serverCalls().filter((c) => c.method === 'POST')).toHaveLength(2);
    expect(told()).toHaveLength(1);
    expect((await rows('Community')).find((c) => c.id === LOCKED_CHANNEL)?.serverEvents).toMatchObject({ by: COORDINATOR });
    expect((await eventTitled('Locked out again')).messageId).toBe('900000000000000001');
  });

  it('reminds those Interested in the server as going: they are counted before the reminders go out', async () => {
    const flaky = await eventTitled('Flaky');
    interested = [{ user: { id: '700000000000000005' } }, { user: { id: '700000000000000006' } }];
    t.recorder.reset();
    // The day-before reminder's minute.
    await tickAt(t.deps, new Date((flaky.startsAt - 24 * 3600) * 1000 + 5000));
    expect(t.recorder.calls.some((c) => c.path.endsWith(`/scheduled-events/${flaky.scheduled.id}/users?limit=100`))).toBe(true);
    expect((await eventTitled('Flaky')).going).toEqual(['700000000000000005', '700000000000000006']);
    const reminded = t.recorder.callsTo('/users/@me/channels').map((c) => c.body.recipient_id);
    expect(reminded.sort()).toEqual(['700000000000000005', '700000000000000006']);
    for (const user of reminded) expect(JSON.stringify(t.recorder.callsTo(`/channels/DM${user}/messages`)[0]?.body)).toContain('Flaky');
    // Their card is redrawn with them.
    const card = t.recorder.calls.filter((c) => c.method === 'PATCH' && c.path.includes('/messages/')).at(-1);
    expect(JSON.stringify(card?.body)).toContain('Going (2)');
  });

  it('turns off: events made afterwards stay out of the server’s tab', async () => {
    const off = await send(discordCommand('event', { action: 'server-off' }));
    expect(off.body.data.content).toContain('no longer added');
    expect((await rows('Community')).find((c) => c.id === CHANNEL)?.serverEvents).toBeUndefined();
    t.recorder.reset();
    await createEvent('After turning off');
    expect((await eventTitled('After turning off')).messageId).toBe('900000000000000001');
    expect(serverCalls()).toEqual([]);
  });
});

describe('Slack: no server events to turn on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-events-slack-no-server-events');
  });
  afterAll(() => t.stop());

  it('answers that they are Discord’s, and changes nothing', async () => {
    const as = { channel_id: 'C1', user_id: 'U2147483697' };
    await t.app.request(slashCommand('setup Green Street Tenants', as));
    const res = await t.app.request(slashCommand('event server', as));
    const body = (await res.json()) as { response_type?: string; text?: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Server events are Discord’s');
    const [community] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Community');
    expect(community?.serverEvents).toBeUndefined();
  });
});
