import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand, discordDmComponent } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';

/** The due day must be the coming Friday (today included) in `zone`, ending at midnight there. */
function expectComingFriday(due: { date: string; dueAt: number }, zone: string) {
  const today = DateTime.fromJSDate(testClock.now()).setZone(zone).startOf('day');
  const day = DateTime.fromISO(due.date, { zone });
  expect(day.weekday).toBe(5);
  expect(day.diff(today, 'days').days).toBeGreaterThanOrEqual(0);
  expect(day.diff(today, 'days').days).toBeLessThan(7);
  expect(due.dueAt).toBe(Math.floor(day.endOf('day').toSeconds()));
}

describe('Slack: tasks with consent and due dates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-tasks-slack');
    await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const tasks = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Task') as any[];
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });

  it('sets the community’s timezone (leaders only, IANA names only)', async () => {
    expect(slackText((await send(slashCommand('tz Asia/Tokyo', as('U9')))).body)).toContain('Only leaders');
    expect(slackText((await send(slashCommand('tz Mars/Base', as(COORDINATOR)))).body)).toContain('not a timezone I know');
    expect(slackText((await send(slashCommand('tz Asia/Tokyo', as(COORDINATOR)))).body)).toContain('Asia/Tokyo');
  });

  it('refuses a date it cannot read and creates nothing', async () => {
    const res = await send(slashCommand('task <@U2|maria> Print the flyers by someday', as(COORDINATOR)));
    expect(slackText(res.body)).toContain('could not read the date');
    expect(await tasks()).toEqual([]);
  });

  it('offers a task “by friday” by direct message, dated in the community’s timezone', async () => {
    t.recorder.reset();
    const res = await send(slashCommand('task <@U2|maria> Print the flyers by friday', as(COORDINATOR)));
    expect(slackText(res.body)).toContain('Asked <@U2> to take: Print the flyers');
    const [task] = await tasks();
    expect(task).toMatchObject({ title: 'Print the flyers', ownerId: 'U2', createdBy: COORDINATOR, status: 'proposed' });
    expectComingFriday(task.due, 'Asia/Tokyo');
    const dm = t.recorder.callsTo('chat.postMessage')[0];
    expect(dm?.body.channel).toBe('U2');
    expect(String(dm?.body.text)).toContain(`<!date^${task.due.dueAt}^{date_short}|`);
    const ids = JSON.parse(String(dm?.body.blocks))
      .at(-1)
      .elements.map((e: any) => e.action_id);
    expect(ids).toEqual([`task:accept:T0001:C1:${task.id}`, `task:decline:T0001:C1:${task.id}`]);
  });

  it('accepts once on a double click, then marks it done; the leader hears each step', async () => {
    const [task] = await tasks();
    t.recorder.reset();
    const clicks = await Promise.all([0, 1].map(() => send(blockAction(`task:accept:T0001:C1:${task.id}`, { user: 'U2', channel: 'D2' }))));
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    expect((await tasks())[0].status).toBe('accepted');
    const toLeader = t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === COORDINATOR);
    expect(toLeader).toHaveLength(1);
    expect(String(toLeader[0]?.body.text)).toContain('<@U2> accepted the task');
    const replies = t.recorder.callsTo('chat.postEphemeral');
    const accepted = replies.find((r) => String(r.body.text).includes('is yours'));
    expect(
      JSON.parse(String(accepted?.body.blocks))
        .at(-1)
        .elements.map((e: any) => e.action_id),
    ).toEqual([`task:done:T0001:C1:${task.id}`, `task:handBack:T0001:C1:${task.id}`, `task:due:T0001:C1:${task.id}`]);
    expect(replies.some((r) => String(r.body.text).includes('already moved on'))).toBe(true);

    await send(blockAction(`task:done:T0001:C1:${task.id}`, { user: 'U9', channel: 'D9' }));
    expect((await tasks())[0].status).toBe('accepted');
    await send(blockAction(`task:done:T0001:C1:${task.id}`, { user: 'U2', channel: 'D2' }));
    expect((await tasks())[0].status).toBe('done');
  });

  it('lists open tasks with overdue ones first', async () => {
    // A past date is refused when the task is asked, so "Send the minutes" becomes overdue by the clock moving on.
    const inAMonth = DateTime.fromJSDate(testClock.now()).setZone('Asia/Tokyo').plus({ days: 30 }).toISODate();
    await send(slashCommand(`task <@U3> Book the hall by ${inAMonth}`, as(COORDINATOR)));
    await send(slashCommand('task <@U4> Send the minutes by today', as(COORDINATOR)));
    const dayLater = 25 * 3600_000;
    testClock.advance(dayLater);
    try {
      const list = slackText((await send(slashCommand('tasks', as('U9')))).body);
      expect(list.indexOf('Send the minutes')).toBeLessThan(list.indexOf('Book the hall'));
      expect(list).toContain('🔴 *Send the minutes*');
      expect(list).not.toContain('Print the flyers');
      const overdue = slackText((await send(slashCommand('tasks overdue', as('U9')))).body);
      expect(overdue).toContain('Send the minutes');
      expect(overdue).not.toContain('Book the hall');
      const mine = slackText((await send(slashCommand('tasks mine', as('U3')))).body);
      expect(mine).toContain('Book the hall');
      expect(mine).not.toContain('Send the minutes');
    } finally {
      testClock.advance(-dayLater);
    }
  });
});

describe('Discord: a task “до пятницы”, accepted in a direct message', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-tasks-discord');
    t.recorder.on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } })).on('/messages', () => ({ body: { id: '1000' } }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => JSON.parse(await (await t.app.request(req)).text());

  it('dates the task in the community’s timezone and takes the answer from the DM', async () => {
    await send(discordCommand('setup', { name: 'Соседи' }, { locale: 'ru' }));
    await send(discordCommand('tz', { zone: 'Europe/Moscow' }, { locale: 'ru' }));
    t.recorder.reset();
    const asked = await send(
      discordCommand('task', { user: '444444444444444444', what: 'Напечатать листовки', due: 'до пятницы' }, { locale: 'ru' }),
    );
    expect(asked.data.content).toContain('Предложили <@444444444444444444> задачу: Напечатать листовки (срок <t:');
    const task = (await allItems(t.db, t.tableName)).find((i) => i.entity === 'Task') as any;
    expectComingFriday(task.due, 'Europe/Moscow');
    const card = t.recorder.calls[1]?.body as any;
    expect(card.content).toContain(`<t:${task.due.dueAt}:D>`);
    const accept = card.components[0].components[0].custom_id;
    const click = await send(discordDmComponent(accept, '444444444444444444', 'ru'));
    expect(click.data.content).toContain('Спасибо: задача **Напечатать листовки** ваша');
    expect(click.data.components[0].components.map((b: any) => b.label)).toEqual(['Готово', 'Вернуть', 'Перенести']);
    expect(((await allItems(t.db, t.tableName)).find((i) => i.entity === 'Task') as any).status).toBe('accepted');
  });
});
