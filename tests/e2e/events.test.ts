import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { discordCommand, discordComponent, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

describe('Slack: events with RSVPs, a waitlist, reminders and a debrief prompt', () => {
  let t: TestApp;
  let ts = 5000;
  const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 3 }).toISODate();
  beforeAll(async () => {
    t = await startTestApp('e2e-events-slack');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const tick = async (minute: string) => {
    await tickAt(t.deps, new Date(`${minute}:05Z`));
  };

  it('refuses a non-leader, and times it cannot read or that have passed', async () => {
    expect(slackText((await send(slashCommand('event new', as('U2')))).body)).toContain('Only leaders');
    // Slack's date-time picker sends an instant, never words: a length it cannot read and a past instant are what can go wrong.
    const bad = await send(
      viewSubmission(
        'event',
        { title: 'Meeting', length: 'forever', place: 'Hall', capacity: 'two' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: Date.parse(`${day}T18:00:00Z`) / 1000 } } },
      ),
    );
    expect(bad.body.errors).toMatchObject({
      when: expect.stringContaining('could not read'),
      capacity: expect.stringContaining('whole number'),
    });
    const past = await send(
      viewSubmission(
        'event',
        { title: 'Meeting', place: 'Hall' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: Date.parse('2020-01-01T18:00:00Z') / 1000 } } },
      ),
    );
    expect(past.body.errors.when).toContain('already passed');
    expect(await items('Event')).toEqual([]);
  });

  it('posts the event in the channel with RSVP buttons, in each reader’s local time, and counts it', async () => {
    t.recorder.reset();
    await send(
      viewSubmission(
        'event',
        { title: 'Tenants meeting', length: '90m', place: 'Community hall', capacity: '2' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: Date.parse(`${day}T18:00:00Z`) / 1000 } } },
      ),
    );
    const [event] = await items('Event');
    expect(event).toMatchObject({
      title: 'Tenants meeting',
      minutes: 90,
      capacity: 2,
      startsAt: Date.parse(`${day}T18:00:00Z`) / 1000,
      version: 1,
    });
    const [card] = t.recorder.callsTo('chat.postMessage');
    expect(card?.body.channel).toBe('C1');
    expect(event.messageId).toBe(`${ts}.0001`);
    expect(String(card?.body.blocks)).toContain(`<!date^${event.startsAt}^{date_long_pretty} {time}`);
    const ids = JSON.parse(String(card?.body.blocks))
      .at(-1)
      .elements.map((e: any) => e.action_id);
    expect(ids).toEqual(['going', 'maybe', 'cant'].map((c) => `event:${c}:T0001:C1:${event.id}`));
    expect((await items('Community'))[0].eventCount).toBe(1);
    const due = (await items('Due')).filter((d) => d.kind === 'event').map((d) => d.ref.split('#')[1]);
    expect(due.sort()).toEqual(['dayBefore', 'debrief', 'hour']);
  });

  it('takes three Going clicks at once: two go, one waits, and the card updates in place', async () => {
    const [event] = await items('Event');
    t.recorder.reset();
    const clicks = await Promise.all(
      ['U2', 'U3', 'U4'].map((user) =>
        send(blockAction(`event:going:T0001:C1:${event.id}`, { user, channel: 'C1', messageTs: event.messageId })),
      ),
    );
    expect(clicks.every((c) => c.status === 200)).toBe(true);
    const [after] = await items('Event');
    expect(after.going).toHaveLength(2);
    expect(after.waitlist).toHaveLength(1);
    const updates = t.recorder.callsTo('chat.update');
    expect(updates.every((u) => u.body.ts === event.messageId && u.body.channel === 'C1')).toBe(true);
    expect(String(updates.at(-1)?.body.text)).toContain('Going (2/2)');
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    const told = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(told.filter((x) => x.includes('number 1 on the waitlist'))).toHaveLength(1);
    const members = await items('Member');
    expect(['U2', 'U3', 'U4'].map((u) => members.find((m) => m.userId === u)?.act_rsvps)).toEqual([1, 1, 1]);
  });

  it('moves the first on the waitlist up when someone cannot go, and tells them', async () => {
    const [event] = await items('Event');
    const waiting = event.waitlist[0];
    const leaving = event.going[0];
    t.recorder.reset();
    await send(blockAction(`event:cant:T0001:C1:${event.id}`, { user: leaving, channel: 'C1' }));
    const [after] = await items('Event');
    expect(after.going).toContain(waiting);
    expect(after.waitlist).toEqual([]);
    expect(after.cant).toEqual([leaving]);
    const dm = t.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === waiting);
    expect(String(dm?.body.text)).toContain('A place freed up');
  });

  it('reminds those going the day before and an hour before, once each, then asks the organizer for a debrief', async () => {
    const [event] = await items('Event');
    const due = Object.fromEntries((await items('Due')).filter((d) => d.kind === 'event').map((d) => [d.ref.split('#')[1], d.minute]));
    const present = testClock.now();
    t.recorder.reset();
    await tick(due.dayBefore);
    await tick(due.dayBefore);
    const reminders = t.recorder.callsTo('chat.postMessage');
    expect(reminders.map((c) => c.body.channel).sort()).toEqual([...event.going].sort());
    expect(String(reminders[0]?.body.text)).toContain('Tomorrow: *Tenants meeting*');
    t.recorder.reset();
    await tick(due.hour);
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(2);
    t.recorder.reset();
    await tick(due.debrief);
    const [ask] = t.recorder.callsTo('chat.postMessage');
    expect(ask?.body.channel).toBe(COORDINATOR);
    expect(String(ask?.body.text)).toContain('has ended');
    // Back to before the event for the tests after this one.
    testClock.set(present);
  });

  it('lists upcoming events and lets a leader mark attendance after the start only', async () => {
    const [event] = await items('Event');
    expect(slackText((await send(slashCommand('events', as('U9')))).body)).toContain('Tenants meeting');
    expect(slackText((await send(slashCommand(`event attended ${event.id} <@U2|a>`, as(COORDINATOR)))).body)).toContain('not started yet');
    expect(slackText((await send(slashCommand(`event attended ${event.id} <@U2|a>`, as('U2')))).body)).toContain('Only leaders');
    // Once it has started, attendance is recorded and counted on each person's ladder.
    const stored = await t.deps.core.events.get({ platform: 'slack', id: 'T0001' }, 'C1', event.id);
    if (!stored) throw new Error('event missing');
    await t.deps.core.events.save({ platform: 'slack', id: 'T0001' }, { ...stored, startsAt: 1_000_000_000, version: stored.version + 1 });
    const marked = await send(slashCommand(`event attended ${event.id} <@U2|a> <@U5|b>`, as(COORDINATOR)));
    expect(slackText(marked.body)).toContain('2 came');
    const members = await items('Member');
    expect(['U2', 'U5'].map((u) => members.find((m) => m.userId === u)?.act_attended)).toEqual([1, 1]);
  });
});

