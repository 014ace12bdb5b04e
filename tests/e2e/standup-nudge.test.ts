import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { tickAt } from '../support/clock.ts';
import { discordCommand, discordDmModalSubmit, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const PEOPLE = ['U2', 'U3', 'U4', 'U5', 'U6'];
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const at = (minute: string, seconds = 5) => new Date(Date.parse(`${minute}:00Z`) + seconds * 1000);

/**
 * Daily at 10:00 UTC with a 3-hour window: the nudge falls at 12:00 UTC, daytime in UTC and always night in
 * Los Angeles (04:00 or 05:00), whatever the season. Every instant here comes from the due index.
 */
describe('Slack: a nudge an hour before the summary to whoever has not answered', () => {
  let t: TestApp;
  let ts = 1000;
  beforeAll(async () => {
    t = await startTestApp('e2e-standup-nudge');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.000100` } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const due = async (kind: string) => (await items('Due')).filter((d) => d.kind === kind);
  const dmsTo = (user: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === user);
  const nudges = () => t.recorder.callsTo('chat.postMessage').filter((c) => /gentle reminder|Мягкое напоминание/.test(String(c.body.text)));
  const save = (when: string) =>
    send(
      viewSubmission(
        'standup',
        { name: 'Daily', when, questions: 'What did you do?\nWhere do you need help?' },
        { user: COORDINATOR, channel: 'C1', state: 'daily', selects: { participants: 'optin', delivery: 'channel' } },
      ),
    );

  it('plans a nudge an hour before the summary when the prompt goes out', async () => {
    expect((await save('daily 10:00 UTC 3h')).status).toBe(200);
    for (const user of PEOPLE) await send(slashCommand('standup join', as(user)));
    expect(slackText((await send(slashCommand('away until 2099-01-01', as('U3')))).body)).toContain('2099');
    await send(slashCommand('tz me America/Los_Angeles', as('U6')));
    await send(slashCommand('lang me ru', as('U5')));
    expect((await items('Member')).find((m) => m.userId === 'U6')?.timezone).toBe('America/Los_Angeles');
    const [prompt] = await due('standup');
    await tickAt(t.deps, at(prompt.minute));
    const [run] = await items('StandupRun');
    expect(run.messageId).toBeDefined();
    const [nudge] = await due('nudge');
    const [summary] = await due('summary');
    expect(nudge).toMatchObject({ ref: run.id });
    expect(Date.parse(`${summary.minute}:00Z`) - Date.parse(`${nudge.minute}:00Z`)).toBe(60 * 60_000);
    expect(Date.parse(`${nudge.minute}:00Z`) - Date.parse(`${prompt.minute}:00Z`)).toBe(2 * 60 * 60_000);
  });

  it('nudges once, by direct message with the Answer button, only the one who neither answered, skipped, is away nor asleep', async () => {
    const [run] = await items('StandupRun');
    const state = `T0001|C1|${run.id}`;
    await send(viewSubmission('standup.answer', { q0: 'Flyers', q1: '' }, { user: 'U2', channel: 'C1', state }));
    await send(blockAction(`standup:skip:T0001:C1:${run.id}`, { user: 'U4', channel: 'C1', messageTs: run.messageId }));
    const [nudge] = await due('nudge');
    t.recorder.reset();
    await tickAt(t.deps, at(nudge.minute));
    await tickAt(t.deps, at(nudge.minute, 40));
    await Promise.all([tickAt(t.deps, at(nudge.minute, 50)), tickAt(t.deps, at(nudge.minute, 55))]);
    expect(nudges().map((c) => c.body.channel)).toEqual(['U5']);
    for (const user of ['U2', 'U3', 'U4', 'U6', COORDINATOR]) expect(dmsTo(user)).toEqual([]);
    const blocks = JSON.parse(String(nudges()[0]?.body.blocks));
    expect(blocks.at(-1).elements.map((e: any) => e.action_id)).toEqual([`standup:answer:T0001:C1:${run.id}`]);
    // In the language U5 chose for themself, while the community is English.
    expect(String(nudges()[0]?.body.text)).toContain('Мягкое напоминание');
    expect(String(nudges()[0]?.body.text)).toContain('Daily');
    // Delivered and done: no due item left, nothing waiting in the outbox.
    expect(await due('nudge')).toEqual([]);
    expect(await items('Outbox')).toEqual([]);
    // The button opens the answer modal, as the prompt's does.
    t.recorder.reset();
    await send(blockAction(`standup:answer:T0001:C1:${run.id}`, { user: 'U5', channel: 'D5' }));
    expect(JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view)).callback_id).toBe('standup.answer');
  });

  it('counts the answers in the summary with the right plural', async () => {
    const [summary] = await due('summary');
    t.recorder.reset();
    await tickAt(t.deps, at(summary.minute));
    const [posted] = t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1');
    expect(String(posted?.body.text)).toContain('1 answer: <@U2>');
  });

  it('sends no nudge after the window closed (the scheduler was down through it)', async () => {
    const [prompt] = await due('standup');
    await tickAt(t.deps, at(prompt.minute));
    const [nudge] = await due('nudge');
    const [summary] = await due('summary');
    expect(nudge).toBeDefined();
    t.recorder.reset();
    // Back up only when the summary is due: the nudge item is found late, past the window.
    await tickAt(t.deps, at(summary.minute, 30));
    expect(nudges()).toEqual([]);
    expect(await due('nudge')).toEqual([]);
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1')).toHaveLength(1);
  });

  it('lets a leader turn the nudge off and on again; while off, a run plans none and one planned sends nothing', async () => {
    expect(slackText((await send(slashCommand('standup nudge off', as('U2')))).body)).toContain('Only leaders');
    expect((await items('StandupSchedule'))[0].nudge).toBeUndefined();
    // Neither on nor off: not understood, and nothing changes.
    expect(slackText((await send(slashCommand('standup nudge sometimes', as(COORDINATOR)))).body)).toContain('I don’t know');
    expect((await items('StandupSchedule'))[0].nudge).toBeUndefined();
    const [prompt] = await due('standup');
    await tickAt(t.deps, at(prompt.minute));
    const [nudge] = await due('nudge');
    expect(nudge).toBeDefined();
    expect(slackText((await send(slashCommand('standup nudge off Daily', as(COORDINATOR)))).body)).toContain('No reminders');
    expect((await items('StandupSchedule'))[0].nudge).toBe(false);
    expect(slackText((await send(slashCommand('standup show', as(COORDINATOR)))).body)).toContain('no reminder before the summary');
    // Saving the modal again keeps it off.
    expect((await save('daily 10:00 UTC 3h')).status).toBe(200);
    expect((await items('StandupSchedule'))[0].nudge).toBe(false);
    t.recorder.reset();
    await tickAt(t.deps, at(nudge.minute));
    expect(nudges()).toEqual([]);
    expect(await due('nudge')).toEqual([]);
    const [summary] = await due('summary');
    await tickAt(t.deps, at(summary.minute));
    const [next] = await due('standup');
    await tickAt(t.deps, at(next.minute));
    expect(await due('nudge')).toEqual([]);
    expect(slackText((await send(slashCommand('standup nudge on', as(COORDINATOR)))).body)).toContain('gentle reminder');
    expect((await items('StandupSchedule'))[0].nudge).toBeUndefined();
  });

  it('plans no nudge for a window no longer than the nudge lead', async () => {
    expect((await save('daily 10:00 UTC 1h')).status).toBe(200);
    const [prompt] = await due('standup');
    t.recorder.reset();
    await tickAt(t.deps, at(prompt.minute));
    expect(await due('summary')).toHaveLength(1);
    expect(await due('nudge')).toEqual([]);
  });
});

/** A Russian community on Discord: the summary counts in Russian plural forms, the nudge is in Russian. */
describe('Discord: a Russian stand-up’s nudge and summary', () => {
  const GUILD = '555555555555555555';
  const HOME = '222222222222222222';
  const COORDINATOR = '333333333333333333';
  const PEOPLE = ['444444444444444441', '444444444444444442', '444444444444444443'];
  let t: TestApp;
  let next = 900_000_000_000_000_000n;
  beforeAll(async () => {
    t = await startTestApp('e2e-standup-nudge-discord');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }))
      .on('/messages', () => ({ body: { id: String(next++) } }));
    await t.app.request(discordCommand('setup', { name: 'Берег' }, { user: COORDINATOR }));
    await t.app.request(discordCommand('lang', { locale: 'ru' }, { user: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const due = async (kind: string) => (await items('Due')).filter((d) => d.kind === kind);
  const posts = (channel: string) =>
    t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${channel}/messages`));

  it('nudges the one who has not answered in Russian, then sums up “2 ответа”', async () => {
    expect((await items('Community'))[0].locale).toBe('ru');
    await send(
      discordModalSubmit(
        'standup',
        { name: 'Утро', when: 'каждый день 10:00 UTC 3h', questions: 'Что сделали?\nГде нужна помощь?' },
        { user: COORDINATOR, selects: { participants: 'optin', delivery: 'channel' } },
      ),
    );
    for (const user of PEOPLE) await send(discordCommand('standup', { action: 'join' }, { user, locale: 'ru' }));
    const [prompt] = await due('standup');
    await tickAt(t.deps, at(prompt.minute));
    const [run] = await items('StandupRun');
    for (const user of PEOPLE.slice(0, 2))
      await send(discordDmModalSubmit(`standup.answer|${GUILD}|${HOME}|${run.id}`, { q0: 'Листовки', q1: '' }, user));
    expect(await items('StandupAnswer')).toHaveLength(2);
    const [nudge] = await due('nudge');
    t.recorder.reset();
    await tickAt(t.deps, at(nudge.minute));
    const third = posts(`dm-${PEOPLE[2]}`);
    expect(third).toHaveLength(1);
    expect(JSON.stringify(third[0]?.body)).toContain('Мягкое напоминание');
    expect(JSON.stringify(third[0]?.body)).toContain(`standup:answer:${GUILD}:${HOME}:${run.id}`);
    for (const user of PEOPLE.slice(0, 2)) expect(posts(`dm-${user}`)).toEqual([]);
    const [summary] = await due('summary');
    t.recorder.reset();
    await tickAt(t.deps, at(summary.minute));
    const body = JSON.stringify(t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')).map((c) => c.body));
    expect(body).toContain('2 ответа:');
  });
});
