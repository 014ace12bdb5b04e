import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { tickAt } from '../support/clock.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const ZONE = 'Europe/Moscow';

describe('Slack: a stand-up from schedule to summary', () => {
  let t: TestApp;
  let ts = 1000;
  beforeAll(async () => {
    t = await startTestApp('e2e-standups-slack');
    // Every post gets its own timestamp, as Slack gives one; threads and edits refer to it.
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.000100` } }));
    await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const tick = async (at: Date) => {
    return tickAt(t.deps, at);
  };
  const posts = (channel?: string) => t.recorder.callsTo('chat.postMessage').filter((c) => !channel || c.body.channel === channel);

  it('lets only leaders schedule, with a modal in the community’s language', async () => {
    expect(slackText((await send(slashCommand('standup set', as('U2')))).body)).toContain('Only leaders');
    t.recorder.reset();
    await send(slashCommand('standup set', as(COORDINATOR)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('standup');
    // Days and time are Slack pickers, with the zone and the summary window beside them.
    expect(view.blocks.map((b: any) => b.block_id)).toEqual([
      'name',
      'when',
      'at',
      'zone',
      'window',
      'questions',
      'participants',
      'delivery',
    ]);
    expect(view.blocks.slice(1, 3).map((b: any) => b.element.type)).toEqual(['checkboxes', 'timepicker']);
    expect(view.blocks[5].element.initial_value).toContain('What did you do for the community since last time?');
    expect(view.blocks[6].element.type).toBe('static_select');
  });

  it('refuses days and times it cannot read, field by field, and saves nothing', async () => {
    const res = await send(
      // Slack's day checkboxes and time picker send what was ticked and picked; the zone beside them is typed.
      viewSubmission(
        'standup',
        { name: 'Weekly', zone: 'somewhere soonish', questions: 'A?' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { days: ['mon'] }, at: { time: '09:30' } } },
      ),
    );
    expect(res.body.errors.when).toContain('could not read the days and time');
    expect(await items('StandupSchedule')).toEqual([]);
  });

  it('saves a schedule and puts its next run in the due index at that minute', async () => {
    const res = await send(
      viewSubmission(
        'standup',
        { name: 'Weekly', zone: ZONE, questions: 'What did you do?\nWhat next?\nWhere do you need help?' },
        {
          user: COORDINATOR,
          channel: 'C1',
          selects: { participants: 'optin', delivery: 'channel' },
          pickers: { when: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] }, at: { time: '09:30' } },
        },
      ),
    );
    expect(res.status).toBe(200);
    const [schedule] = await items('StandupSchedule');
    expect(schedule).toMatchObject({
      id: 'weekly',
      days: [1, 2, 3, 4, 5],
      time: '09:30',
      zone: ZONE,
      participants: 'optin',
      delivery: 'channel',
    });
    const [due] = await items('Due');
    const at = DateTime.fromISO(`${due.minute}`, { zone: 'UTC' }).setZone(ZONE);
    expect(at.toFormat('HH:mm')).toBe('09:30');
    expect(at.weekday).toBeLessThanOrEqual(5);
    // Sharded by key, ordered by minute: the tick's range read up to now finds it however late it runs.
    expect(due.gsi1pk).toMatch(/^DUE#\d{2}$/);
    expect(String(due.gsi1sk).startsWith(`${due.minute}#`)).toBe(true);
  });

  it('lets members join and step away', async () => {
    for (const user of ['U2', 'U3', 'U4'])
      expect(slackText((await send(slashCommand('standup join', as(user)))).body)).toContain('You take part in');
    expect(slackText((await send(slashCommand('away until 2099-01-01', as('U3')))).body)).toContain('2099');
    expect(slackText((await send(slashCommand('away whenever', as('U4')))).body)).toContain('could not read');
    const [schedule] = await items('StandupSchedule');
    expect([...schedule.members].sort()).toEqual(['U2', 'U3', 'U4']);
  });

  it('posts the prompt once at its minute, mentioning who is asked but not who is away; a second tick posts nothing', async () => {
    const [due] = await items('Due');
    const at = new Date(`${due.minute}:00Z`);
    t.recorder.reset();
    const first = await tick(new Date(at.getTime() + 5_000));
    expect(first.jobs).toBe(1);
    // The same minute again, and two overlapping ticks from a fresh cursor: nothing new.
    await tick(new Date(at.getTime() + 20_000));
    await t.db.send(
      new (await import('@aws-sdk/lib-dynamodb')).DeleteCommand({ TableName: t.tableName, Key: { pk: 'SCHEDULER', sk: 'CURSOR' } }),
    );
    await Promise.all([tick(at), tick(at)]);
    const prompts = posts('C1');
    expect(prompts).toHaveLength(1);
    const blocks = JSON.parse(String(prompts[0]?.body.blocks));
    expect(JSON.stringify(blocks)).toContain('<@U2>');
    expect(JSON.stringify(blocks)).not.toContain('<@U3>');
    const [run] = await items('StandupRun');
    expect(run).toMatchObject({ scheduleId: 'weekly', channelId: 'C1', messageId: prompts[0] ? '1001.000100' : '' });
    expect(blocks.at(-1).elements.map((e: any) => e.action_id)).toEqual([
      `standup:answer:T0001:C1:${run.id}`,
      `standup:skip:T0001:C1:${run.id}`,
    ]);
    // The schedule moved on to its next day, and the summary is due 4 hours after the prompt.
    const due2 = await items('Due');
    expect(due2.find((d) => d.kind === 'standup').minute > due.minute).toBe(true);
    expect(due2.find((d) => d.kind === 'summary')).toMatchObject({
      ref: run.id,
      minute: new Date(at.getTime() + 4 * 3600_000).toISOString().slice(0, 16),
    });
  });

  it('answers in a modal, posts in the prompt’s thread, and edits that message in place', async () => {
    const [run] = await items('StandupRun');
    t.recorder.reset();
    await send(blockAction(`standup:answer:T0001:C1:${run.id}`, { user: 'U2', channel: 'C1', messageTs: run.messageId }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('standup.answer');
    expect(view.blocks.map((b: any) => b.label.text)).toEqual(['What did you do?', 'What next?', 'Where do you need help?']);
    const state = JSON.parse(view.private_metadata).state;
    await send(
      viewSubmission(
        'standup.answer',
        { q0: 'Knocked on 20 doors', q1: 'Print flyers', q2: 'Need a car on Saturday' },
        { user: 'U2', channel: 'C1', state },
      ),
    );
    const [posted] = posts('C1');
    expect(posted?.body.thread_ts).toBe(run.messageId);
    expect(String(posted?.body.text)).toContain('Knocked on 20 doors');
    const [answer] = await items('StandupAnswer');
    expect(answer).toMatchObject({
      userId: 'U2',
      answers: ['Knocked on 20 doors', 'Print flyers', 'Need a car on Saturday'],
      channelId: 'C1',
    });

    t.recorder.reset();
    await send(blockAction(`standup:answer:T0001:C1:${run.id}`, { user: 'U2', channel: 'C1', messageTs: answer.messageId }));
    const edit = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(edit.blocks.map((b: any) => b.element.initial_value)).toEqual(['Knocked on 20 doors', 'Print flyers', 'Need a car on Saturday']);
    await send(
      viewSubmission(
        'standup.answer',
        { q0: 'Knocked on 25 doors', q1: 'Print flyers', q2: 'Need a car on Saturday' },
        { user: 'U2', channel: 'C1', state },
      ),
    );
    expect(posts('C1')).toHaveLength(0);
    const [update] = t.recorder.callsTo('chat.update');
    expect(update?.body).toMatchObject({ channel: 'C1', ts: answer.messageId });
    expect(String(update?.body.text)).toContain('Knocked on 25 doors');
    expect((await items('StandupAnswer'))[0].answers[0]).toBe('Knocked on 25 doors');
    // The first answer counts on the ladder; the edit does not count again.
    expect((await items('Member')).find((m) => m.userId === 'U2')?.act_answers).toBe(1);
  });

  it('records a skip, and the summary gathers answers, skips and every help request in the thread', async () => {
    const [run] = await items('StandupRun');
    await send(blockAction(`standup:skip:T0001:C1:${run.id}`, { user: 'U4', channel: 'C1', messageTs: run.messageId }));
    expect([...(await items('StandupRun'))[0].skipped]).toEqual(['U4']);
    const summaryDue = (await items('Due')).find((d) => d.kind === 'summary');
    t.recorder.reset();
    await tick(new Date(`${summaryDue.minute}:30Z`));
    await tick(new Date(`${summaryDue.minute}:40Z`));
    const [summary, ...more] = posts('C1');
    expect(more).toEqual([]);
    expect(summary?.body.thread_ts).toBe(run.messageId);
    const text = String(summary?.body.text);
    expect(text).toContain('1 answer: <@U2>');
    expect(text).toContain('Skipped today: <@U4>');
    expect(text).toContain('<@U2>: Need a car on Saturday');
    expect((await items('Due')).some((d) => d.kind === 'summary')).toBe(false);
  });

  it('reports answers over a range of days', async () => {
    const [run] = await items('StandupRun');
    const res = await send(slashCommand(`standup report ${run.date} ${run.date}`, as('U9')));
    expect(slackText(res.body)).toContain('Knocked on 25 doors');
    expect(slackText((await send(slashCommand('standup report last-week', as('U9')))).body)).toContain('YYYY-MM-DD');
  });

  it('skips a holiday entirely, and `standup off` stops the schedule', async () => {
    const standupDue = (await items('Due')).find((d) => d.kind === 'standup');
    const day = DateTime.fromISO(standupDue.minute, { zone: 'UTC' }).setZone(ZONE).toISODate();
    expect(slackText((await send(slashCommand(`standup holiday ${day}`, as(COORDINATOR)))).body)).toContain('No stand-ups on');
    t.recorder.reset();
    await tick(new Date(`${standupDue.minute}:01Z`));
    expect(posts()).toEqual([]);
    expect(slackText((await send(slashCommand('standup off', as(COORDINATOR)))).body)).toContain('is off');
    expect(await items('StandupSchedule')).toEqual([]);
    expect((await items('Due')).filter((d) => d.kind === 'standup')).toEqual([]);
  });
});
