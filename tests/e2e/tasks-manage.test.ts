import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import actionsFixture from '../fixtures/slack/block-actions.json' with { type: 'json' };
import viewFixture from '../fixtures/slack/view-submission.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import {
  discordCommand,
  discordComponent,
  discordDmComponent,
  discordDmModalSubmit,
  discordModalSubmit,
  discordRequest,
} from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, newTriggerId, slackRequest, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const LEADER = 'U2147483697';
const FORM = 'application/x-www-form-urlencoded';

/** A day some weeks from the test clock's today (UTC, the community's zone), as typed: 2026-12-15. */
const daysAhead = (days: number) => DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days }).toISODate() as string;

/** Button ids of a Slack message's actions blocks, in order. */
const slackButtons = (body: any): string[] =>
  (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : (body.blocks ?? []))
    .filter((b: any) => b.type === 'actions')
    .flatMap((b: any) => b.elements.map((e: any) => e.action_id));
const allText = (body: any): string =>
  [
    body?.text ?? '',
    ...(typeof body.blocks === 'string' ? JSON.parse(body.blocks) : (body.blocks ?? [])).map(
      (b: any) => b.text?.text ?? b.elements?.[0]?.text ?? '',
    ),
  ].join('\n');

describe('Slack: tasks managed from the lists and by a word', () => {
  let t: TestApp;
  const send = sender(() => t.app);
  const tasks = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Task') as any[];
  const task = async (title: string) => (await tasks()).find((x) => x.title === title);
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });
  const responseUrl = () => `${t.recorder.url}/actions/T0001/${Math.floor(Math.random() * 1e9)}/hook`;
  /** A button on an ephemeral message (a slash command's answer): Slack sends its response_url and no message. */
  const ephemeralClick = (actionId: string, user: string, url = responseUrl()) => {
    const payload = structuredClone(actionsFixture) as Record<string, any>;
    payload.trigger_id = newTriggerId();
    payload.actions[0].action_id = actionId;
    payload.actions[0].value = actionId;
    payload.user.id = user;
    payload.channel.id = 'C1';
    payload.container = { type: 'message', message_ts: '1548261231.000300', channel_id: 'C1', is_ephemeral: true };
    delete payload.message;
    payload.response_url = url;
    return { url, request: slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM) };
  };
  /** A modal submitted as Slack sends it back: the private_metadata it was opened with, the typed values. */
  const submitView = (view: any, values: Record<string, string | string[]>, user: string) => {
    const payload = structuredClone(viewFixture) as Record<string, any>;
    payload.trigger_id = newTriggerId();
    payload.user.id = user;
    payload.view.callback_id = view.callback_id;
    payload.view.private_metadata = view.private_metadata;
    payload.view.state.values = Object.fromEntries(
      Object.entries(values).map(([block, value]) => [
        block,
        // A members picker sends the chosen ids as `selected_users`.
        { value: Array.isArray(value) ? { type: 'multi_users_select', selected_users: value } : { type: 'plain_text_input', value } },
      ]),
    );
    return slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
  };
  const replaced = (url: string) => t.recorder.calls.filter((c) => c.path === new URL(url).pathname);
  const toLeader = () => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === LEADER);

  beforeAll(async () => {
    t = await startTestApp('e2e-tasks-manage-slack');
    await t.app.request(slashCommand('setup Green Street Tenants', as(LEADER)));
    for (const title of ['Book the hall', 'Book the bus', 'Print the flyers'])
      await send(slashCommand(`task <@U3|ben> ${title} by ${daysAhead(20)}`, as(LEADER)));
    for (const title of ['Book the hall', 'Book the bus', 'Print the flyers'])
      await send(blockAction(`task:accept:T0001:C1:${(await task(title)).id}`, { user: 'U3', channel: 'D3' }));
  });
  afterAll(() => t.stop());

  it('gives the owner Done, Hand back and Reschedule on `tasks mine`, numbered like the lines', async () => {
    const res = await send(slashCommand('tasks mine', as('U3')));
    const [hall, bus, flyers] = await Promise.all(['Book the hall', 'Book the bus', 'Print the flyers'].map(task));
    expect(res.body.response_type).toBe('ephemeral');
    const ids = slackButtons(res.body);
    for (const x of [hall, bus, flyers])
      expect(ids).toEqual(
        expect.arrayContaining([
          `task:done:T0001:C1:${x.id}:mine`,
          `task:handBack:T0001:C1:${x.id}:mine`,
          `task:due:T0001:C1:${x.id}:mine`,
        ]),
      );
    expect(ids).toHaveLength(9);
    const labels = res.body.blocks.filter((b: any) => b.type === 'actions').map((b: any) => b.elements[0].text.text);
    expect(labels).toEqual(['1. Done', '2. Done', '3. Done']);
    expect(slackText(res.body)).toMatch(/1\. 🟢 \*Book the hall\*/);
    // Someone else reading the whole list gets no buttons for tasks that are not theirs.
    expect(slackButtons((await send(slashCommand('tasks', as('U9')))).body)).toEqual([]);
    // The leader who asked may reschedule them.
    expect(slackButtons((await send(slashCommand('tasks', as(LEADER)))).body)).toEqual([
      `task:due:T0001:C1:${hall.id}:all`,
      `task:due:T0001:C1:${bus.id}:all`,
      `task:due:T0001:C1:${flyers.id}:all`,
    ]);
  });

  it('filters by a word of the title (`tasks book`), keeping the word in the buttons', async () => {
    const res = await send(slashCommand('tasks BOOK', as('U3')));
    const text = slackText(res.body);
    expect(text).toContain('Tasks matching “BOOK”');
    expect(text).toContain('Book the hall');
    expect(text).toContain('Book the bus');
    expect(text).not.toContain('Print the flyers');
    expect(slackButtons(res.body)[0]).toBe(`task:done:T0001:C1:${(await task('Book the hall')).id}:all:book`);
    expect(slackText((await send(slashCommand('tasks zebra', as('U3')))).body)).toContain('No open task matches “zebra”');
  });

  it('asks which one when `done book` matches two tasks, with their Done buttons; changes nothing', async () => {
    const res = await send(slashCommand('done book', as('U3')));
    const text = slackText(res.body);
    expect(text).toContain('Several of your tasks match “book”. Which one is done?');
    const ids = slackButtons(res.body);
    expect(ids).toContain(`task:done:T0001:C1:${(await task('Book the hall')).id}:mine:book`);
    expect(ids).toContain(`task:done:T0001:C1:${(await task('Book the bus')).id}:mine:book`);
    expect((await tasks()).every((x) => x.status === 'accepted')).toBe(true);
  });

  it('answers an unknown word with the caller’s open tasks, and `done` alone with how to say it', async () => {
    const none = slackText((await send(slashCommand('done zebra', as('U3')))).body);
    expect(none).toContain('None of your open tasks matches “zebra”.');
    expect(none).toContain('Book the hall');
    expect(none).toContain('Print the flyers');
    expect(slackText((await send(slashCommand('done', as('U3')))).body)).toContain('/community done hall');
    expect(slackText((await send(slashCommand('done hall', as('U9')))).body)).toContain('You have no open tasks right now.');
    // Odd words get the same friendly answers (Slack escapes <, > and & in slash text).
    const long = await send(slashCommand(`done ${'a'.repeat(500)}`, as('U3')));
    expect(long.status).toBe(200);
    expect(slackText(long.body)).toContain('None of your open tasks matches “aaaa');
    const odd = await send(slashCommand('tasks &lt;!channel&gt; `*_~', as('U3')));
    expect(odd.status).toBe(200);
    expect(slackText(odd.body)).toContain('No open task matches');
    expect(slackText(odd.body)).not.toContain('<!channel>');
    expect((await tasks()).every((x) => x.status === 'accepted')).toBe(true);
  });

  it('`done hall` marks “Book the hall” done and tells the leader who asked', async () => {
    t.recorder.reset();
    const res = await send(slashCommand('done hall', as('U3')));
    expect(slackText(res.body)).toContain('✅ *Book the hall* is done');
    expect((await task('Book the hall')).status).toBe('done');
    expect((await task('Book the bus')).status).toBe('accepted');
    expect(toLeader()).toHaveLength(1);
    expect(String(toLeader()[0]?.body.text)).toContain('<@U3> finished the task: *Book the hall*');
  });

  it('Done from the list changes the row, tells the leader and redraws the list in place; a second press changes nothing', async () => {
    const flyers = await task('Print the flyers');
    t.recorder.reset();
    const click = ephemeralClick(`task:done:T0001:C1:${flyers.id}:mine`, 'U3');
    expect((await send(click.request)).status).toBe(200);
    expect((await task('Print the flyers')).status).toBe('done');
    expect(toLeader()).toHaveLength(1);
    expect(String(toLeader()[0]?.body.text)).toContain('finished the task: *Print the flyers*');
    const [redraw] = replaced(click.url);
    expect(redraw?.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    const text = allText(redraw?.body);
    expect(text).toContain('✅ *Print the flyers* is done');
    expect(text).toContain('Book the bus');
    expect(slackButtons(redraw?.body)).toEqual([
      `task:done:T0001:C1:${(await task('Book the bus')).id}:mine`,
      `task:handBack:T0001:C1:${(await task('Book the bus')).id}:mine`,
      `task:due:T0001:C1:${(await task('Book the bus')).id}:mine`,
    ]);
    // Nothing posted as a new ephemeral message: the list itself changed.
    expect(t.recorder.callsTo('chat.postEphemeral')).toEqual([]);

    const doneAt = (await task('Print the flyers')).updatedAt;
    const again = ephemeralClick(`task:done:T0001:C1:${flyers.id}:mine`, 'U3');
    await send(again.request);
    expect(toLeader()).toHaveLength(1);
    expect(await task('Print the flyers')).toMatchObject({ status: 'done', updatedAt: doneAt });
    expect(allText(replaced(again.url)[0]?.body)).toContain('already moved on');
    // Someone else pressing it is refused and nothing changes.
    const bus = await task('Book the bus');
    await send(ephemeralClick(`task:handBack:T0001:C1:${bus.id}:mine`, 'U9').request);
    expect((await task('Book the bus')).status).toBe('accepted');
  });

  it('Reschedule opens a modal; a date it cannot read keeps it open; a new date is saved, echoed and told', async () => {
    const bus = await task('Book the bus');
    t.recorder.reset();
    const click = ephemeralClick(`task:due:T0001:C1:${bus.id}:mine`, 'U3');
    await send(click.request);
    const opened = t.recorder.callsTo('views.open')[0];
    const view = JSON.parse(String(opened?.body.view));
    expect(view.callback_id).toBe('task.due');
    expect(view.title.text).toBe('New due date');
    expect(view.blocks[0].element.initial_value).toBe(bus.due.date);

    const bad = await send(submitView(view, { due: 'someday' }, 'U3'));
    expect(bad.body.response_action).toBe('errors');
    expect(bad.body.errors.due).toContain('could not read “someday”');
    expect((await task('Book the bus')).due).toEqual(bus.due);

    const day = daysAhead(40);
    await send(submitView(view, { due: day }, 'U3'));
    const moved = await task('Book the bus');
    expect(moved.due.date).toBe(day);
    expect(moved.due.dueAt).toBe(Math.floor(DateTime.fromISO(day, { zone: 'UTC' }).endOf('day').toSeconds()));
    const [redraw] = replaced(click.url);
    expect(redraw?.body.replace_original).toBe(true);
    expect(allText(redraw?.body)).toContain(`*Book the bus* is now due <!date^${moved.due.dueAt}^`);
    expect(toLeader()).toHaveLength(1);
    expect(String(toLeader()[0]?.body.text)).toContain('<@U3> moved the task *Book the bus* to');
    // Its reminders follow the new date (planned again by the worker).
    const reminders = (await allItems(t.db, t.tableName)).filter((i: any) => i.entity === 'Due' && String(i.ref).startsWith(`${bus.id}#`));
    expect(reminders.length).toBeGreaterThan(0);
    const dayBefore = DateTime.fromISO(day, { zone: 'UTC' }).minus({ days: 1 }).toISODate() as string;
    for (const r of reminders as any[]) expect(String(r.minute).slice(0, 10) >= dayBefore, String(r.ref)).toBe(true);
    // The same date again changes nothing and tells nobody.
    await send(submitView(view, { due: day }, 'U3'));
    expect((await task('Book the bus')).updatedAt).toBe(moved.updatedAt);
    expect(toLeader()).toHaveLength(1);
  });

  it('keeps a declined task with the leader who asked, marked, out of the decliner’s list, until the leader drops it', async () => {
    await send(slashCommand('task <@U5|olga> Paint the banner', as(LEADER)));
    const banner = await task('Paint the banner');
    // Decline asks why first (optional); nothing changes until the modal is sent.
    t.recorder.reset();
    await send(blockAction(`task:decline:T0001:C1:${banner.id}`, { user: 'U5', channel: 'D5' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('task.decline');
    expect(view.blocks[0].optional).toBe(true);
    expect((await task('Paint the banner')).status).toBe('proposed');
    await send(submitView(view, { reason: 'Away & busy <that> week' }, 'U5'));
    expect(await task('Paint the banner')).toMatchObject({ status: 'declined', reason: 'Away & busy <that> week' });
    expect(String(toLeader()[0]?.body.text)).toContain(
      '<@U5> declined the task: *Paint the banner*. Why: Away &amp; busy &lt;that&gt; week',
    );
    // Sent again (the same modal), it declines nothing twice and tells nobody again.
    await send(submitView(view, { reason: 'Again' }, 'U5'));
    expect((await task('Paint the banner')).reason).toBe('Away & busy <that> week');
    expect(toLeader()).toHaveLength(1);

    const list = await send(slashCommand('tasks', as(LEADER)));
    expect(slackText(list.body)).toContain('⚪ *Paint the banner* · <@U5> · declined by <@U5>: Away &amp; busy &lt;that&gt; week');
    expect(slackButtons(list.body)).toContain(`task:drop:T0001:C1:${banner.id}:all`);
    expect(slackText((await send(slashCommand('tasks mine', as('U5')))).body)).not.toContain('Paint the banner');
    expect(slackText((await send(slashCommand('tasks', as('U9')))).body)).not.toContain('Paint the banner');
    // Only the leader who asked can drop it.
    await send(ephemeralClick(`task:drop:T0001:C1:${banner.id}:all`, 'U5').request);
    expect((await task('Paint the banner')).status).toBe('declined');

    const click = ephemeralClick(`task:drop:T0001:C1:${banner.id}:all`, LEADER);
    await send(click.request);
    expect((await task('Paint the banner')).status).toBe('dropped');
    const text = allText(replaced(click.url)[0]?.body);
    expect(text).toContain('Dropped: *Paint the banner*');
    expect(text).not.toContain('declined by');
  });

  it('offers a handed-back task to someone else from the leader’s list: one pick, one new card, the list redrawn', async () => {
    await send(slashCommand('task <@U6|ivan> Fix the door', as(LEADER)));
    const door = await task('Fix the door');
    await send(blockAction(`task:accept:T0001:C1:${door.id}`, { user: 'U6', channel: 'D6' }));
    await send(ephemeralClick(`task:handBack:T0001:C1:${door.id}:mine`, 'U6').request);
    expect((await task('Fix the door')).status).toBe('handedBack');
    const list = await send(slashCommand('tasks door', as(LEADER)));
    expect(slackText(list.body)).toContain('*Fix the door* · <@U6> · handed back by <@U6>');
    expect(slackButtons(list.body)).toEqual([`task:reoffer:T0001:C1:${door.id}:all:door`, `task:drop:T0001:C1:${door.id}:all:door`]);

    t.recorder.reset();
    const click = ephemeralClick(`task:reoffer:T0001:C1:${door.id}:all:door`, LEADER);
    await send(click.request);
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('task.reoffer');
    expect(view.blocks[0].element.type).toBe('multi_users_select');
    const two = await send(submitView(view, { who: ['U8', 'U9'] }, LEADER));
    expect(two.body).toMatchObject({ response_action: 'errors', errors: { who: 'Pick one person to offer the task to.' } });
    expect((await task('Fix the door')).ownerId).toBe('U6');

    await send(submitView(view, { who: ['U8'] }, LEADER));
    expect(await task('Fix the door')).toMatchObject({ ownerId: 'U8', status: 'proposed', createdBy: LEADER });
    const cards = t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'U8');
    expect(cards).toHaveLength(1);
    expect(slackButtons(cards[0]?.body)).toEqual([`task:accept:T0001:C1:${door.id}`, `task:decline:T0001:C1:${door.id}`]);
    const redraw = replaced(click.url)[0];
    expect(redraw?.body.replace_original).toBe(true);
    expect(allText(redraw?.body)).toContain('Offered *Fix the door* to <@U8>');
    expect(allText(redraw?.body)).toContain('⏳ *Fix the door* · <@U8>');
    // Submitted again, it offers nothing twice.
    await send(submitView(view, { who: ['U9'] }, LEADER));
    expect((await task('Fix the door')).ownerId).toBe('U8');
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'U9')).toEqual([]);
  });

  it('shows buttons for the first five tasks one can act on and says how many more', async () => {
    for (let i = 1; i <= 7; i++) await send(slashCommand(`task <@U7|ann> Chore number ${i}`, as(LEADER)));
    const res = await send(slashCommand('tasks mine', as('U7')));
    const actions = res.body.blocks.filter((b: any) => b.type === 'actions');
    expect(actions).toHaveLength(5);
    expect(actions.map((b: any) => b.elements.map((e: any) => e.text.text))[0]).toEqual(['1. Accept', 'Decline']);
    expect(res.body.blocks.length).toBeLessThanOrEqual(50);
    expect(slackText(res.body)).toContain('Chore number 7');
    expect(JSON.stringify(res.body.blocks)).toContain('2 more tasks you can act on are listed without them');
  });
});

