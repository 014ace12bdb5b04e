import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mondayOf } from '../../packages/core/src/report/data.ts';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const HOUR = 3_600_000;

/** A PNG as a viewer would read it: its size and how many different colours it shows. */
function decoded(bytes: Buffer) {
  const png = PNG.sync.read(bytes);
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
  return { width: png.width, height: png.height, colours: colours.size };
}

/** The eight weeks the participation chart shows, this one last, as `Mon D count` the way its alt text lists them. */
function weeksList(counts: Record<string, number>): string {
  const monday = mondayOf(testClock.now().toISOString().slice(0, 10));
  return Array.from({ length: 8 }, (_, i) => {
    const week = new Date(Date.parse(`${monday}T00:00:00Z`) - (7 - i) * 7 * 86_400_000).toISOString().slice(0, 10);
    const label = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${week}T00:00:00Z`));
    return `${label} ${counts[week] ?? 0}`;
  }).join(', ');
}

/** A Slack workspace where uploads work, or where sharing files is refused (`refuse`). */
async function slackApp(name: string, refuse = false) {
  const t = await startTestApp(name);
  let ts = 5000;
  t.recorder
    .on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.000100` } }))
    .on('conversations.open', (call) => ({ body: { ok: true, channel: { id: `D-${call.body.users}` } } }))
    .on('files.getUploadURLExternal', (call) => ({
      body: { ok: true, upload_url: `${t.recorder.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
    }))
    .on('files.completeUploadExternal', () =>
      refuse ? { body: { ok: false, error: 'not_in_channel' } } : { body: { ok: true, files: [] } },
    );
  await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  return t;
}

/** A stand-up posted now, answered by U2 and U3 through the modal, its summary due. */
async function answeredStandup(t: TestApp) {
  const send = sender(() => t.app);
  await send(
    viewSubmission(
      'standup',
      { name: 'Daily', when: 'daily 09:00 UTC', questions: 'Done?\nNext?\nHelp?' },
      { user: COORDINATOR, channel: 'C1', selects: { participants: 'optin', delivery: 'channel' } },
    ),
  );
  for (const user of ['U2', 'U3']) await send(slashCommand('standup join', as(user)));
  expect(slackText((await send(slashCommand('standup now', as(COORDINATOR)))).body)).toContain('Posting *Daily* now');
  await t.deps.idle();
  const [run] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'StandupRun') as any[];
  for (const user of ['U2', 'U3']) {
    t.recorder.reset();
    await send(blockAction(`standup:answer:T0001:C1:${run.id}`, { user, channel: 'C1', messageTs: run.messageId }));
    const state = JSON.parse(JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view)).private_metadata).state;
    await send(viewSubmission('standup.answer', { q0: 'Doors', q1: 'Flyers', q2: '' }, { user, channel: 'C1', state }));
  }
  const due = (await allItems(t.db, t.tableName)).find((i) => i.entity === 'Due' && i.kind === 'summary') as any;
  return { run, minute: String(due.minute) };
}

const summaries = (t: TestApp, runTs: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === runTs);
const uploads = (t: TestApp) => t.recorder.calls.filter((c) => c.path.startsWith('/upload/'));

describe('Slack: the stand-up summary carries the participation chart', () => {
  let t: TestApp;
  let run: any;
  let minute = '';
  beforeAll(async () => {
    t = await slackApp('e2e-pictures-standup');
    ({ run, minute } = await answeredStandup(t));
  });
  afterAll(() => t.stop());

  it('posts the summary as text in the thread, then the chart as a PNG whose alt text counts the rows', async () => {
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${minute}:30Z`));
    expect(summaries(t, run.messageId)).toHaveLength(1);
    expect(String(summaries(t, run.messageId)[0]?.body.text)).toContain('2 answers');
    const [file, ...more] = uploads(t);
    expect(more).toHaveLength(0);
    expect(file?.path).toBe('/upload/standups.png');
    const png = decoded(file?.bytes as Buffer);
    expect([png.width, png.height]).toEqual([800, 500]);
    expect(png.colours).toBeGreaterThan(16);
    // Two different people answered this week (rows in the table), no one in the seven before.
    const answers = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'StandupAnswer');
    expect(answers).toHaveLength(2);
    const alt = `People who answered a stand-up, by week: ${weeksList({ [mondayOf(testClock.now().toISOString().slice(0, 10))]: 2 })}.`;
    expect(t.recorder.callsTo('files.getUploadURLExternal')[0]?.body.alt_text).toBe(alt);
    const [shared] = t.recorder.callsTo('files.completeUploadExternal');
    expect(shared?.body.channel_id).toBe('C1');
    expect(shared?.body.initial_comment).toBe(alt);
  });

  it('posts nothing twice when the tick comes again or the worker runs the summary job again', async () => {
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${minute}:50Z`));
    const job = { kind: 'summary', tenant: { platform: 'slack', id: 'T0001' }, communityId: 'C1', ref: run.id, minute } as const;
    expect(await t.deps.runJobs([job])).toEqual({ done: 1, failed: 0 });
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    expect(uploads(t)).toHaveLength(0);
  });
});

describe('Slack: a stand-up summary whose chart the channel refuses', () => {
  let t: TestApp;
  let run: any;
  let minute = '';
  beforeAll(async () => {
    t = await slackApp('e2e-pictures-refused', true);
    ({ run, minute } = await answeredStandup(t));
  });
  afterAll(() => t.stop());

  it('still posts the summary as text, once, and is done with it', async () => {
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${minute}:30Z`));
    expect(t.recorder.callsTo('files.completeUploadExternal')).toHaveLength(1);
    await tickAt(t.deps, new Date(`${minute}:50Z`));
    testClock.advance(2 * HOUR);
    await tickAt(t.deps, testClock.now());
    expect(summaries(t, run.messageId)).toHaveLength(1);
    expect(String(summaries(t, run.messageId)[0]?.body.text)).toContain('2 answers');
    const items = await allItems(t.db, t.tableName);
    expect(items.some((i) => i.entity === 'Due' && i.kind === 'summary')).toBe(false);
    // The picture's claim was given back: it is not counted as delivered.
    expect(items.some((i) => String(i.sk).startsWith('KEY#standup-chart#'))).toBe(false);
  });
});

