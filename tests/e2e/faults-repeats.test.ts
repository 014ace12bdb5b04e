import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand } from '../support/discord.ts';
import { discordRepeater, itemsOf, slackRepeater } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand, viewSubmission } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

describe('Faults: a repeated Slack interaction changes nothing twice', () => {
  let t: TestApp;
  let ts = 3000;
  beforeAll(async () => {
    t = await startTestApp('e2e-faults-repeats-slack');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = (entity: string) => itemsOf(t.db, t.tableName, entity);
  const postsTo = (channel: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

  it('takes a `task` slash command delivered three times (two Slack retries) as one task, one DM, three identical replies', async () => {
    t.recorder.reset();
    const again = await slackRepeater(slashCommand('task <@U2|maria> Print the flyers', as(COORDINATOR)));
    const replies = [];
    for (const retry of [0, 1, 2]) replies.push(await send(again(retry)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(slackText(replies[0]?.body)).toContain('Asked <@U2> to take: Print the flyers');
    expect(replies[1]?.body).toEqual(replies[0]?.body);
    expect(replies[2]?.body).toEqual(replies[0]?.body);
    const tasks = await items('Task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: 'Print the flyers', ownerId: 'U2', status: 'proposed' });
    expect(postsTo('U2')).toHaveLength(1);
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await items('Outbox')).toEqual([]);
  });

  it('takes an event modal submitted three times as one event and one card in the channel', async () => {
    t.recorder.reset();
    const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 3 }).toISODate();
    const again = await slackRepeater(
      viewSubmission(
        'event',
        { title: 'Tenants meeting', place: 'Hall', capacity: '20' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: Date.parse(`${day}T18:00:00Z`) / 1000 } } },
      ),
    );
    const replies = [];
    for (const retry of [0, 1, 2]) replies.push(await send(again(retry)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const events = await items('Event');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ title: 'Tenants meeting', capacity: 20, messageId: `${ts}.0001` });
    expect(postsTo('C1')).toHaveLength(1);
    expect((await items('Community'))[0].eventCount).toBe(1);
    // Each delivery of the submission hears the first answer again: a reply, not an effect.
    const told = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(told).toHaveLength(3);
    expect(new Set(told).size).toBe(1);
    expect(told[0]).toContain('Tenants meeting');
    expect(await items('Outbox')).toEqual([]);
  });

  it('counts a `celebrate` retried by Slack once (0 → 1) and posts it once', async () => {
    t.recorder.reset();
    expect((await items('Community'))[0].celebrationCount ?? 0).toBe(0);
    const again = await slackRepeater(slashCommand('celebrate 23 neighbours came to the meeting!', as('U2')));
    const first = await send(again());
    const retried = await send(again(1));
    expect(retried.body).toEqual(first.body);
    expect((await items('Community'))[0].celebrationCount).toBe(1);
    const posts = postsTo('C1');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toContain('<@U2> celebrates: 23 neighbours came');
    expect(await items('Outbox')).toEqual([]);
  });

  it('keeps one interaction record per interaction, each answered', async () => {
    const records = await items('Interaction');
    // setup, task, event, celebrate.
    expect(records).toHaveLength(4);
    expect(records.every((r) => r.state === 'done')).toBe(true);
  });
});

describe('Faults: a repeated Discord interaction changes nothing twice', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-faults-repeats-discord');
    t.recorder
      .on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } }))
      .on('/messages', () => ({ body: { id: '900000000000000001' } }));
    await t.app.request(discordCommand('setup', { name: 'Riverside' }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse((await res.text()) || '{}') };
  };

  it('takes a `task` interaction delivered twice (same id) as one task and one DM', async () => {
    t.recorder.reset();
    const again = await discordRepeater(discordCommand('task', { user: '444444444444444444', what: 'Book the hall' }));
    const first = await send(again());
    const second = await send(again());
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.data.content).toContain('Asked <@444444444444444444> to take: Book the hall');
    expect(second.body).toEqual(first.body);
    const tasks = await itemsOf(t.db, t.tableName, 'Task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: 'Book the hall', ownerId: '444444444444444444', status: 'proposed' });
    expect(t.recorder.callsTo('/channels/999/messages').filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(await itemsOf(t.db, t.tableName, 'Outbox')).toEqual([]);
  });
});
