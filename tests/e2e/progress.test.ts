import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

/** The export requests, as the claims of their progress messages name them. */
const progressClaims = async (t: TestApp) =>
  (await allItems(t.db, t.tableName)).map((i) => String(i.sk)).filter((sk) => sk.startsWith('KEY#export#') && sk.endsWith('#progress'));

describe('Slack: /community export shows its progress in one message, edited when the files went', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-progress-export');
    t.recorder
      .on('chat.postMessage', () => ({ body: { ok: true, channel: 'D1', ts: '1700000001.000100' } }))
      .on('conversations.open', () => ({ body: { ok: true, channel: { id: 'D1' } } }))
      .on('files.getUploadURLExternal', (call) => ({
        body: { ok: true, upload_url: `${t.recorder.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
      }))
      .on('files.completeUploadExternal', () => ({ body: { ok: true, files: [] } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);

  it('says “preparing” in the leader’s DMs first, then edits that message to name the files sent', async () => {
    t.recorder.reset();
    expect(slackText((await send(slashCommand('export', as(COORDINATOR)))).body)).toContain('Preparing the export');
    const posts = t.recorder.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: COORDINATOR, text: 'Preparing your export of “Green Street Tenants”…' });
    const shared = t.recorder.callsTo('files.completeUploadExternal');
    expect(shared).toHaveLength(1);
    // The progress message went before the files, and its edit after them.
    const order = t.recorder.calls.map((c) => c.path.split('/').at(-1));
    expect(order.indexOf('chat.postMessage')).toBeLessThan(order.indexOf('files.completeUploadExternal'));
    expect(order.indexOf('files.completeUploadExternal')).toBeLessThan(order.indexOf('chat.update'));
    const updates = t.recorder.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.body).toMatchObject({ channel: 'D1', ts: '1700000001.000100' });
    const names = t.recorder.callsTo('files.getUploadURLExternal').map((c) => String(c.body.filename));
    expect(names).toHaveLength(9);
    expect(String(updates[0]?.body.text)).toBe(
      `Export of “Green Street Tenants” sent: 9 files: ${names.slice(0, 3).join(', ')}, … (+6 more).`,
    );
  });

  it('posts, uploads and edits nothing when the worker runs the same export job again', async () => {
    const [claim] = await progressClaims(t);
    const requestedAt = String(claim).split('#').slice(-2)[0];
    expect(Number.isNaN(Date.parse(requestedAt ?? ''))).toBe(false);
    t.recorder.reset();
    const job = {
      kind: 'export',
      tenant: { platform: 'slack', id: 'T0001' },
      communityId: 'C1',
      userId: COORDINATOR,
      requestedAt,
    } as const;
    expect(await t.deps.runJobs([job])).toEqual({ done: 1, failed: 0 });
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    expect(t.recorder.callsTo('files.completeUploadExternal')).toHaveLength(0);
    expect(t.recorder.callsTo('chat.update')).toHaveLength(0);
  });
});

describe('Discord: the export’s progress in the leader’s DMs, in Russian', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-progress-export-discord');
    t.recorder
      .on('/users/@me/channels', () => ({ body: { id: '444444444444444444' } }))
      .on('/messages', () => ({ body: { id: '900000000000000001', channel_id: '444444444444444444' } }));
    await t.app.request(discordCommand('setup', { name: 'Жильцы Речной' }, { locale: 'ru' }));
  });
  afterAll(() => t.stop());

  it('creates the message once and PATCHes that same message with the files sent', async () => {
    t.recorder.reset();
    const res = await t.app.request(discordCommand('export', {}, { locale: 'ru' }));
    expect(res.status).toBe(200);
    const created = t.recorder.calls.filter(
      (c) => c.method === 'POST' && c.path === '/discord/api/v10/channels/444444444444444444/messages',
    );
    // The progress message, then the files (a message of attachments, ten at most each).
    expect(created.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(String(created[0]?.bytes)).content).toBe('Готовлю выгрузку сообщества «Жильцы Речной»…');
    const edits = t.recorder.calls.filter((c) => c.method === 'PATCH');
    expect(edits.map((c) => c.path)).toEqual(['/discord/api/v10/channels/444444444444444444/messages/900000000000000001']);
    expect(JSON.parse(String(edits[0]?.bytes)).content).toMatch(
      /^Выгрузка сообщества «Жильцы Речной» отправлена: 9 файлов: .+, … \(и ещё 6\)\.$/,
    );
  });
});
