import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import eventCallback from '../fixtures/slack/event-callback.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { itemsOf, slackRepeater } from '../support/faults.ts';
import { sender } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { blockAction, slackRequest, slashCommand, viewSubmission } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
/** Opens her Home tab once, at the start. */
const MARIA = 'U2';
/** Never opens his. */
const OLEG = 'U3';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

let events = 0;
/** `app_home_opened` as Slack sends it for the Home tab. */
function homeOpened(user: string): Request {
  const body = structuredClone(eventCallback) as Record<string, any>;
  body.event_id = `Ev0FOLLOW${++events}`;
  body.event = { ...body.event, user, tab: 'home' };
  return slackRequest(JSON.stringify(body), 'application/json');
}

const viewOf = (call: RecordedCall) => (typeof call.body.view === 'string' ? JSON.parse(call.body.view) : call.body.view);
const textOf = (call: RecordedCall | undefined): string =>
  call
    ? viewOf(call)
        .blocks.map((b: any) => [b.text?.text ?? '', ...(b.elements ?? []).map((e: any) => e.text?.text ?? e.text ?? '')].join(' '))
        .join('\n')
    : '';

describe('Slack App Home follows what changes for a person who opened it', () => {
  let t: TestApp;
  const send = sender(() => t.app);
  const publishedTo = (user: string) => t.recorder.callsTo('views.publish').filter((c) => c.body.user_id === user);
  const dmsTo = (user: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === user);
  const profiles = () => itemsOf(t.db, t.tableName, 'Profile');

  beforeAll(async () => {
    t = await startTestApp('e2e-home-follows');
    t.recorder.on('views.publish', () => ({ body: { ok: true, view: { id: 'V0PKB1ZFV' } } }));
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  // One redraw per person and minute is enough: each test starts in a minute of its own.
  beforeEach(() => {
    testClock.advance(61_000);
    t.recorder.reset();
  });

  it('opening the Home tab marks the person once; opening it again keeps the first time', async () => {
    expect((await send(homeOpened(MARIA))).status).toBe(200);
    expect(publishedTo(MARIA)).toHaveLength(1);
    const [marked] = (await profiles()).filter((p) => p.userId === MARIA);
    expect(Math.abs(Date.parse(marked.homeAt) - testClock.now().getTime())).toBeLessThan(10_000);
    testClock.advance(61_000);
    await send(homeOpened(MARIA));
    expect((await profiles()).find((p) => p.userId === MARIA).homeAt).toBe(marked.homeAt);
    expect((await profiles()).find((p) => p.userId === OLEG)).toBeUndefined();
  });

  it('a task a leader offers in the channel reaches her Home, once, even when Slack retries the command', async () => {
    const again = await slackRepeater(slashCommand(`task <@${MARIA}|maria> Print the flyers by friday`, as(COORDINATOR)));
    await send(again());
    expect(dmsTo(MARIA)).toHaveLength(1);
    const published = publishedTo(MARIA);
    expect(published).toHaveLength(1);
    expect(textOf(published[0])).toContain('asks you to take *Print the flyers*');
    // The leader, who never opened their Home, gets nothing published for their own command.
    expect(publishedTo(COORDINATOR)).toHaveLength(0);
    await send(again(1));
    expect(dmsTo(MARIA)).toHaveLength(1);
    expect(publishedTo(MARIA)).toHaveLength(1);
    expect(await itemsOf(t.db, t.tableName, 'Outbox')).toEqual([]);
  });

  it('someone who never opened their Home gets the offer by DM and no view, and no redraw is even handed over', async () => {
    await send(slashCommand(`task <@${OLEG}|oleg> Call the landlord`, as(COORDINATOR)));
    expect(dmsTo(OLEG)).toHaveLength(1);
    expect(t.recorder.callsTo('views.publish')).toHaveLength(0);
    const markers = (await itemsOf(t.db, t.tableName, 'OutboxAdded')).map((m) => String(m.pk));
    expect(markers.filter((pk) => pk.includes(`~${MARIA}.`))).toHaveLength(1);
    expect(markers.filter((pk) => pk.includes(`~${OLEG}.`))).toHaveLength(0);
  });

  it('a stand-up prompt redraws her Home with today’s stand-up open, and nobody else’s', async () => {
    await send(
      viewSubmission(
        'standup',
        { name: 'Daily', when: 'daily 09:00 UTC', questions: 'Done?\nNext?' },
        { user: COORDINATOR, channel: 'C1', selects: { participants: 'optin', delivery: 'dm' } },
      ),
    );
    await send(slashCommand('standup join', as(MARIA)));
    await send(slashCommand('standup join', as(OLEG)));
    testClock.advance(61_000);
    t.recorder.reset();
    await send(slashCommand('standup now', as(COORDINATOR)));
    expect(dmsTo(MARIA).length).toBeGreaterThan(0);
    expect(dmsTo(OLEG).length).toBeGreaterThan(0);
    const published = publishedTo(MARIA);
    expect(published).toHaveLength(1);
    expect(textOf(published[0])).toContain('*Daily* is open');
    expect(publishedTo(OLEG)).toHaveLength(0);
  });

  it('several changes for her in one minute, and a delivery run again, publish her Home once', async () => {
    await send(slashCommand(`task <@${MARIA}|maria> Book the hall`, as(COORDINATOR)));
    await send(slashCommand(`task <@${MARIA}|maria> Bring chairs`, as(COORDINATOR)));
    expect(dmsTo(MARIA)).toHaveLength(2);
    expect(publishedTo(MARIA)).toHaveLength(1);
    // The worker's own messenger, as a repeated delivery would use it, in the same minute: nothing more.
    await t.deps.work.messenger.notifyMember({ platform: 'slack', id: 'T0001' }, MARIA, { text: 'again', blocks: [] });
    await t.deps.idle();
    await t.deps.wakeOutbox();
    expect(publishedTo(MARIA)).toHaveLength(1);
  });

  it('her RSVP on the card in the channel redraws her Home; the leader cancelling the event redraws it without the event', async () => {
    await send(viewSubmission('event', { title: 'Tenant meeting', when: 'in 3 days 18:00', place: 'Hall' }, { user: COORDINATOR }));
    const [event] = await itemsOf(t.db, t.tableName, 'Event');
    testClock.advance(61_000);
    t.recorder.reset();
    await send(blockAction(`event:going:T0001:C1:${event.id}`, { user: MARIA, channel: 'C1' }));
    expect((await itemsOf(t.db, t.tableName, 'Event'))[0].going).toEqual([MARIA]);
    expect(publishedTo(MARIA)).toHaveLength(1);
    expect(textOf(publishedTo(MARIA)[0])).toMatch(/\*Tenant meeting\*[\s\S]*You are going\./);
    testClock.advance(61_000);
    t.recorder.reset();
    await send(blockAction(`event:cancel:T0001:C1:${event.id}`, { user: COORDINATOR, channel: 'C1' }));
    expect((await itemsOf(t.db, t.tableName, 'Event'))[0].cancelledAt).toBeDefined();
    expect(dmsTo(MARIA)).toHaveLength(1);
    expect(publishedTo(MARIA)).toHaveLength(1);
    expect(textOf(publishedTo(MARIA)[0])).not.toContain('Tenant meeting');
  });

  it('her own command in a DM redraws her Home: the task she accepts shows with Done', async () => {
    const hall = (await itemsOf(t.db, t.tableName, 'Task')).find((task) => task.title === 'Book the hall');
    await send(blockAction(`task:accept:T0001:C1:${hall.id}`, { user: MARIA, channel: 'D2' }));
    expect((await itemsOf(t.db, t.tableName, 'Task')).find((task) => task.id === hall.id).status).toBe('accepted');
    const published = publishedTo(MARIA);
    expect(published).toHaveLength(1);
    expect(viewOf(published[0] as RecordedCall).blocks.flatMap((b: any) => (b.elements ?? []).map((e: any) => e.action_id))).toContain(
      `task:done:T0001:C1:${hall.id}`,
    );
    // A read-only command of hers (status) redraws nothing.
    t.recorder.reset();
    await send(slashCommand('status', as(MARIA)));
    expect(publishedTo(MARIA)).toHaveLength(0);
  });
});
