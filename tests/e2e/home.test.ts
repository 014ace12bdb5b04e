import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import homeClick from '../fixtures/slack/block-actions-home.json' with { type: 'json' };
import eventCallback from '../fixtures/slack/event-callback.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { itemsOf, slackRepeater } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { blockAction, newTriggerId, slackRequest, slashCommand, viewSubmission } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const MEMBER = 'U2';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

let events = 0;
/** `app_home_opened` as Slack sends it: the Home tab, with the view published before (`view`) or none yet. */
function homeOpened(user: string, opts: { team?: string; tab?: 'home' | 'messages'; withView?: boolean } = {}): Request {
  const body = structuredClone(eventCallback) as Record<string, any>;
  body.team_id = opts.team ?? 'T0001';
  body.authorizations[0].team_id = body.team_id;
  body.event_id = `Ev0HOME${++events}`;
  body.event = { ...body.event, user, tab: opts.tab ?? 'home' };
  if (opts.withView) body.event.view = { ...structuredClone(homeClick.view), team_id: body.team_id };
  return slackRequest(JSON.stringify(body), 'application/json');
}

/** A button pressed on the person's Home tab: `container.type: 'view'`, `view.type: 'home'`, no channel. */
function clickOnHome(actionId: string, user: string): Request {
  const payload = structuredClone(homeClick) as Record<string, any>;
  payload.trigger_id = newTriggerId();
  payload.user.id = user;
  payload.actions[0].action_id = actionId;
  payload.actions[0].value = actionId;
  return slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/** The Home views that reached Slack for one person, as published (JSON body of views.publish). */
const viewOf = (call: RecordedCall) => (typeof call.body.view === 'string' ? JSON.parse(call.body.view) : call.body.view);
const textsOf = (view: any): string =>
  view.blocks
    .map((b: any) => [b.text?.text ?? '', ...(b.elements ?? []).map((e: any) => e.text?.text ?? e.text ?? '')].join(' '))
    .join('\n');
const buttonIds = (view: any): string[] =>
  view.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements.map((e: any) => e.action_id) : []));

