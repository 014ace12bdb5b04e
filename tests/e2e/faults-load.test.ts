import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { itemsOf, timed } from '../support/faults.ts';
import { slackText } from '../support/http.ts';
import type { RecordedAnswer, RecordedCall } from '../support/recorder.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const GENERIC = 'Something went wrong';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const mentions = (ids: readonly string[]) => ids.map((u) => `<@${u}>`).join(', ');
/** Slack's window for an answer; ours must fit inside it with room to spare on a loaded machine. */
const SLACK_WINDOW_MS = 3000;

/** A new event in C1 four days from now, posted by the coordinator; returns its row once the card is out. */
async function postEvent(t: TestApp, title: string, capacity?: number) {
  const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 4 }).toISODate();
  const values = { title, place: 'Hall', ...(capacity ? { capacity: String(capacity) } : {}) };
  const when = { instant: Date.parse(`${day}T18:00:00Z`) / 1000 };
  const reply = await timed(t.app, viewSubmission('event', values, { user: COORDINATOR, channel: 'C1', pickers: { when } }));
  await t.deps.idle();
  const event = (await itemsOf(t.db, t.tableName, 'Event')).find((e) => e.title === title);
  return { reply, event };
}

describe('Faults: ten people click Going at once on an event with three places', () => {
  let t: TestApp;
  let ts = 7000;
  beforeAll(async () => {
    t = await startTestApp('e2e-faults-contention');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());

  it('lets three go and puts seven on the waitlist, answers each in the feature’s words, and ends with a card matching the rows', async () => {
    const { event } = await postEvent(t, 'Crowded', 3);
    t.recorder.reset();
    const users = Array.from({ length: 10 }, (_, i) => `U8${String(i).padStart(4, '0')}`);
    const clicks = await Promise.all(
      users.map((user) =>
        t.app.request(blockAction(`event:going:T0001:C1:${event.id}`, { user, channel: 'C1', messageTs: event.messageId })),
      ),
    );
    expect(clicks.map((c) => c.status)).toEqual(users.map(() => 200));
    await t.deps.idle();

    const [saved, ...others] = await itemsOf(t.db, t.tableName, 'Event');
    expect(others).toEqual([]);
    const replies = t.recorder.callsTo('chat.postEphemeral');
    const told = replies.map((r) => String(r.body.text));
    // One summary first, so that a failure shows what each person heard beside what was saved.
    expect({
      going: saved.going.length,
      waitlist: saved.waitlist.length,
      replies: told.length,
      generic: told.filter((x) => x.includes(GENERIC)).length,
      conflict: told.filter((x) => x.includes('kept changing')).length,
    }).toEqual({ going: 3, waitlist: 7, replies: 10, generic: 0, conflict: 0 });
    expect([...saved.going, ...saved.waitlist].sort()).toEqual(users);
    expect(new Set(replies.map((r) => String(r.body.user)))).toEqual(new Set(users));
    expect(told.filter((x) => x.includes('You are going to *Crowded*'))).toHaveLength(3);
    const waitlisted = told.filter((x) => x.includes('*Crowded* is full: you are number'));
    expect(waitlisted).toHaveLength(7);
    // Each waiting person hears their own place, 1 to 7, once.
    expect(waitlisted.map((x) => Number(/number (\d+)/.exec(x)?.[1])).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const reply of replies.filter((r) => String(r.body.text).includes('number'))) {
      const position = Number(/number (\d+)/.exec(String(reply.body.text))?.[1]);
      expect(saved.waitlist[position - 1]).toBe(reply.body.user);
    }

    // The card is redrawn in place, never posted again, and its last drawing is the saved state.
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    const updates = t.recorder.callsTo('chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(10);
    expect(updates.every((u) => u.body.ts === event.messageId && u.body.channel === 'C1')).toBe(true);
    const card = String(updates.at(-1)?.body.text);
    expect(card).toContain(`Going (3/3): ${mentions(saved.going)}`);
    expect(card).toContain(`Waitlist (7): ${mentions(saved.waitlist)}`);
    expect(await itemsOf(t.db, t.tableName, 'Outbox')).toEqual([]);
    const counted = (await itemsOf(t.db, t.tableName, 'Member')).filter((m) => users.includes(m.userId));
    expect(counted.map((m) => m.act_rsvps)).toEqual(users.map(() => 1));
  }, 30_000);
});

describe('Faults: every Slack API call 1.6 s slower', () => {
  let t: TestApp;
  let ts = 9000;
  let delayMs: number | undefined;
  const slowly = (answer: RecordedAnswer): RecordedAnswer => (delayMs === undefined ? answer : { ...answer, delayMs });
  beforeAll(async () => {
    t = await startTestApp('e2e-faults-slow');
    const user = (call: RecordedCall) => ({ id: call.body.user, is_admin: false, is_owner: false });
    // Registered before the catch-all (the first matching suffix answers), each slowed like everything else.
    t.recorder
      .on('users.info', (call) => slowly({ body: { ok: true, user: user(call) } }))
      .on('views.open', () => slowly({ body: { ok: true, view: { id: 'V123' } } }))
      .on('chat.postMessage', (call) => slowly({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }))
      .on('', () => slowly({ body: { ok: true } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    await t.app.request(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
    delayMs = 1600;
  });
  afterAll(() => t.stop());
  const postsTo = (channel: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
  const answered: Record<string, number> = {};

  it('answers task, assign and celebrate inside Slack’s window, and their DMs and post still arrive', async () => {
    const task = await timed(t.app, slashCommand('task <@U2|maria> Print the flyers', as(COORDINATOR)));
    const assign = await timed(t.app, slashCommand('assign <@U3|ana> Communications lead', as(COORDINATOR)));
    const celebrate = await timed(t.app, slashCommand('celebrate We got the boiler fixed!', as('U4')));
    Object.assign(answered, { task: task.ms, assign: assign.ms, celebrate: celebrate.ms });
    expect(slackText(task.body)).toContain('Asked <@U2> to take: Print the flyers');
    expect(slackText(assign.body)).toContain('Asked <@U3> to lead *Communications*');
    expect(slackText(celebrate.body)).toContain('On its way to <#C1>');
    for (const reply of [task, assign, celebrate]) expect(reply.ms).toBeLessThan(SLACK_WINDOW_MS);
    await t.deps.idle();
    expect(postsTo('U2')).toHaveLength(1);
    expect(postsTo('U3')).toHaveLength(1);
    expect(postsTo('C1').filter((p) => String(p.body.text).includes('celebrates'))).toHaveLength(1);
    expect(await itemsOf(t.db, t.tableName, 'Outbox')).toEqual([]);
  }, 30_000);

  it('answers an event save and an RSVP inside Slack’s window, and the card is posted and redrawn', async () => {
    const { reply: saved, event } = await postEvent(t, 'Slow meeting');
    expect(saved.status).toBe(200);
    expect(event.messageId).toBe(`${ts}.0001`);
    const rsvp = await timed(
      t.app,
      blockAction(`event:going:T0001:C1:${event.id}`, { user: 'U5', channel: 'C1', messageTs: event.messageId }),
    );
    Object.assign(answered, { event: saved.ms, rsvp: rsvp.ms });
    expect(rsvp.status).toBe(200);
    expect(saved.ms).toBeLessThan(SLACK_WINDOW_MS);
    expect(rsvp.ms).toBeLessThan(SLACK_WINDOW_MS);
    await t.deps.idle();
    const [after] = (await itemsOf(t.db, t.tableName, 'Event')).filter((e) => e.id === event.id);
    expect(after.going).toEqual(['U5']);
    const updates = t.recorder.callsTo('chat.update').filter((u) => u.body.ts === event.messageId);
    expect(updates).toHaveLength(1);
    expect(String(updates[0]?.body.text)).toContain('Going (1): <@U5>');
    const told = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(told.filter((x) => x.includes('You are going to *Slow meeting*'))).toHaveLength(1);
    expect(await itemsOf(t.db, t.tableName, 'Outbox')).toEqual([]);
    console.log('answered (ms)', JSON.stringify(Object.fromEntries(Object.entries(answered).map(([k, v]) => [k, Math.round(v)]))));
  }, 30_000);
});
