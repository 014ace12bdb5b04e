import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import joined from '../fixtures/slack/member-joined-channel.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { discordCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slackRequest, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

/** A member_joined_channel event as Slack delivers it (a retry repeats the same event id). */
const joinEvent = (user: string, channel: string, eventId: string) =>
  JSON.stringify({ ...joined, event_id: eventId, event: { ...joined.event, user, channel } });

describe('Slack: welcoming newcomers and the ladder of engagement (stage 5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-expansion-slack');
    const send = sender(() => t.app);
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    await send(viewSubmission('story', { vision: 'Warm homes for every tenant' }, { user: COORDINATOR, channel: 'C1' }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const dmsTo = (user: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === user);

  it('welcomes someone joining the home channel by DM once, even when Slack retries the event', async () => {
    t.recorder.reset();
    const body = joinEvent('U7', 'C1', 'Ev0MJC0001');
    expect((await send(slackRequest(body, 'application/json'))).status).toBe(200);
    expect(
      (
        await send(
          slackRequest(body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
        )
      ).status,
    ).toBe(200);
    // Leaving and joining again is a new event, and still no second welcome.
    await send(slackRequest(joinEvent('U7', 'C1', 'Ev0MJC0002'), 'application/json'));
    const dms = dmsTo('U7');
    expect(dms).toHaveLength(1);
    expect(String(dms[0]?.body.text)).toContain('Welcome to *Green Street Tenants*');
    expect(String(dms[0]?.body.text)).toContain('Warm homes for every tenant');
    expect((await items('Community'))[0].welcomedCount).toBe(1);
  });

  it('ignores joins of other channels', async () => {
    t.recorder.reset();
    await send(slackRequest(joinEvent('U8', 'C9', 'Ev0MJC0003'), 'application/json'));
    expect(dmsTo('U8')).toHaveLength(0);
  });

  it('welcomes on `/community join` too, once', async () => {
    t.recorder.reset();
    expect(slackText((await send(slashCommand('join', as('U8')))).body)).toContain('I sent you our welcome');
    expect(slackText((await send(slashCommand('join', as('U8')))).body)).toContain('already in');
    expect(dmsTo('U8')).toHaveLength(1);
  });

  it('moves a member up the ladder once they accept and finish a task, and tells leaders who is ready for an ask', async () => {
    const ladder = async (user: string) => slackText((await send(slashCommand('ladder', as(user)))).body);
    expect(await ladder('U8')).toContain('*Newcomer*: 2');
    expect(await ladder('U8')).not.toContain('meet them');
    expect(await ladder(COORDINATOR)).toContain('<@U8> (Newcomer): meet them one-on-one');
    await send(slashCommand('task <@U8|olga> Print the flyers', as(COORDINATOR)));
    const [task] = await items('Task');
    await send(blockAction(`task:accept:T0001:C1:${task.id}`, { user: 'U8', channel: 'D8' }));
    expect(await ladder('U8')).toContain('*Participant*: 1');
    await send(blockAction(`task:done:T0001:C1:${task.id}`, { user: 'U8', channel: 'D8' }));
    const after = await ladder('U8');
    expect(after).toContain('*Contributor*: 1');
    expect(after).toContain('*Newcomer*: 1');
    const member = (await items('Member')).find((m) => m.userId === 'U8');
    expect(member).toMatchObject({ act_tasksAccepted: 1, act_tasksDone: 1 });
  });

  it('lets leaders name the rungs, which defines the ladder and completes stage 5 with a welcome', async () => {
    t.recorder.reset();
    await send(blockAction('ladder:edit', { user: COORDINATOR, channel: 'C1' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.blocks.map((b: any) => b.element.initial_value)).toEqual(['Newcomer', 'Participant', 'Contributor', 'Leader']);
    await send(
      viewSubmission(
        'ladder',
        { newcomer: 'Neighbour', participant: 'Regular', contributor: 'Organizer', leader: 'Leader' },
        { user: COORDINATOR, channel: 'C1' },
      ),
    );
    expect((await items('Community'))[0].ladder).toEqual(['Neighbour', 'Regular', 'Organizer', 'Leader']);
    expect(slackText((await send(slashCommand('ladder', as('U8')))).body)).toContain('*Organizer*: 1');
    expect(slackText((await send(slashCommand('status', as('U8')))).body)).toContain('✅ 5. *Expansion system*: done');
  });
});

describe('Discord: join', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-expansion-discord');
    t.recorder.on('/users/@me/channels', () => ({ body: { id: 'DM1' } })).on('/messages', () => ({ body: { id: '1' } }));
  });
  afterAll(() => t.stop());

  it('welcomes a member who joins by command, by DM', async () => {
    await t.app.request(discordCommand('setup', { name: 'Riverside' }));
    const res = await t.app.request(discordCommand('join', {}, { user: '777777777777777777' }));
    expect(JSON.parse(await res.text()).data.content).toContain('I sent you our welcome');
    // The newcomer gets the welcome; the coordinator (who ran setup) is told they joined.
    const recipients = t.recorder.callsTo('/users/@me/channels').map((c) => c.body.recipient_id);
    expect(recipients.sort()).toEqual(['333333333333333333', '777777777777777777']);
    const bodies = t.recorder.callsTo('/messages').map((c) => JSON.stringify(c.body));
    expect(bodies.filter((b) => b.includes('Welcome to **Riverside**'))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes('<@777777777777777777> has just joined **Riverside**'))).toHaveLength(1);
  });
});
