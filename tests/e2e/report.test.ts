import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const HOUR = 3_600_000;

/** A PNG as a viewer would read it: its signature, size, and how many different colours it shows. */
function decoded(bytes: Buffer) {
  const png = PNG.sync.read(bytes);
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
  return { signature: bytes.subarray(0, 8).toString('hex'), width: png.width, height: png.height, colours: colours.size };
}

/** The report's requests, as the claims of their deliveries name them (`report#<platform>#<tenant>#<community>#<ref>`). */
const reportClaims = async (t: TestApp) =>
  (await allItems(t.db, t.tableName)).map((i) => String(i.sk)).filter((sk) => sk.startsWith('KEY#report#') && !sk.endsWith('#progress'));

describe('Slack: /community report draws the charts and posts them in the home channel', () => {
  let t: TestApp;
  let ts = 7000;
  let eventTitle = '';
  beforeAll(async () => {
    t = await startTestApp('e2e-report-slack');
    t.recorder
      .on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }))
      .on('files.getUploadURLExternal', (call) => ({
        body: { ok: true, upload_url: `${t.recorder.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
      }))
      .on('files.completeUploadExternal', () => ({ body: { ok: true, files: [] } }));
    const send = sender(() => t.app);
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    // An event two hours from now, three people going; once it has started, two of them marked as came.
    const startsAt = Math.floor(testClock.now().getTime() / 60_000 + 120) * 60;
    eventTitle = 'Tenants meeting';
    await send(
      viewSubmission(
        'event',
        { title: eventTitle, length: '60m', place: 'Community hall' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: startsAt } } },
      ),
    );
    const [event] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Event') as any[];
    for (const user of ['U2', 'U3', 'U4'])
      await send(blockAction(`event:going:T0001:C1:${event.id}`, { user, channel: 'C1', messageTs: event.messageId }));
    testClock.advance(3 * HOUR);
    const marked = await send(slashCommand(`event attended ${event.id} <@U2|a> <@U3|b>`, as(COORDINATOR)));
    expect(slackText(marked.body)).toContain('2');
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const uploads = () => t.recorder.calls.filter((c) => c.path.startsWith('/upload/'));
  const byName = (calls: RecordedCall[]) => Object.fromEntries(calls.map((c) => [c.path.slice('/upload/'.length), c]));

  it('refuses someone who is not a leader, and draws nothing', async () => {
    t.recorder.reset();
    const answer = await send(slashCommand('report', as('U2')));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(slackText(answer.body)).toContain('Only leaders');
    expect(t.recorder.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(await reportClaims(t)).toEqual([]);
  });

  it('answers at once, then posts three PNG charts in the home channel with their numbers as text', async () => {
    t.recorder.reset();
    const answer = await send(slashCommand('report', as(COORDINATOR)));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(slackText(answer.body)).toContain('Preparing the report');
    const files = byName(uploads());
    expect(Object.keys(files).sort()).toEqual(['ladder.png', 'stages.png', 'turnout.png']);
    for (const [name, call] of Object.entries(files)) {
      const png = decoded(call.bytes);
      expect(png.signature, name).toBe('89504e470d0a1a0a');
      expect([png.width, png.height], name).toEqual([800, 500]);
      expect(png.colours, name).toBeGreaterThan(16);
      expect(call.headers['content-type']).toBe('image/png');
    }
    const asked = Object.fromEntries(t.recorder.callsTo('files.getUploadURLExternal').map((c) => [c.body.filename, c.body]));
    expect(Number(asked['ladder.png']?.length)).toBe(files['ladder.png']?.bytes.length);
    // The coordinator leads; the three who RSVPed (two of whom came) are participants.
    expect(asked['ladder.png']?.alt_text).toBe('Ladder of engagement: Newcomer 0, Participant 3, Contributor 0, Leader 1.');
    expect(asked['turnout.png']?.alt_text).toBe(`Event turnout: ${eventTitle}: 3 going, 2 came.`);
    expect(String(asked['stages.png']?.alt_text)).toMatch(
      /^The seven stages, checklist items done: (\S+( \S+)* \d\/\d, ){6}\S+( \S+)* \d\/\d\.$/,
    );
    const [shared, ...more] = t.recorder.callsTo('files.completeUploadExternal');
    expect(more).toHaveLength(0);
    expect(shared?.body.channel_id).toBe('C1');
    const comment = String(shared?.body.initial_comment);
    expect(comment).toContain('Where “Green Street Tenants” stands');
    expect(comment).toContain('Participant 3');
    expect(comment).toContain(`${eventTitle}: 3 going, 2 came`);
    expect(
      JSON.parse(String(shared?.body.files))
        .map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual(['F-ladder.png', 'F-stages.png', 'F-turnout.png']);
    // "Drawing…" went first into the channel, once, and was then edited to say what was posted.
    const progress = t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1');
    expect(progress).toHaveLength(1);
    expect(String(progress[0]?.body.text)).toBe('Drawing the report for “Green Street Tenants”…');
    const [edited, ...edits] = t.recorder.callsTo('chat.update');
    expect(edits).toHaveLength(0);
    expect(edited?.body).toMatchObject({ channel: 'C1', ts: `${ts}.0001` });
    expect(String(edited?.body.text)).toBe('The report is posted below: 3 charts: stages.png, ladder.png, turnout.png.');
  });

  it('posts nothing twice when the worker runs the same report job again', async () => {
    const [claim] = await reportClaims(t);
    const ref = String(claim).split('#').slice(5).join('#');
    expect(ref.split('#')[1]).toBe(COORDINATOR);
    expect(Number.isNaN(Date.parse(ref.split('#')[0] ?? ''))).toBe(false);
    t.recorder.reset();
    const job = { kind: 'report', tenant: { platform: 'slack', id: 'T0001' }, communityId: 'C1', ref, minute: ref.slice(0, 16) } as const;
    expect(await t.deps.runJobs([job])).toEqual({ done: 1, failed: 0 });
    expect(uploads()).toHaveLength(0);
    expect(t.recorder.callsTo('files.completeUploadExternal')).toHaveLength(0);
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    expect(t.recorder.callsTo('chat.update')).toHaveLength(0);
  });

  it('retries an upload the platform failed once, and shares the files once', async () => {
    let failures = 0;
    t.recorder.on('/upload/ladder.png', () => (failures++ === 0 ? { status: 500, body: { ok: false } } : { body: { ok: true } }));
    t.recorder.reset();
    expect(slackText((await send(slashCommand('report', as(COORDINATOR)))).body)).toContain('Preparing the report');
    expect(uploads().filter((c) => c.path === '/upload/ladder.png')).toHaveLength(2);
    const shared = t.recorder.callsTo('files.completeUploadExternal');
    expect(shared).toHaveLength(1);
    expect(JSON.parse(String(shared[0]?.body.files))).toHaveLength(3);
    expect(await reportClaims(t)).toHaveLength(2);
  });
});

describe('Slack: a report the channel refuses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-report-refused');
    t.recorder
      .on('files.getUploadURLExternal', (call) => ({
        body: { ok: true, upload_url: `${t.recorder.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
      }))
      .on('files.completeUploadExternal', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());

  it('tells the leader who asked once, however often the worker retries, and fails the job to be retried', async () => {
    const ref = `${testClock.now().toISOString()}#${COORDINATOR}`;
    const job = { kind: 'report', tenant: { platform: 'slack', id: 'T0001' }, communityId: 'C1', ref, minute: ref.slice(0, 16) } as const;
    t.recorder.reset();
    expect(await t.deps.runJobs([job])).toEqual({ done: 0, failed: 1 });
    expect(await t.deps.runJobs([job])).toEqual({ done: 0, failed: 1 });
    // Each attempt got as far as sharing: the claim was given back after the first failed.
    expect(t.recorder.callsTo('files.completeUploadExternal')).toHaveLength(2);
    const told = t.recorder.callsTo('chat.postMessage').filter((c) => String(c.body.text).includes('could not be posted'));
    expect(told).toHaveLength(1);
    expect(told[0]?.body.channel).toBe(COORDINATOR);
    // The channel's "drawing…" message went once, and the first attempt turned it into the failure.
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => String(c.body.text).startsWith('Drawing the report'))).toHaveLength(1);
    const edits = t.recorder.callsTo('chat.update');
    expect(edits).toHaveLength(1);
    expect(String(edits[0]?.body.text)).toContain('could not be posted just now; it will be tried again');
  });
});

