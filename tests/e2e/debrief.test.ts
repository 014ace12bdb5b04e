import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordDmComponent, discordDmModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

describe('Slack: debrief, next steps as tasks, celebration (stage 7)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-debrief');
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const community = async () => (await items('Community'))[0];

  it('opens the debrief modal from a DM button for leaders only', async () => {
    expect(slackText((await send(slashCommand('debrief', as('U2')))).body)).toContain('Only leaders');
    t.recorder.reset();
    await send(blockAction('debrief:open:T0001:C1:general', { user: COORDINATOR, channel: 'D1' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('debrief');
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(['worked', 'didnt', 'turnout', 'learned', 'next']);
    expect(JSON.parse(view.private_metadata).state).toBe('T0001|C1|general');
  });

  it('saves a debrief with two next steps and counts it', async () => {
    const res = await send(
      viewSubmission(
        'debrief',
        {
          worked: 'Door knocking',
          didnt: 'Flyers came late',
          turnout: '23 of 30',
          learned: 'People want the heating fixed',
          next: '- Print flyers earlier\n2. Book the hall for January',
        },
        { user: COORDINATOR, channel: 'D1', state: 'T0001|C1|general' },
      ),
    );
    expect(res.status).toBe(200);
    const [debrief] = await items('Debrief');
    expect(debrief.steps).toEqual([{ text: 'Print flyers earlier' }, { text: 'Book the hall for January' }]);
    expect((await community()).debriefCount).toBe(1);
  });

  it('lists open next steps and hands one out as a task in one step, once', async () => {
    const list = slackText((await send(slashCommand('next', as('U9')))).body);
    expect(list).toContain('1. Print flyers earlier');
    expect(list).toContain('2. Book the hall for January');
    t.recorder.reset();
    const res = await send(slashCommand('next 1 <@U2|maria> by friday', as(COORDINATOR)));
    expect(slackText(res.body)).toContain('Asked <@U2> to take: Print flyers earlier');
    const [task] = await items('Task');
    expect(task).toMatchObject({ title: 'Print flyers earlier', ownerId: 'U2', status: 'proposed' });
    expect(task.due.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.recorder.callsTo('chat.postMessage').map((c) => c.body.channel)).toEqual(['U2']);
    expect((await items('Debrief'))[0].steps[0].taskId).toBe(task.id);
    expect((await community()).nextStepCount).toBe(1);
    const after = slackText((await send(slashCommand('next', as('U9')))).body);
    expect(after).not.toContain('Print flyers earlier');
    expect(slackText((await send(slashCommand('next 9 <@U3|ivan>', as(COORDINATOR)))).body)).toContain('no open next step');
  });

  it('posts a celebration in the channel and completes stage 7', async () => {
    expect(slackText((await send(slashCommand('celebrate', as('U2')))).body)).toContain('Say what we celebrate');
    t.recorder.reset();
    await send(slashCommand('celebrate 23 neighbours came to the meeting!', as('U2')));
    const [post] = t.recorder.callsTo('chat.postMessage');
    expect(post?.body.channel).toBe('C1');
    expect(String(post?.body.text)).toContain('🎉 <@U2> celebrates: 23 neighbours came');
    expect((await community()).celebrationCount).toBe(1);
    expect(slackText((await send(slashCommand('status', as('U2')))).body)).toContain('✅ 7. *Next steps*: done');
  });

  it('exports every entity as files in the leader’s direct messages, for leaders only', async () => {
    expect(slackText((await send(slashCommand('export', as('U2')))).body)).toContain('Only leaders');
    t.recorder
      .on('conversations.open', () => ({ body: { ok: true, channel: { id: 'D1' } } }))
      .on('files.getUploadURLExternal', (call) => ({
        body: { ok: true, upload_url: `${t.recorder.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
      }))
      .on('files.completeUploadExternal', () => ({ body: { ok: true, files: [] } }));
    t.recorder.reset();
    expect(slackText((await send(slashCommand('export', as(COORDINATOR)))).body)).toContain('Preparing the export');
    const uploads = Object.fromEntries(t.recorder.calls.filter((c) => c.path.startsWith('/upload/')).map((c) => [c.path.slice(8), c.raw]));
    expect(Object.keys(uploads).sort()).toEqual(
      [
        'campaign-phases.csv',
        'community.json',
        'debriefs.csv',
        'events.csv',
        'next-steps.csv',
        'roles.csv',
        'rsvps.csv',
        'standup-answers.csv',
        'tasks.csv',
      ].sort(),
    );
    const data = JSON.parse(uploads['community.json'] ?? '{}');
    expect(data.community.name).toBe('Green Street Tenants');
    expect(data.debriefs[0].steps).toHaveLength(2);
    expect(uploads['tasks.csv']).toContain('Print flyers earlier,U2,');
    expect(uploads['next-steps.csv']?.split('\r\n')[0]).toBe('debriefId,text,taskId');
    const complete = t.recorder.callsTo('files.completeUploadExternal')[0]?.body;
    expect(complete?.channel_id).toBe('D1');
    expect(String(complete?.initial_comment)).toContain('9 files');
  });

  it('tells the leader once when an export fails, and fails the job for the worker to log and retry', async () => {
    t.recorder.on('files.getUploadURLExternal', () => ({ body: { ok: false, error: 'internal_error' } }));
    t.recorder.reset();
    const job = {
      kind: 'export',
      tenant: { platform: 'slack', id: 'T0001' },
      communityId: 'C1',
      userId: COORDINATOR,
      requestedAt: '2026-11-28T10:00:00.000Z',
    } as const;
    // The worker's first try and a retry of the same request.
    expect(await t.deps.runJobs([job])).toEqual({ done: 0, failed: 1 });
    expect(await t.deps.runJobs([job])).toEqual({ done: 0, failed: 1 });
    // Told on the "preparing…" message the first try posted (edited in place), and by nothing else.
    const told = [...t.recorder.callsTo('chat.postMessage'), ...t.recorder.callsTo('chat.update')].filter((c) =>
      String(c.body.text).includes('The export did not go through'),
    );
    expect(told).toHaveLength(1);
    expect(told[0]?.path).toContain('chat.update');
    expect(told[0]?.body.channel).toBe(COORDINATOR);
  });
});

describe('Discord: a debrief started from the direct message the app sends', () => {
  const GUILD = '555555555555555555';
  const CHANNEL = '222222222222222222';
  const LEADER = '333333333333333333';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-debrief-discord');
    await t.app.request(discordCommand('setup', { name: 'Riverside' }, { user: LEADER }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];

  it('opens the modal from the DM’s button and saves the debrief submitted there, with no server in either', async () => {
    // The Debrief button of the DM sent after an event or a campaign names the server, as Discord sends no guild from a DM.
    const open = await send(discordDmComponent(`debrief:open:${GUILD}:${CHANNEL}:general`, LEADER));
    expect(open.body.type).toBe(9);
    expect(open.body.data.custom_id).toBe(`debrief|${GUILD}|${CHANNEL}|general`);
    const saved = await send(
      discordDmModalSubmit(open.body.data.custom_id, { worked: 'Door knocking', next: '- Print flyers earlier' }, LEADER),
    );
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.body)).not.toContain('works inside a server');
    expect(saved.body.data.content).toContain('Debrief of **our work so far** saved');
    const [debrief] = await items('Debrief');
    expect(debrief).toMatchObject({ worked: 'Door knocking', steps: [{ text: 'Print flyers earlier' }], createdBy: LEADER });
  });
});
