import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viewFixture from '../fixtures/slack/view-submission.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { discordCommand, discordComponent, discordDmComponent, discordModalSubmit, discordRequest } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, newTriggerId, slackRequest, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const daysAhead = (days: number) => DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days }).toISODate() ?? '';
const minuteAt = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 16);

/**
 * A view_submission with what Slack sends for each block of the shipped modal: the event's start from its
 * datetimepicker (an instant), its length, reminders and the rest typed, the repeat from a static select,
 * the attendance from a multi_users_select (`selected_users`).
 */
function submission(
  callbackId: string,
  fields: Record<string, string | number | string[]>,
  over: { user: string; channel?: string; state?: string },
) {
  const payload = structuredClone(viewFixture) as Record<string, any>;
  payload.trigger_id = newTriggerId();
  payload.user.id = over.user;
  payload.view.callback_id = callbackId;
  payload.view.private_metadata = JSON.stringify({ channelId: over.channel ?? 'C1', ...(over.state ? { state: over.state } : {}) });
  const element = (block: string, value: string | number | string[]) =>
    Array.isArray(value)
      ? { type: 'multi_users_select', selected_users: value }
      : typeof value === 'number'
        ? { type: 'datetimepicker', selected_date_time: value }
        : block === 'repeat'
          ? { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } }
          : { type: 'plain_text_input', value };
  payload.view.state.values = Object.fromEntries(Object.entries(fields).map(([block, value]) => [block, { value: element(block, value) }]));
  return slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}