describe('Slack: the debrief prompt carries the event turnout chart', () => {
  let t: TestApp;
  let event: any;
  let debriefMinute = '';
  beforeAll(async () => {
    t = await slackApp('e2e-pictures-debrief');
    const send = sender(() => t.app);
    const startsAt = Math.floor(testClock.now().getTime() / 60_000 + 120) * 60;
    await send(
      viewSubmission(
        'event',
        { title: 'Tenants meeting', length: '60m', place: 'Community hall' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: startsAt } } },
      ),
    );
    [event] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Event') as any[];
    for (const user of ['U2', 'U3', 'U4'])
      await send(blockAction(`event:going:T0001:C1:${event.id}`, { user, channel: 'C1', messageTs: event.messageId }));
    const due = (await allItems(t.db, t.tableName)).find((i) => i.entity === 'Due' && String(i.ref).endsWith('#debrief')) as any;
    debriefMinute = String(due.minute);
    testClock.set(new Date(`${debriefMinute}:00Z`));
    expect(slackText((await send(slashCommand(`event attended ${event.id} <@U2|a> <@U3|b>`, as(COORDINATOR)))).body)).toContain('2');
  });
  afterAll(() => t.stop());

  it('asks the organizer in their DMs, then sends the turnout chart there with going against came as its alt text', async () => {
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${debriefMinute}:05Z`));
    const prompts = t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === COORDINATOR);
    expect(prompts).toHaveLength(1);
    expect(String(prompts[0]?.body.text)).toContain('Tenants meeting');
    const [file, ...more] = uploads(t);
    expect(more).toHaveLength(0);
    expect(file?.path).toBe('/upload/turnout.png');
    const png = decoded(file?.bytes as Buffer);
    expect([png.width, png.height]).toEqual([800, 500]);
    expect(png.colours).toBeGreaterThan(16);
    const alt = 'Event turnout: Tenants meeting: 3 going, 2 came.';
    expect(t.recorder.callsTo('files.getUploadURLExternal')[0]?.body.alt_text).toBe(alt);
    const [shared] = t.recorder.callsTo('files.completeUploadExternal');
    expect(shared?.body.channel_id).toBe(`D-${COORDINATOR}`);
    expect(shared?.body.initial_comment).toBe(alt);
  });

  it('sends neither twice when the tick comes again', async () => {
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${debriefMinute}:40Z`));
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    expect(uploads(t)).toHaveLength(0);
  });
});