describe('Slack App Home: each person’s own tasks, offers, stand-ups and decisions, with the usual buttons', () => {
  let t: TestApp;
  let publishFails = 0;
  beforeAll(async () => {
    t = await startTestApp('e2e-home');
    t.recorder.on('views.publish', () =>
      publishFails-- > 0
        ? { status: 500, body: { ok: false, error: 'internal_error' } }
        : { body: { ok: true, view: { id: 'V0PKB1ZFV' } } },
    );
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const publishedTo = (user: string) => t.recorder.callsTo('views.publish').filter((c) => c.body.user_id === user);
  const tasks = () => itemsOf(t.db, t.tableName, 'Task');

  it('shows the member’s accepted task with Done and Hand back, an offered one with Accept and Decline, and today’s stand-up', async () => {
    await send(slashCommand(`task <@${MEMBER}|maria> Print the flyers by friday`, as(COORDINATOR)));
    await send(slashCommand(`task <@${MEMBER}|maria> Call the landlord`, as(COORDINATOR)));
    const printing = (await tasks()).find((task) => task.title === 'Print the flyers');
    await send(blockAction(`task:accept:T0001:C1:${printing.id}`, { user: MEMBER, channel: 'D2' }));
    await send(
      viewSubmission(
        'standup',
        { name: 'Daily', when: 'daily 09:00 UTC', questions: 'Done?\nNext?' },
        { user: COORDINATOR, channel: 'C1', selects: { participants: 'optin', delivery: 'channel' } },
      ),
    );
    await send(slashCommand('standup join', as(MEMBER)));
    await send(slashCommand('standup now', as(COORDINATOR)));
    t.recorder.reset();

    const opened = await send(homeOpened(MEMBER));
    expect(opened.status).toBe(200);
    const [publish] = publishedTo(MEMBER);
    expect(publish?.body.user_id).toBe(MEMBER);
    const view = viewOf(publish as RecordedCall);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = textsOf(view);
    expect(text).toContain('Green Street Tenants');
    expect(text).toContain('*My open tasks*');
    expect(text).toContain('*Print the flyers*');
    expect(text).toContain('<@U2147483697> asks you to take *Call the landlord*');
    expect(text).toContain('*Daily* is open');
    const calling = (await tasks()).find((task) => task.title === 'Call the landlord');
    const run = (await itemsOf(t.db, t.tableName, 'StandupRun'))[0];
    expect(buttonIds(view)).toEqual(
      expect.arrayContaining([
        `task:done:T0001:C1:${printing.id}`,
        `task:handBack:T0001:C1:${printing.id}`,
        `task:accept:T0001:C1:${calling.id}`,
        `task:decline:T0001:C1:${calling.id}`,
        `standup:answer:T0001:C1:${run.id}`,
      ]),
    );
    // The event was answered at once; the view went out through the outbox, which is empty again.
    expect(await itemsOf(t.db, t.tableName, 'Outbox')).toEqual([]);
  });

  it('opening the Messages tab publishes nothing', async () => {
    t.recorder.reset();
    expect((await send(homeOpened(MEMBER, { tab: 'messages' }))).status).toBe(200);
    expect(t.recorder.callsTo('views.publish')).toHaveLength(0);
  });

  it('Done on the Home tab marks the task done and publishes the Home again without it, the answer on top', async () => {
    const printing = (await tasks()).find((task) => task.title === 'Print the flyers');
    t.recorder.reset();
    const again = await slackRepeater(clickOnHome(`task:done:T0001:C1:${printing.id}`, MEMBER));
    const click = await send(again());
    expect(click.status).toBe(200);
    expect((await tasks()).find((task) => task.id === printing.id).status).toBe('done');
    const published = publishedTo(MEMBER);
    expect(published).toHaveLength(1);
    const view = viewOf(published[0] as RecordedCall);
    expect(buttonIds(view)).not.toContain(`task:done:T0001:C1:${printing.id}`);
    expect(view.blocks[0].type).toBe('context');
    expect(textsOf(view).split('\n')[0]).toContain('Print the flyers');
    expect(textsOf(view).split('\n').slice(1).join('\n')).not.toContain('*Print the flyers*');
    // No channel to answer in: nothing is posted besides the Home view and the leader's notice.
    expect(t.recorder.callsTo('chat.postEphemeral')).toHaveLength(0);
    // The same click again (Slack's retry of the interaction) changes nothing and publishes nothing twice.
    expect((await send(again(1))).status).toBe(200);
    expect((await tasks()).filter((task) => task.status === 'done')).toHaveLength(1);
    expect(publishedTo(MEMBER)).toHaveLength(1);
  });

  it('refuses someone else’s task from the Home tab, changing nothing, and says so on their Home', async () => {
    const calling = (await tasks()).find((task) => task.title === 'Call the landlord');
    t.recorder.reset();
    await send(clickOnHome(`task:accept:T0001:C1:${calling.id}`, 'U9'));
    expect((await tasks()).find((task) => task.id === calling.id).status).toBe('proposed');
    const [publish] = publishedTo('U9');
    expect(textsOf(viewOf(publish as RecordedCall)).split('\n')[0]).toMatch(/not yours|someone else/i);
    // A button id naming another workspace's community changes nothing either: the task is gone, as far as they can tell.
    t.recorder.reset();
    await send(clickOnHome(`task:done:T9999:C1:${calling.id}`, MEMBER));
    expect((await tasks()).find((task) => task.id === calling.id).status).toBe('proposed');
    expect(textsOf(viewOf(publishedTo(MEMBER)[0] as RecordedCall)).split('\n')[0]).toContain('already moved on');
  });

  it('shows a coming event with the member’s answer; Going on the Home tab records it and redraws the Home', async () => {
    await send(viewSubmission('event', { title: 'Tenant meeting', when: 'in 3 days 18:00', place: 'Hall' }, { user: COORDINATOR }));
    const [event] = await itemsOf(t.db, t.tableName, 'Event');
    t.recorder.reset();
    await send(homeOpened(MEMBER, { withView: true }));
    const before = viewOf(publishedTo(MEMBER)[0] as RecordedCall);
    expect(textsOf(before)).toMatch(/\*Tenant meeting\*[^\n]*Hall[\s\S]*You have not answered yet/);
    expect(buttonIds(before)).toContain(`event:going:T0001:C1:${event.id}`);
    t.recorder.reset();
    await send(clickOnHome(`event:going:T0001:C1:${event.id}`, MEMBER));
    expect((await itemsOf(t.db, t.tableName, 'Event'))[0].going).toEqual([MEMBER]);
    const after = textsOf(viewOf(publishedTo(MEMBER)[0] as RecordedCall));
    expect(after.split('\n')[0]).toContain('You are going to *Tenant meeting*');
    expect(after).toContain('You are going.');
  });

  it('Decline on the Home tab opens the same modal; its submission declines the task and redraws the Home', async () => {
    const calling = (await tasks()).find((task) => task.title === 'Call the landlord');
    t.recorder.reset();
    await send(clickOnHome(`task:decline:T0001:C1:${calling.id}`, MEMBER));
    const [opened] = t.recorder.callsTo('views.open');
    const modal = viewOf({ ...(opened as RecordedCall), body: { view: (opened as RecordedCall).body.view } } as RecordedCall);
    expect(modal.callback_id).toBe('task.decline');
    expect(publishedTo(MEMBER)).toHaveLength(0);
    // Slack sends the modal's private_metadata back with the submission, as we set it.
    const meta = JSON.parse(modal.private_metadata);
    const submission = viewSubmission(
      'task.decline',
      { reason: 'No time this month' },
      { user: MEMBER, channel: meta.channelId, state: meta.state },
    );
    const payload = JSON.parse(new URLSearchParams(await submission.text()).get('payload') ?? '{}');
    payload.view.private_metadata = modal.private_metadata;
    await send(slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'));
    expect((await tasks()).find((task) => task.id === calling.id)).toMatchObject({ status: 'declined', reason: 'No time this month' });
    const view = viewOf(publishedTo(MEMBER)[0] as RecordedCall);
    expect(buttonIds(view)).not.toContain(`task:accept:T0001:C1:${calling.id}`);
    expect(t.recorder.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('shows the leaders’ part (the seven-stage board, roles without a lead) to the coordinator, when a view was published before', async () => {
    await send(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
    t.recorder.reset();
    await send(homeOpened(COORDINATOR, { withView: true }));
    const text = textsOf(viewOf(publishedTo(COORDINATOR)[0] as RecordedCall));
    expect(text).toContain('For leaders');
    expect(text).toContain('where we are');
    expect(text).toMatch(/Roles without a lead:\* .*Outreach/);
  });

  it('explains how to start to someone in a workspace with no community', async () => {
    t.recorder.reset();
    await send(homeOpened('U5', { team: 'T0002' }));
    const [publish] = publishedTo('U5');
    expect(publish).toBeDefined();
    const text = textsOf(viewOf(publish as RecordedCall));
    expect(text).toContain('not in an Organizer community');
    expect(text).toContain('/community setup');
  });

  it('speaks Russian to someone who chose Russian', async () => {
    await send(slashCommand('lang me ru', as('U3')));
    t.recorder.reset();
    await send(homeOpened('U3'));
    const text = textsOf(viewOf(publishedTo('U3')[0] as RecordedCall));
    expect(text).toContain('*Скоро (ближайшие 14 дней)*');
    expect(text).toContain('Вы ещё не ответили.');
    expect(text).not.toMatch(/Coming up|You have not answered/);
  });

  it('keeps a view Slack failed (500) in the outbox and publishes it once after the backoff', async () => {
    t.recorder.reset();
    publishFails = 1;
    await send(homeOpened(MEMBER));
    expect(publishedTo(MEMBER)).toHaveLength(1);
    const [waiting] = await itemsOf(t.db, t.tableName, 'Outbox');
    expect(waiting).toMatchObject({ attempts: 1 });
    expect(JSON.parse(waiting.job)).toMatchObject({ kind: 'home.publish', userId: MEMBER });
    await t.deps.wakeOutbox();
    expect(publishedTo(MEMBER)).toHaveLength(1);
    testClock.set(new Date(Date.parse(waiting.readyAt) + 1000));
    await t.deps.wakeOutbox();
    expect(publishedTo(MEMBER)).toHaveLength(2);
    expect(await itemsOf(t.db, t.tableName, 'Outbox')).toEqual([]);
    testClock.advance(3_600_000);
    await t.deps.wakeOutbox();
    expect(publishedTo(MEMBER)).toHaveLength(2);
    expect(slackText({ blocks: viewOf(publishedTo(MEMBER)[1] as RecordedCall).blocks })).toContain('Tenant meeting');
  });
});