describe('Discord: tasks from the lists, `tasks done:` and its suggestions', () => {
  let t: TestApp;
  const OWNER = '444444444444444444';
  const send = async (req: Request) => JSON.parse(await (await t.app.request(req)).text());
  const tasks = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Task') as any[];
  const task = async (title: string) => (await tasks()).find((x) => x.title === title);
  const buttons = (data: any): any[] => (data.components ?? []).flatMap((row: any) => row.components);
  /** Discord asks for suggestions as the option is typed (APPLICATION_COMMAND_AUTOCOMPLETE). */
  const autocomplete = (value: string, user: string) =>
    discordRequest(
      JSON.stringify({
        type: 4,
        id: String(2_000_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e9))),
        application_id: '111111111111111111',
        token: 'token-autocomplete',
        version: 1,
        guild_id: '555555555555555555',
        channel_id: '222222222222222222',
        locale: 'ru',
        member: { user: { id: user, username: 'olga' }, permissions: '0', roles: [] },
        data: {
          id: '444444444444444440',
          name: 'community',
          type: 1,
          options: [{ type: 1, name: 'tasks', options: [{ type: 3, name: 'done', value, focused: true }] }],
        },
      }),
    );

  beforeAll(async () => {
    t = await startTestApp('e2e-tasks-manage-discord');
    t.recorder.on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } })).on('/messages', () => ({ body: { id: '1000' } }));
    await send(discordCommand('setup', { name: 'Соседи' }, { locale: 'ru' }));
    for (const what of ['Забронировать зал', 'Заказать автобус'])
      await send(discordCommand('task', { user: OWNER, what, due: daysAhead(20) }, { locale: 'ru' }));
    for (const x of await tasks()) await send(discordDmComponent(`task:accept:555555555555555555:${x.communityId}:${x.id}`, OWNER, 'ru'));
  });
  afterAll(() => t.stop());

  it('`tasks filter:mine` carries the owner’s buttons; Done redraws it in place (UPDATE_MESSAGE) and tells the leader', async () => {
    const list = await send(discordCommand('tasks', { filter: 'mine' }, { user: OWNER, locale: 'ru' }));
    expect(list.type).toBe(4);
    expect(list.data.flags).toBe(64);
    const hall = await task('Забронировать зал');
    const ids = buttons(list.data).map((b) => b.custom_id);
    expect(ids).toContain(`task:done:555555555555555555:${hall.communityId}:${hall.id}:mine`);
    expect(buttons(list.data).map((b) => b.label)).toEqual(expect.arrayContaining(['1. Готово', 'Вернуть', 'Перенести']));
    expect(list.data.components.length).toBeLessThanOrEqual(5);

    t.recorder.reset();
    const done = await send(
      discordComponent(`task:done:555555555555555555:${hall.communityId}:${hall.id}:mine`, { user: OWNER, locale: 'ru' }),
    );
    expect(done.type).toBe(7);
    expect(done.data.content).toContain('**Забронировать зал**');
    expect(done.data.content).not.toMatch(/\d\. 🟢 \*\*Забронировать зал/);
    expect((await task('Забронировать зал')).status).toBe('done');
    const told = t.recorder.callsTo('/messages').map((c) => String((c.body as any).content));
    expect(told.filter((c) => c.includes('Забронировать зал'))).toHaveLength(1);
    // A second press: nothing changes, nobody is told again.
    const again = await send(
      discordComponent(`task:done:555555555555555555:${hall.communityId}:${hall.id}:mine`, { user: OWNER, locale: 'ru' }),
    );
    expect(again.type).toBe(7);
    expect(t.recorder.callsTo('/messages').filter((c) => String((c.body as any).content).includes('Забронировать зал'))).toHaveLength(1);
  });

  it('suggests the caller’s open tasks for `tasks done:` and marks the chosen one done', async () => {
    const bus = await task('Заказать автобус');
    const suggested = await send(autocomplete('авт', OWNER));
    expect(suggested).toEqual({ type: 8, data: { choices: [{ name: 'Заказать автобус', value: bus.id }] } });
    expect((await send(autocomplete('', '333333333333333333'))).data.choices).toEqual([]);
    // Anything typed that is not a suggestion is read as a word of the title.
    const none = await send(discordCommand('tasks', { done: 'зебра' }, { user: OWNER, locale: 'ru' }));
    expect(none.data.content).toContain('Ни одна из ваших открытых задач не подходит под «зебра».');
    expect(none.data.content).toContain('Заказать автобус');
  });

  it('Reschedule opens a modal whose submission redraws the list with the new date', async () => {
    const bus = await task('Заказать автобус');
    const modal = await send(
      discordComponent(`task:due:555555555555555555:${bus.communityId}:${bus.id}:mine`, { user: OWNER, locale: 'ru' }),
    );
    expect(modal.type).toBe(9);
    expect(modal.data.title).toBe('Новый срок');
    const day = daysAhead(33);
    t.recorder.reset();
    const saved = await send(discordModalSubmit(modal.data.custom_id, { due: day }, { user: OWNER, locale: 'ru' }));
    const moved = await task('Заказать автобус');
    expect(moved.due.date).toBe(day);
    expect(saved.type).toBe(7);
    expect(saved.data.content).toContain(`Новый срок задачи **Заказать автобус**: <t:${moved.due.dueAt}:D>`);
    expect(t.recorder.callsTo('/messages').some((c) => String((c.body as any).content).includes('перенёс(ла) срок задачи'))).toBe(true);

    const done = await send(discordCommand('tasks', { done: bus.id }, { user: OWNER, locale: 'ru' }));
    expect(done.data.content).toContain('**Заказать автобус**');
    expect((await task('Заказать автобус')).status).toBe('done');
  });

  it('lets the owner reschedule from the direct message too (a modal from a DM names its guild)', async () => {
    await send(discordCommand('task', { user: OWNER, what: 'Позвонить в типографию' }, { locale: 'ru' }));
    const call = await task('Позвонить в типографию');
    const accepted = await send(discordDmComponent(`task:accept:555555555555555555:${call.communityId}:${call.id}`, OWNER, 'ru'));
    expect(buttons(accepted.data).map((b) => b.label)).toEqual(['Готово', 'Вернуть', 'Перенести']);
    const due = buttons(accepted.data)[2].custom_id;
    const modal = await send(discordDmComponent(due, OWNER, 'ru'));
    expect(modal.type).toBe(9);
    const day = daysAhead(12);
    const body = JSON.parse(
      await (
        await t.app.request(
          discordRequest(
            JSON.stringify({
              type: 5,
              id: '3000000000000000001',
              application_id: '111111111111111111',
              token: 'token-dm-modal',
              version: 1,
              channel_id: '999',
              locale: 'ru',
              user: { id: OWNER },
              data: {
                custom_id: modal.data.custom_id,
                components: [{ type: 18, id: 1, component: { type: 4, id: 10, custom_id: 'due', value: day } }],
              },
            }),
          ),
        )
      ).text(),
    );
    expect(body.type).toBe(4);
    expect(body.data.content).toContain('Новый срок задачи **Позвонить в типографию**');
    expect((await task('Позвонить в типографию')).due.date).toBe(day);
  });

  it('a task declined from the direct message, with its reason, stays on the leader’s list, marked, with Drop', async () => {
    await send(discordCommand('task', { user: OWNER, what: 'Повесить афишу' }, { locale: 'ru' }));
    const poster = await task('Повесить афишу');
    const modal = await send(discordDmComponent(`task:decline:555555555555555555:${poster.communityId}:${poster.id}`, OWNER, 'ru'));
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe(`task.decline|555555555555555555|${poster.communityId}|${poster.id}`);
    t.recorder.reset();
    await send(discordDmModalSubmit(modal.data.custom_id, { reason: 'Уезжаю' }, OWNER));
    expect(await task('Повесить афишу')).toMatchObject({ status: 'declined', reason: 'Уезжаю' });
    expect(t.recorder.callsTo('/messages').some((c) => String((c.body as any).content).includes('Причина: Уезжаю'))).toBe(true);
    const list = await send(discordCommand('tasks', {}, { locale: 'ru' }));
    expect(list.data.content).toContain(`**Повесить афишу** · <@${OWNER}> · <@${OWNER}> отказался(ась): Уезжаю`);
    expect(buttons(list.data).map((b) => b.custom_id)).toEqual(
      expect.arrayContaining([
        `task:reoffer:555555555555555555:${poster.communityId}:${poster.id}:all`,
        `task:drop:555555555555555555:${poster.communityId}:${poster.id}:all`,
      ]),
    );
    const mine = await send(discordCommand('tasks', { filter: 'mine' }, { user: OWNER, locale: 'ru' }));
    expect(mine.data.content).not.toContain('Повесить афишу');
  });
});