describe('Discord: an event card edited in place', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-events-discord');
    t.recorder.on('/messages', () => ({ body: { id: '900000000000000001' } }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse((await res.text()) || '{}') };
  };

  it('posts the card, then PATCHes it with each RSVP', async () => {
    await send(discordCommand('setup', { name: 'Riverside' }));
    const modal = await send(discordCommand('event', { action: 'new' }));
    expect(modal.body.data.components).toHaveLength(5);
    const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 5 }).toISODate();
    await send(
      discordModalSubmit('event', { title: 'Cleanup', when: `${day} 10:00`, place: 'Park', capacity: '', description: 'Bring gloves' }),
    );
    const [event] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Event') as any[];
    expect(String(JSON.stringify(t.recorder.callsTo('/messages')[0]?.body))).toContain(`<t:${event.startsAt}:F>`);
    t.recorder.reset();
    const rsvp = await send(
      discordComponent(`event:going:555555555555555555:222222222222222222:${event.id}`, { user: '444444444444444444' }),
    );
    expect(rsvp.body.data.content).toContain('You are going');
    const [patch] = t.recorder.calls;
    expect(`${patch?.method} ${patch?.path}`).toBe('PATCH /discord/api/v10/channels/222222222222222222/messages/900000000000000001');
    expect(JSON.stringify(patch?.body)).toContain('Going (1): <@444444444444444444>');
  });
});