describe('Discord: a Russian community’s report, in Russian', () => {
  let t: TestApp;
  const HOME = '222222222222222222';
  beforeAll(async () => {
    t = await startTestApp('e2e-report-discord');
    t.recorder.on('/messages', () => ({ body: { id: '900000000000000009' } }));
    await t.app.request(discordCommand('setup', { name: 'Жильцы Речной' }, { locale: 'ru' }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse((await res.text()) || '{}') };
  };

  it('is refused to a member without Manage Server who is not a leader, in Russian', async () => {
    t.recorder.reset();
    const answer = await send(discordCommand('report', {}, { locale: 'ru', user: '777777777777777777' }));
    expect(answer.body.data.flags).toBe(64);
    expect(answer.body.data.content).toContain('только лидеры');
    expect(t.recorder.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('posts the charts as attachments in the home channel, with Russian text and alt texts', async () => {
    t.recorder.reset();
    const answer = await send(discordCommand('report', {}, { locale: 'ru' }));
    expect(answer.body.data.flags).toBe(64);
    expect(answer.body.data.content).toContain('Готовлю отчёт');
    const created = t.recorder.calls.filter((c) => c.method === 'POST' && c.path === `/discord/api/v10/channels/${HOME}/messages`);
    // First "drawing…" as a plain message, then the charts as one message of attachments.
    expect(created).toHaveLength(2);
    expect(JSON.parse(String(created[0]?.bytes)).content).toBe('Рисую отчёт для «Жильцы Речной»…');
    const posts = created.slice(1);
    const edits = t.recorder.calls.filter((c) => c.method === 'PATCH');
    expect(edits.map((c) => c.path)).toEqual([`/discord/api/v10/channels/${HOME}/messages/900000000000000009`]);
    expect(JSON.parse(String(edits[0]?.bytes)).content).toBe('Отчёт опубликован ниже: 2 графика: stages.png, ladder.png.');
    const form = await new Response(posts[0]?.bytes, { headers: { 'content-type': String(posts[0]?.headers['content-type']) } }).formData();
    const payload = JSON.parse(String(form.get('payload_json')));
    expect(payload.content).toContain('Где сейчас «Жильцы Речной»');
    expect(payload.content).toContain('Явка на события: за последние 30 дней событий не было.');
    expect(payload.enforce_nonce).toBe(true);
    expect(payload.attachments.map((a: { filename: string }) => a.filename)).toEqual(['stages.png', 'ladder.png']);
    expect(payload.attachments[1].description).toMatch(/^Лестница участия: .* 1\.$/);
    expect(payload.attachments[0].description).toMatch(/^Семь этапов, выполнено пунктов: /);
    for (const i of [0, 1]) {
      const file = form.get(`files[${i}]`) as File;
      const png = decoded(Buffer.from(await file.arrayBuffer()));
      expect([png.signature, png.width, png.height]).toEqual(['89504e470d0a1a0a', 800, 500]);
      expect(png.colours).toBeGreaterThan(16);
    }
  });
});
