import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { sender } from '../support/http.ts';
import { blockAction, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const ZONE = 'Europe/Moscow';

describe('Slack: reminders and lapsed offers from the minute scheduler', () => {
  let t: TestApp;
  const dueDate = DateTime.fromJSDate(testClock.now()).setZone(ZONE).plus({ days: 10 }).toISODate() as string;
  beforeAll(async () => {
    t = await startTestApp('e2e-reminders');
    const send = sender(() => t.app);
    await send(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
    await send(slashCommand(`tz ${ZONE}`, { channel_id: 'C1', user_id: COORDINATOR }));
    await send(slashCommand('role add Outreach', { channel_id: 'C1', user_id: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const tick = async (minute: string) => {
    await tickAt(t.deps, new Date(`${minute}:10Z`));
  };
  const dmsTo = (user: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === user);

  it('plans an accepted task’s reminders at 09:00 in the community’s zone and one overdue check', async () => {
    await send(slashCommand(`task <@U2|maria> Print the flyers by ${dueDate}`, as(COORDINATOR)));
    const [task] = await items('Task');
    expect(await items('Due')).toEqual([]);
    await send(blockAction(`task:accept:T0001:C1:${task.id}`, { user: 'U2', channel: 'D2' }));
    await t.deps.idle();
    const due = Object.fromEntries((await items('Due')).filter((d) => d.kind === 'task').map((d) => [d.ref.split('#')[1], d.minute]));
    const day = DateTime.fromISO(dueDate, { zone: ZONE });
    expect(due).toEqual({
      dayBefore: day.minus({ days: 1 }).set({ hour: 9 }).toUTC().toISO()?.slice(0, 16),
      morning: day.set({ hour: 9 }).toUTC().toISO()?.slice(0, 16),
      overdue: DateTime.fromSeconds(task.due.dueAt + 60, { zone: 'UTC' })
        .toISO()
        ?.slice(0, 16),
    });
  });

  it('tells the leader once when an offer lapses unanswered, and nothing about one that was accepted', async () => {
    await send(slashCommand('assign <@U3|ivan> Outreach lead', as(COORDINATOR)));
    await send(slashCommand('assign <@U4|olga> Outreach', as(COORDINATOR)));
    const offers = await items('Offer');
    const accepted = offers.find((o) => o.userId === 'U4');
    await send(blockAction(`offer:accept:T0001:C1:${accepted.id}`, { user: 'U4', channel: 'D4' }));
    const lapses = (await items('Due')).filter((d) => d.kind === 'offer');
    expect(lapses).toHaveLength(2);
    t.recorder.reset();
    for (const minute of new Set(lapses.map((d) => d.minute))) {
      await tick(minute);
      await tick(minute);
    }
    const told = dmsTo(COORDINATOR);
    expect(told).toHaveLength(1);
    expect(String(told[0]?.body.text)).toContain('<@U3> did not answer your offer of *Outreach*');
    expect((await items('Offer')).map((o) => o.userId)).toEqual([]);
  });

  it('reminds the owner the day before, stays quiet while they are away, and raises an overdue task to the leader once', async () => {
    const due = Object.fromEntries((await items('Due')).filter((d) => d.kind === 'task').map((d) => [d.ref.split('#')[1], d.minute]));
    t.recorder.reset();
    await tick(due.dayBefore);
    await tick(due.dayBefore);
    expect(dmsTo('U2')).toHaveLength(1);
    expect(String(dmsTo('U2')[0]?.body.text)).toContain('*Print the flyers* is due tomorrow');

    await send(slashCommand(`away until ${dueDate}`, as('U2')));
    t.recorder.reset();
    await tick(due.morning);
    expect(dmsTo('U2')).toHaveLength(0);

    await tick(due.overdue);
    await tick(due.overdue);
    const raised = dmsTo(COORDINATOR);
    expect(raised).toHaveLength(1);
    expect(String(raised[0]?.body.text)).toContain('passed its due date');
    expect((await items('Due')).filter((d) => d.kind === 'task')).toEqual([]);
  });
});
