import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import homeClick from '../fixtures/slack/block-actions-home.json' with { type: 'json' };
import eventCallback from '../fixtures/slack/event-callback.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordText } from '../support/coalitions.ts';
import { discordCommand, discordGroupCommand } from '../support/discord.ts';
import { itemsOf } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { newTriggerId, slackRequest, slashCommand } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** A community at home on Discord (server GUILD, channel HOME); the Slack workspace T0001 becomes its place. */
const GUILD = '666666666666666681';
const HOME = '888888888888888881';
const ADMIN = '700000000000000031';
const TEAM = 'T0001';
const PLACE = 'C1';
/** A Slack workspace admin (the test recorder's users.info says so), and a member there. */
const SLACK_ADMIN = 'UADMIN';
const MARIA = 'U2';
const CODE = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/;
const NAME = 'Harbour Tenants';

const discord = (user = ADMIN, permissions = '8') => ({ guild: GUILD, channel: HOME, user, permissions });
const slack = (user: string) => ({ team_id: TEAM, channel_id: PLACE, user_id: user });

let events = 0;
function homeOpened(user: string): Request {
  const body = structuredClone(eventCallback) as Record<string, any>;
  body.event_id = `Ev0LINKED${++events}`;
  body.event = { ...body.event, user, tab: 'home' };
  return slackRequest(JSON.stringify(body), 'application/json');
}

/** A button pressed on the person's Home tab in the Slack place. */
function clickOnHome(actionId: string, user: string): Request {
  const payload = structuredClone(homeClick) as Record<string, any>;
  payload.trigger_id = newTriggerId();
  payload.user.id = user;
  payload.actions[0].action_id = actionId;
  payload.actions[0].value = actionId;
  return slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

const viewOf = (call: RecordedCall) => (typeof call.body.view === 'string' ? JSON.parse(call.body.view) : call.body.view);
const textOf = (call: RecordedCall | undefined): string =>
  call
    ? viewOf(call)
        .blocks.map((b: any) => [b.text?.text ?? '', ...(b.elements ?? []).map((e: any) => e.text?.text ?? e.text ?? '')].join(' '))
        .join('\n')
    : '';
const buttonIds = (call: RecordedCall | undefined): string[] =>
  call ? viewOf(call).blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements.map((e: any) => e.action_id) : [])) : [];

describe('The Home of a person in a Slack workspace linked to a community at home on Discord', () => {
  let t: TestApp;
  const send = sender(() => t.app);
  let nextMessage = 940000000000000000n;
  const publishedTo = (user: string) => t.recorder.callsTo('views.publish').filter((c) => c.body.user_id === user);
  const tasks = () => itemsOf(t.db, t.tableName, 'Task');

  beforeAll(async () => {
    t = await startTestApp('e2e-home-linked');
    t.recorder
      .on('views.publish', () => ({ body: { ok: true, view: { id: 'V0PKB1ZFV' } } }))
      .on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } }))
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }));
    await send(discordCommand('setup', { name: NAME }, discord()));
    const invited = await send(discordGroupCommand('link', 'invite', {}, discord()));
    const code = CODE.exec(discordText(invited.body))?.[1] ?? '';
    const joined = await send(slashCommand(`link ${code}`, slack(SLACK_ADMIN)));
    expect(slackText(joined.body)).toContain(NAME);
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    testClock.advance(61_000);
    t.recorder.reset();
  });

  it('shows the community of the place, with the task offered to her from the Slack channel and its buttons', async () => {
    await send(slashCommand(`task <@${MARIA}|maria> Paint the banner`, slack(SLACK_ADMIN)));
    const [task] = await tasks();
    expect(task).toMatchObject({ ownerId: MARIA, pk: `discord#${GUILD}` });
    t.recorder.reset();
    expect((await send(homeOpened(MARIA))).status).toBe(200);
    const [view] = publishedTo(MARIA);
    expect(textOf(view)).toContain(NAME);
    expect(textOf(view)).toContain('*Paint the banner*');
    expect(textOf(view)).not.toContain('not in an Organizer community');
    expect(buttonIds(view)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^task:accept:.*${task.id}$`))]));
  });

  it('Accept on that Home takes the task at the community’s home and redraws the Home with Done', async () => {
    const [task] = await tasks();
    t.recorder.reset();
    await send(homeOpened(MARIA));
    const [view] = publishedTo(MARIA);
    const accept = buttonIds(view).find((id) => id.startsWith('task:accept:') && id.endsWith(task.id)) ?? '';
    t.recorder.reset();
    expect((await send(clickOnHome(accept, MARIA))).status).toBe(200);
    expect((await tasks())[0].status).toBe('accepted');
    const after = publishedTo(MARIA).at(-1);
    expect(textOf(after).split('\n')[0]).toContain('Paint the banner');
    expect(buttonIds(after)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^task:done:.*${task.id}$`))]));
  });

  it('a task offered to her afterwards reaches her Home in the place by itself, drawn from the community’s home', async () => {
    await send(slashCommand(`task <@${MARIA}|maria> Fix the door`, slack(SLACK_ADMIN)));
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === MARIA)).toHaveLength(1);
    const published = publishedTo(MARIA);
    expect(published).toHaveLength(1);
    expect(textOf(published[0])).toContain(NAME);
    expect(textOf(published[0])).toContain('asks you to take *Fix the door*');
    expect(textOf(published[0])).toContain('*Paint the banner*');
    // Her mark is kept in the workspace where her Home is.
    const marks = (await itemsOf(t.db, t.tableName, 'Profile')).filter((p) => p.homeAt);
    expect(marks.map((p) => [p.pk, p.userId])).toEqual([[`slack#${TEAM}`, MARIA]]);
  });
});
