import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

const COORDINATOR = 'U2147483697';
const ZONE = 'Europe/Moscow';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const startOf = (minute: string) => Date.parse(`${minute}:00Z`);
/** Each block starts from the same instant: the ones before it moved the clock days ahead. */
const START = testClock.now();

/** An app with a community in C1 whose every post gets its own timestamp, as Slack gives one. */
async function communityApp(label: string) {
  const t = await startTestApp(label);
  let ts = 1000;
  t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.000100` } }));
  await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
  await t.app.request(slashCommand(`tz ${ZONE}`, { channel_id: 'C1', user_id: COORDINATOR }));
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const posts = (channel: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
  const schedule = (name: string, when: string) =>
    t.app.request(
      viewSubmission(
        'standup',
        { name, when, questions: 'Done?\nNext?\nHelp?' },
        { user: COORDINATOR, channel: 'C1', selects: { participants: 'optin', delivery: 'channel' } },
      ),
    );
  return { t, items, posts, schedule, send: sender(() => t.app) };
}

describe('Scheduler downtime: a daily stand-up', () => {
  let c: Awaited<ReturnType<typeof communityApp>>;
  beforeAll(async () => {
    testClock.set(START);
    c = await communityApp('e2e-downtime-standup');
    await c.schedule('Daily', `daily 09:00 ${ZONE}`);
    await c.send(slashCommand('standup join', { channel_id: 'C1', user_id: 'U2' }));
  });
  afterAll(() => c.t.stop());
  const standupDue = async () => (await c.items('Due')).find((d) => d.kind === 'standup');
  const tickTwice = async (at: number) => {
    await tickAt(c.t.deps, new Date(at));
    await tickAt(c.t.deps, new Date(at + 20_000));
  };
  const missedReports = () => c.posts(COORDINATOR).filter((p) => String(p.body.text).includes('could not go out in time'));
  const localTime = (minute: string) => DateTime.fromISO(minute, { zone: 'UTC' }).setZone(ZONE).toFormat('HH:mm');

  it('after two hours down, delivers the prompt late (inside its window) once, and recurs at the next 09:00 after now', async () => {
    const due = await standupDue();
    const now = startOf(due.minute) + 2 * HOUR + 5_000;
    c.t.recorder.reset();
    await tickTwice(now);
    expect(c.posts('C1')).toHaveLength(1);
    expect(missedReports()).toHaveLength(0);
    const [run] = await c.items('StandupRun');
    expect(run).toMatchObject({ status: 'posted', messageId: '1001.000100' });
    const next = await standupDue();
    expect(startOf(next.minute)).toBeGreaterThan(now);
    expect(startOf(next.minute) - now).toBeLessThan(DAY);
    expect(localTime(next.minute)).toBe('09:00');
  });

  it('after two days down, reports the stale one to its leader once, posts today’s (still inside its window) and the overdue summary', async () => {
    const due = await standupDue();
    const now = startOf(due.minute) + 2 * DAY + HOUR;
    c.t.recorder.reset();
    await tickTwice(now);
    expect(missedReports()).toHaveLength(1);
    const prompts = c.posts('C1').filter((p) => !p.body.thread_ts);
    expect(prompts).toHaveLength(1);
    // The summary of the first run was due while the scheduler was down: it still goes to that run's thread.
    const summaries = c.posts('C1').filter((p) => p.body.thread_ts === '1001.000100');
    expect(summaries).toHaveLength(1);
    const runs = await c.items('StandupRun');
    const today = DateTime.fromMillis(now, { zone: ZONE }).toISODate();
    expect(runs.map((r) => r.date)).toContain(today);
    expect(runs.every((r) => r.status === 'posted')).toBe(true);
    const next = await standupDue();
    expect(startOf(next.minute)).toBeGreaterThan(now);
    expect(startOf(next.minute) - now).toBeLessThan(DAY);
    expect(localTime(next.minute)).toBe('09:00');
  });

  it('after two days down past the window, reports the missed one and posts nothing stale; the next day posts as usual', async () => {
    const due = await standupDue();
    const now = startOf(due.minute) + 2 * DAY + 5 * HOUR;
    c.t.recorder.reset();
    await tickTwice(now);
    expect(missedReports()).toHaveLength(1);
    expect(c.posts('C1').filter((p) => !p.body.thread_ts)).toHaveLength(0);
    const next = await standupDue();
    expect(startOf(next.minute)).toBeGreaterThan(now);
    expect(localTime(next.minute)).toBe('09:00');
    c.t.recorder.reset();
    await tickTwice(startOf(next.minute) + 5_000);
    expect(c.posts('C1').filter((p) => !p.body.thread_ts)).toHaveLength(1);
    expect(missedReports()).toHaveLength(0);
  });

  it('two ticks at the same instant post one prompt', async () => {
    const due = await standupDue();
    const at = new Date(startOf(due.minute) + 1_000);
    c.t.recorder.reset();
    testClock.set(at);
    await Promise.all([tickAt(c.t.deps, at), tickAt(c.t.deps, at)]);
    expect(c.posts('C1').filter((p) => !p.body.thread_ts)).toHaveLength(1);
    expect((await standupDue()).minute > due.minute).toBe(true);
  });
});

describe('Scheduler downtime: task reminders', () => {
  let c: Awaited<ReturnType<typeof communityApp>>;
  const dueDate = DateTime.fromJSDate(START).setZone(ZONE).plus({ days: 5 }).toISODate() as string;
  beforeAll(async () => {
    testClock.set(START);
    c = await communityApp('e2e-downtime-tasks');
  });
  afterAll(() => c.t.stop());
  const dms = (user: string) => c.posts(user);

  it('two hours late, the day-before reminder still goes out; two days late, the morning one is moot and the overdue one reaches the leader', async () => {
    await c.send(slashCommand(`task <@U2|maria> Print the flyers by ${dueDate}`, { channel_id: 'C1', user_id: COORDINATOR }));
    const [task] = await c.items('Task');
    await c.send(blockAction(`task:accept:T0001:C1:${task.id}`, { user: 'U2', channel: 'D2' }));
    const due = Object.fromEntries((await c.items('Due')).filter((d) => d.kind === 'task').map((d) => [d.ref.split('#')[1], d.minute]));
    expect(Object.keys(due).sort()).toEqual(['dayBefore', 'morning', 'overdue']);
    c.t.recorder.reset();
    await tickAt(c.t.deps, new Date(startOf(due.dayBefore) + 2 * HOUR));
    await tickAt(c.t.deps, new Date(startOf(due.dayBefore) + 2 * HOUR + 30_000));
    expect(dms('U2').map((p) => String(p.body.text))).toEqual([expect.stringContaining('tomorrow')]);
    c.t.recorder.reset();
    const later = startOf(due.morning) + 2 * DAY;
    await tickAt(c.t.deps, new Date(later));
    await tickAt(c.t.deps, new Date(later + 30_000));
    expect(dms('U2')).toHaveLength(0);
    expect(dms(COORDINATOR).map((p) => String(p.body.text))).toEqual([expect.stringContaining('passed its due date')]);
    expect((await c.items('Due')).filter((d) => d.kind === 'task')).toEqual([]);
  });
});

describe('Scheduler: a failing post is retried until it lands, and recorded only then', () => {
  let c: Awaited<ReturnType<typeof communityApp>>;
  let failures = 0;
  let ts = 5000;
  beforeAll(async () => {
    testClock.set(START);
    c = await communityApp('e2e-downtime-failing');
    await c.schedule('Daily', 'daily 09:00 UTC');
    // Slack answers 500 to the first five posts in the channel, then recovers.
    c.t.recorder.on('chat.postMessage', (call) => {
      if (call.body.channel === 'C1' && failures < 5) {
        failures++;
        return { status: 500, body: { ok: false, error: 'internal_error' } };
      }
      return { body: { ok: true, channel: call.body.channel, ts: `${++ts}.000100` } };
    });
  });
  afterAll(() => c.t.stop());

  it('delivers the prompt exactly once on a later tick; meanwhile `standup now` does not claim it went out', async () => {
    const item = (await c.items('Due')).find((d) => d.kind === 'standup');
    const at = startOf(item.minute);
    c.t.recorder.reset();
    await tickAt(c.t.deps, new Date(at + 5_000));
    expect(failures).toBeGreaterThan(0);
    const [pending] = await c.items('StandupRun');
    expect(pending).toMatchObject({ status: 'pending' });
    expect(pending.messageId).toBeUndefined();
    // Still due (held for its retry), not moved on.
    expect((await c.items('Due')).find((d) => d.kind === 'standup').minute).toBe(item.minute);
    const now = await c.send(slashCommand('standup now', { channel_id: 'C1', user_id: COORDINATOR }));
    expect(slackText(now.body)).not.toContain('already went out');
    for (let minute = 6; minute <= 60 && failures < 5; minute += 6) await tickAt(c.t.deps, new Date(at + minute * 60_000 + 5_000));
    for (let minute = 66; minute <= 120; minute += 6) await tickAt(c.t.deps, new Date(at + minute * 60_000 + 5_000));
    expect(failures).toBe(5);
    // Five refused, one accepted: delivered exactly once.
    expect(c.posts('C1').filter((p) => !p.body.thread_ts)).toHaveLength(6);
    const [run] = await c.items('StandupRun');
    expect(run).toMatchObject({ status: 'posted', messageId: `${ts}.000100` });
    const next = (await c.items('Due')).find((d) => d.kind === 'standup');
    expect(next.minute > item.minute).toBe(true);
    const again = await c.send(slashCommand('standup now', { channel_id: 'C1', user_id: COORDINATOR }));
    expect(slackText(again.body)).toContain('already went out');
  });
});