const at = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`) / 1000;

describe('Slack: events edited, cancelled, repeated, with chosen reminders and attendance', () => {
  let t: TestApp;
  let ts = 7000;
  /** Where each post landed, as the fake Slack answered it. */
  const posted: { channel: string; ts: string }[] = [];
  const day = daysAhead(3);
  beforeAll(async () => {
    t = await startTestApp('e2e-events-manage-slack');
    t.recorder.on('chat.postMessage', (call) => {
      const answer = { channel: String(call.body.channel), ts: `${++ts}.0001` };
      posted.push(answer);
      return { body: { ok: true, ...answer } };
    });
    const setup = await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    const answer = await setup.text();
    expect(setup.status, answer).toBe(200);
    // Under load the answer may go out before the work behind it is done: wait for it.
    await t.deps.idle();
    expect(await items('Community'), answer).toHaveLength(1);
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const event = async (title: string) => (await items('Event')).find((e) => e.title === title && !e.series);
  const dueOf = async (id: string) =>
    Object.fromEntries(
      (await items('Due')).filter((d) => d.kind === 'event' && d.ref.startsWith(`${id}#`)).map((d) => [d.ref.split('#')[1], d.minute]),
    );
  const dmsTo = (user: string) =>
    t.recorder
      .callsTo('chat.postMessage')
      .filter((c) => c.body.channel === user)
      .map((c) => String(c.body.text));
  const create = async (values: Record<string, string | number>) => {
    const res = await send(submission('event', values, { user: COORDINATOR }));
    expect(res.status).toBe(200);
    expect(res.body?.errors).toBeUndefined();
  };
  const rsvp = async (id: string, user: string, choice = 'going') =>
    send(blockAction(`event:${choice}:T0001:C1:${id}`, { user, channel: 'C1' }));

  it('creates an event whose reminders are chosen, and refuses reminders it cannot read', async () => {
    const bad = await send(
      submission('event', { title: 'Picnic', when: at(day, '12:00'), place: 'Park', remind: 'sometimes' }, { user: COORDINATOR }),
    );
    expect(bad.body.errors.remind).toContain('could not read the reminders');
    expect(await items('Event')).toEqual([]);
    await create({ title: 'Tenants meeting', when: at(day, '18:00'), length: '90m', place: 'Community hall', capacity: '2', remind: '' });
    const meeting = await event('Tenants meeting');
    expect(meeting.remind).toBeUndefined();
    expect(Object.keys(await dueOf(meeting.id)).sort()).toEqual(['dayBefore', 'debrief', 'hour']);
    for (const user of ['U2', 'U3', 'U4']) await rsvp(meeting.id, user);
    await rsvp(meeting.id, 'U5', 'maybe');
    expect(await event('Tenants meeting')).toMatchObject({ going: ['U2', 'U3'], waitlist: ['U4'], maybe: ['U5'] });
  });

  it('names the event by a word of its title: refuses others, says when nothing matches, opens the modal prefilled', async () => {
    const meeting = await event('Tenants meeting');
    expect(slackText((await send(slashCommand('event edit tenants', as('U2')))).body)).toContain('Only leaders and the event’s organizer');
    const none = slackText((await send(slashCommand('event edit picnic', as(COORDINATOR)))).body);
    expect(none).toContain('No event matches “picnic”');
    expect(none).toContain('Tenants meeting');
    t.recorder.reset();
    await send(slashCommand('event edit MEETING', as(COORDINATOR)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(JSON.parse(view.private_metadata).state).toBe(`edit|${meeting.id}`);
    const initial = Object.fromEntries(
      view.blocks.map((b: any) => [b.block_id, b.element.initial_value ?? b.element.initial_option?.value ?? b.element.initial_date_time]),
    );
    expect(initial).toMatchObject({
      title: 'Tenants meeting',
      when: meeting.startsAt,
      length: '90m',
      place: 'Community hall',
      capacity: '2',
      remind: '1 day, 1 hour',
      repeat: 'off',
    });
  });

  it('saves an edit: the row and its reminders move, the card is redrawn, the waitlist moves up, each who answered is told old → new', async () => {
    const before = await event('Tenants meeting');
    t.recorder.reset();
    const saved = await send(
      submission(
        'event',
        {
          title: 'Tenants meeting',
          when: at(day, '19:30'),
          length: '90m',
          place: 'Library',
          capacity: '3',
          description: '',
          remind: '1 day, 1 hour',
          repeat: 'off',
        },
        { user: COORDINATOR, state: `edit|${before.id}` },
      ),
    );
    expect(saved.status).toBe(200);
    const after = await event('Tenants meeting');
    const moved = at(day, '19:30');
    expect(after).toMatchObject({ startsAt: moved, place: 'Library', capacity: 3, going: ['U2', 'U3', 'U4'], waitlist: [], maybe: ['U5'] });
    expect(after.version).toBeGreaterThan(before.version);
    expect((await dueOf(after.id)).hour).toBe(minuteAt(moved - 3600));
    const [update] = t.recorder.callsTo('chat.update');
    expect(update?.body.ts).toBe(before.messageId);
    expect(String(update?.body.text)).toContain('Library');
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1')).toHaveLength(0);
    for (const user of ['U2', 'U3', 'U5']) {
      const [dm] = dmsTo(user);
      expect(dm).toContain('*Tenants meeting* has changed');
      expect(dm).toContain(`<!date^${before.startsAt}^`);
      expect(dm).toContain(`<!date^${moved}^`);
      expect(dm).toContain('Community hall → Library');
    }
    expect(dmsTo('U4')[0]).toContain('A place freed up');
    const told = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(told.join('\n')).toContain('3 people who answered are being told');
  });

  it('lowering the places keeps those already going, and says so', async () => {
    const before = await event('Tenants meeting');
    t.recorder.reset();
    await send(
      submission(
        'event',
        { title: 'Tenants meeting', when: at(day, '19:30'), length: '90m', place: 'Library', capacity: '1', description: '' },
        { user: COORDINATOR, state: `edit|${before.id}` },
      ),
    );
    expect(await event('Tenants meeting')).toMatchObject({ capacity: 1, going: ['U2', 'U3', 'U4'] });
    const told = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(told.join('\n')).toContain('nobody already going loses theirs: 3 are going');
  });

  it('asks which one when a word names several, cancels after a confirmation, once, and the event no longer counts', async () => {
    await create({ title: 'Garden meeting', when: at(daysAhead(5), '10:00'), place: 'Garden' });
    const garden = await event('Garden meeting');
    await rsvp(garden.id, 'U7');
    const which = slackText((await send(slashCommand('event cancel meeting', as(COORDINATOR)))).body);
    expect(which).toContain('Several events match “meeting”');
    expect(which).toContain(garden.id);
    expect((await items('Community'))[0].eventCount).toBe(2);
    const ask = await send(slashCommand('event cancel garden', as(COORDINATOR)));
    expect(slackText(ask.body)).toContain('Cancel *Garden meeting*');
    const button = ask.body.blocks.at(-1).elements[0].action_id;
    expect(button).toBe(`event:cancel:T0001:C1:${garden.id}`);
    expect((await event('Garden meeting')).cancelledAt).toBeUndefined();
    t.recorder.reset();
    await send(blockAction(button, { user: COORDINATOR, channel: 'C1' }));
    await send(blockAction(button, { user: COORDINATOR, channel: 'C1' }));
    const cancelled = await event('Garden meeting');
    expect(cancelled.cancelledAt).toBeDefined();
    expect((await items('Community'))[0].eventCount).toBe(1);
    const [card] = t.recorder.callsTo('chat.update');
    expect(String(card?.body.text)).toContain('Cancelled: Garden meeting');
    expect(String(card?.body.blocks)).not.toContain('event:going');
    expect(dmsTo('U7')).toHaveLength(1);
    expect(dmsTo('U7')[0]).toContain('*Garden meeting*');
    expect(dmsTo('U7')[0]).toContain('is cancelled');
    const told = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(told.some((x) => x.includes('already cancelled'))).toBe(true);
    expect(Object.keys(await dueOf(garden.id))).toEqual([]);
    t.recorder.reset();
    await rsvp(garden.id, 'U8');
    expect((await event('Garden meeting')).going).toEqual(['U7']);
    expect(t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text))).toEqual([expect.stringContaining('was cancelled')]);
  });

  it('marks attendance in the picker the debrief prompt opens (those going preselected), and by `event attended <word> @a`', async () => {
    const present = testClock.now();
    const meeting = await event('Tenants meeting');
    t.recorder.reset();
    await tickAt(t.deps, new Date((meeting.startsAt + meeting.minutes * 60) * 1000 + 5000));
    const ask = t.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === COORDINATOR && String(c.body.text).includes('ended'));
    const ids = JSON.parse(String(ask?.body.blocks))
      .at(-1)
      .elements.map((e: any) => e.action_id);
    expect(ids).toContain(`event:attendance:T0001:C1:${meeting.id}`);
    t.recorder.reset();
    await send(blockAction(`event:attendance:T0001:C1:${meeting.id}`, { user: COORDINATOR, channel: 'D0001' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('attendance');
    expect(view.blocks[0].element).toMatchObject({ type: 'multi_users_select', initial_users: ['U2', 'U3', 'U4'] });
    const state = JSON.parse(view.private_metadata).state;
    await send(submission('attendance', { people: ['U2', 'U9'] }, { user: COORDINATOR, channel: 'D0001', state }));
    expect((await event('Tenants meeting')).attended).toEqual(['U2', 'U9']);
    const typed = await send(slashCommand('event attended tenants <@U5|eve>', as(COORDINATOR)));
    expect(slackText(typed.body)).toContain('3 came');
    expect((await event('Tenants meeting')).attended).toEqual(['U2', 'U9', 'U5']);
    const members = await items('Member');
    expect(['U2', 'U9', 'U5'].map((u) => members.find((m) => m.userId === u)?.act_attended)).toEqual([1, 1, 1]);
    testClock.set(present);
  });
  it('repeats weekly: the next occurrence is made once, however often the tick runs, with its own card; `off` stops it', async () => {
    const present = testClock.now();
    const meeting = await event('Tenants meeting');
    const set = await send(slashCommand('event repeat tenants weekly', as(COORDINATOR)));
    expect(slackText(set.body)).toContain('now repeats: every week');
    expect((await event('Tenants meeting')).repeat).toBe('weekly');
    const end = meeting.startsAt + meeting.minutes * 60;
    expect((await dueOf(meeting.id)).repeat).toBe(minuteAt(end));
    t.recorder.reset();
    await tickAt(t.deps, new Date(end * 1000 + 5000));
    await tickAt(t.deps, new Date(end * 1000 + 5000));
    const occurrences = (await items('Event')).filter((e) => e.series === meeting.id);
    expect(occurrences).toHaveLength(1);
    const [next] = occurrences;
    expect(next).toMatchObject({ id: `${meeting.id}-2`, startsAt: meeting.startsAt + 7 * 24 * 3600, going: [], repeat: 'weekly' });
    const cards = t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1');
    expect(cards).toHaveLength(1);
    expect(String(cards[0]?.body.blocks)).toContain(`event:going:T0001:C1:${next.id}`);
    expect(next.messageId).toBe(posted.filter((p) => p.channel === 'C1').at(-1)?.ts);
    expect(Object.keys(await dueOf(next.id)).sort()).toEqual(['dayBefore', 'debrief', 'hour', 'repeat']);
    // The title now names two occurrences: the one to come is meant.
    expect(slackText((await send(slashCommand('event repeat tenants off', as(COORDINATOR)))).body)).toContain('no longer repeats');
    const stopped = (await items('Event')).find((e) => e.id === next.id);
    expect(stopped.repeat).toBeUndefined();
    expect((await dueOf(next.id)).repeat).toBeUndefined();
    testClock.set(present);
  });

  it('reminds at the offsets chosen for the event, and not at the old fixed ones', async () => {
    const present = testClock.now();
    await create({ title: 'Board game night', when: at(daysAhead(9), '18:00'), place: 'Café', remind: '1 week, 3 hours' });
    const night = await event('Board game night');
    await rsvp(night.id, 'U6');
    const due = await dueOf(night.id);
    expect(Object.keys(due).sort()).toEqual(['3h', 'debrief', 'week']);
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${due.week}:05Z`));
    expect(dmsTo('U6')).toEqual([expect.stringContaining('In a week: *Board game night*')]);
    t.recorder.reset();
    // Where the fixed reminders were (a day before): nothing any more.
    await tickAt(t.deps, new Date((night.startsAt - 24 * 3600) * 1000 + 5000));
    expect(dmsTo('U6')).toEqual([]);
    await tickAt(t.deps, new Date(`${due['3h']}:05Z`));
    await tickAt(t.deps, new Date(`${due['3h']}:35Z`));
    expect(dmsTo('U6')).toEqual([expect.stringContaining('In three hours: *Board game night*')]);
    t.recorder.reset();
    // Nor an hour before.
    await tickAt(t.deps, new Date((night.startsAt - 3600) * 1000 + 5000));
    expect(dmsTo('U6')).toEqual([]);
    testClock.set(present);
  });
});

describe('Discord: an event edited, its id suggested, cancelled, and attendance picked', () => {
  let t: TestApp;
  const GUILD = '555555555555555555';
  const CHANNEL = '222222222222222222';
  const ORGANIZER = '333333333333333333';
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse((await res.text()) || '{}') };
  };
  const events = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Event') as any[];
  const autocomplete = (value: string) =>
    discordRequest(
      JSON.stringify({
        type: 4,
        id: String(3_000_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e9))),
        application_id: '111111111111111111',
        token: 'token-autocomplete',
        version: 1,
        guild_id: GUILD,
        channel_id: CHANNEL,
        locale: 'en-US',
        member: { user: { id: ORGANIZER, username: 'organizer' }, permissions: '0', roles: [] },
        data: {
          id: '444444444444444440',
          name: 'community',
          type: 1,
          options: [
            {
              type: 1,
              name: 'event',
              options: [
                { type: 3, name: 'action', value: 'edit' },
                { type: 3, name: 'id', value, focused: true },
              ],
            },
          ],
        },
      }),
    );
  beforeAll(async () => {
    t = await startTestApp('e2e-events-manage-discord');
    t.recorder
      .on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } }))
      .on('/messages', () => ({ body: { id: '900000000000000001' } }));
    await send(discordCommand('setup', { name: 'Riverside' }));
    await send(
      discordModalSubmit('event', {
        title: 'Park cleanup',
        when: `${daysAhead(4)} 10:00`,
        place: 'Park',
        capacity: '',
        description: 'Gloves',
      }),
    );
    const [cleanup] = await events();
    // Answered from a Russian Discord: told of changes in Russian.
    await send(discordComponent(`event:going:${GUILD}:${CHANNEL}:${cleanup.id}`, { user: '444444444444444444', locale: 'ru' }));
  });
  afterAll(() => t.stop());

  it('suggests event titles for `id:`, with the id as the value', async () => {
    const [cleanup] = await events();
    const res = await send(autocomplete('clean'));
    expect(res.body).toMatchObject({ type: 8, data: { choices: [{ value: cleanup.id, name: expect.stringContaining('Park cleanup') }] } });
  });

  it('edits: the modal comes prefilled, the card is PATCHed, the person going is DMed the new time as <t:…>', async () => {
    const [before] = await events();
    const modal = await send(discordCommand('event', { action: 'edit', id: 'cleanup' }));
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe(`event|edit|${before.id}`);
    expect(modal.body.data.components[0].component.value).toBe('Park cleanup');
    t.recorder.reset();
    const day = daysAhead(4);
    await send(
      discordModalSubmit(`event|edit|${before.id}`, {
        title: 'Park cleanup',
        when: `${day} 11:00`,
        place: 'Park',
        capacity: '',
        description: 'Gloves',
      }),
    );
    const [after] = await events();
    expect(after.startsAt).toBe(Date.parse(`${day}T11:00:00Z`) / 1000);
    const patch = t.recorder.calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe(`/discord/api/v10/channels/${CHANNEL}/messages/900000000000000001`);
    const dm = t.recorder.calls.find((c) => c.method === 'POST' && c.path.endsWith('/channels/999/messages'));
    expect(JSON.stringify(dm?.body)).toContain(`<t:${before.startsAt}:F> → <t:${after.startsAt}:F>`);
    expect(JSON.stringify(dm?.body)).toContain('**Park cleanup** изменилось');
  });

  it('repeats with `every:` and stops with `every:off`', async () => {
    const [cleanup] = await events();
    const set = await send(discordCommand('event', { action: 'repeat', id: 'cleanup', every: 'biweekly' }));
    expect(set.body.data.content).toContain('now repeats: every two weeks');
    expect((await events())[0].repeat).toBe('biweekly');
    const due = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Due' && i.ref === `${cleanup.id}#repeat`);
    expect(due).toHaveLength(1);
    await send(discordCommand('event', { action: 'repeat', id: 'cleanup', every: 'off' }));
    expect((await events())[0].repeat).toBeUndefined();
  });

  it('sets the reminders with `remind:`: those chosen are planned, the others removed', async () => {
    const [cleanup] = await events();
    const set = await send(discordCommand('event', { action: 'remind', id: 'cleanup', remind: '3 hours, 1 hour' }));
    expect(set.body.data.content).toContain('reminded: 3 hours, 1 hour');
    const refs = (await allItems(t.db, t.tableName))
      .filter((i) => i.entity === 'Due' && String(i.ref).startsWith(`${cleanup.id}#`))
      .map((i) => String(i.ref).split('#')[1])
      .sort();
    expect(refs).toEqual(['3h', 'debrief', 'hour']);
    expect((await events())[0].remind).toEqual(['3h', 'hour']);
    const bad = await send(discordCommand('event', { action: 'remind', id: 'cleanup', remind: 'sometimes' }));
    expect(bad.body.data.content).toContain('Say when to remind');
  });

  it('cancels with a confirmation button: the card is PATCHed as cancelled', async () => {
    const [cleanup] = await events();
    const ask = await send(discordCommand('event', { action: 'cancel', id: 'park' }));
    const button = ask.body.data.components[0].components[0].custom_id;
    expect(button).toBe(`event:cancel:${GUILD}:${CHANNEL}:${cleanup.id}`);
    t.recorder.reset();
    await send(discordComponent(button));
    const patch = t.recorder.calls.find((c) => c.method === 'PATCH');
    expect(JSON.stringify(patch?.body)).toContain('Cancelled: Park cleanup');
    expect((await events())[0].cancelledAt).toBeDefined();
  });

  it('picks attendance in a user select inside the modal a DM button opens', async () => {
    await send(
      discordModalSubmit('event', { title: 'Potluck', when: `${daysAhead(2)} 19:00`, place: 'Hall', capacity: '', description: '' }),
    );
    const potluck = (await events()).find((e) => e.title === 'Potluck');
    await send(discordComponent(`event:going:${GUILD}:${CHANNEL}:${potluck.id}`, { user: '444444444444444444' }));
    const present = testClock.now();
    testClock.set(new Date(potluck.startsAt * 1000 + 60_000));
    const modal = await send(discordDmComponent(`event:attendance:${GUILD}:${CHANNEL}:${potluck.id}`, ORGANIZER));
    expect(modal.body.type).toBe(9);
    const select = modal.body.data.components[0].component;
    expect(select).toMatchObject({ type: 5, custom_id: 'people', default_values: [{ id: '444444444444444444', type: 'user' }] });
    const submit = discordRequest(
      JSON.stringify({
        type: 5,
        id: String(3_100_000_000_000_000_000n),
        application_id: '111111111111111111',
        token: 'token-attendance',
        version: 1,
        channel_id: '999',
        locale: 'en-US',
        user: { id: ORGANIZER },
        data: {
          custom_id: modal.body.data.custom_id,
          components: [
            { type: 18, id: 1, component: { type: 5, id: 2, custom_id: 'people', values: ['444444444444444444', '666666666666666666'] } },
          ],
        },
      }),
    );
    const saved = await send(submit);
    expect(saved.body.data.content).toContain('2 came');
    expect((await events()).find((e) => e.id === potluck.id).attended).toEqual(['444444444444444444', '666666666666666666']);
    testClock.set(present);
  });
});
