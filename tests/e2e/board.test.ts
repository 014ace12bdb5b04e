import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordGroupCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

/** The community's settings item as stored (its board, once a leader put it up). */
const settings = async (t: TestApp) => (await allItems(t.db, t.tableName)).find((i) => i.entity === 'Community') as any;
/** Outbox items waiting or failed (delivered ones are removed). */
const outboxItems = async (t: TestApp) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Outbox');

describe('Slack: the living board in the home channel', () => {
  let t: TestApp;
  let ts = 5000;
  beforeAll(async () => {
    t = await startTestApp('e2e-board-slack');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);

  it('refuses a member kindly and posts nothing', async () => {
    t.recorder.reset();
    const answer = await send(slashCommand('board', as('U2')));
    expect(answer.status).toBe(200);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(slackText(answer.body)).toContain('Only leaders');
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    expect((await settings(t)).board).toBeUndefined();
  });

  it('posts the seven stages in the home channel once and pins that message', async () => {
    t.recorder.reset();
    const answer = await send(slashCommand('board', as(COORDINATOR)));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(slackText(answer.body)).toContain('being posted in <#C1> and pinned');
    const [post, ...more] = t.recorder.callsTo('chat.postMessage');
    expect(more).toHaveLength(0);
    expect(post?.body.channel).toBe('C1');
    const text = String(post?.body.text);
    expect(text).toContain('Green Street Tenants: where we are');
    expect(text.match(/^\S+ \d\. \*/gm)).toHaveLength(7);
    expect(text).toContain('This board changes in place');
    const [pin] = t.recorder.callsTo('pins.add');
    expect(pin?.body).toMatchObject({ channel: 'C1', timestamp: `${ts}.0001` });
    expect((await settings(t)).board).toMatchObject({ channelId: 'C1', messageId: `${ts}.0001`, by: COORDINATOR });
  });

  it('redraws that message in place after a stage is marked done, and posts nothing new', async () => {
    t.recorder.reset();
    await send(slashCommand('stage done 2 we met every household', as(COORDINATOR)));
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    const [update, ...more] = t.recorder.callsTo('chat.update');
    expect(more).toHaveLength(0);
    expect(update?.body).toMatchObject({ channel: 'C1', ts: `${ts}.0001` });
    expect(String(update?.body.text)).toContain('marked done by <@U2147483697>: we met every household');
  });

  it('adds no second redraw when Slack repeats the same interaction', async () => {
    const request = slashCommand('role add Outreach', as(COORDINATOR));
    const repeat = request.clone();
    t.recorder.reset();
    const first = await send(request);
    const again = await send(repeat);
    expect(slackText(again.body)).toBe(slackText(first.body));
    expect(t.recorder.callsTo('chat.update')).toHaveLength(1);
    expect(await outboxItems(t)).toEqual([]);
  });

  it('running board again redraws the same message rather than posting a second', async () => {
    t.recorder.reset();
    const answer = await send(slashCommand('board', as(COORDINATOR)));
    expect(slackText(answer.body)).toContain('already up, so I am redrawing it in place');
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
    expect(t.recorder.callsTo('chat.update').map((c) => c.body.ts)).toEqual([`${ts}.0001`]);
  });

  it('help shows leaders the board and how to stop it', async () => {
    const help = slackText((await send(slashCommand('help', as(COORDINATOR)))).body);
    expect(help).toContain('• `board` post the seven-stage board in the channel, pinned and kept up to date 🔑');
    expect(help).toContain('• `board off` stop updating the board in the channel and unpin it 🔑');
  });

  it('is redrawn in place after the worker runs a decision’s due work (closing may adopt a strategy or plan)', async () => {
    t.recorder.reset();
    const { messageId, since } = (await settings(t)).board;
    const job = {
      kind: 'decision',
      tenant: { platform: 'slack', id: 'T0001' },
      communityId: 'C1',
      ref: 'gone#close',
      minute: since.slice(0, 16),
    } as const;
    expect(await t.deps.runJobs([job])).toEqual({ done: 1, failed: 0 });
    await t.deps.idle();
    expect(t.recorder.callsTo('chat.update').map((c) => c.body.ts)).toEqual([messageId]);
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('read-only commands leave the board alone', async () => {
    t.recorder.reset();
    await send(slashCommand('status', as(COORDINATOR)));
    expect(t.recorder.callsTo('chat.update')).toHaveLength(0);
  });

  it('forgets a board whose message someone deleted, and tries no more', async () => {
    t.recorder.on('chat.update', () => ({ body: { ok: false, error: 'message_not_found' } }));
    t.recorder.reset();
    await send(slashCommand('stage undo 2', as(COORDINATOR)));
    expect(t.recorder.callsTo('chat.update')).toHaveLength(1);
    expect((await settings(t)).board).toBeUndefined();
    expect(await outboxItems(t)).toEqual([]);
    t.recorder.reset();
    await send(slashCommand('stage done 2', as(COORDINATOR)));
    expect(t.recorder.callsTo('chat.update')).toHaveLength(0);
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('board off unpins a board and stops redrawing it', async () => {
    t.recorder.on('chat.update', () => ({ body: { ok: true } }));
    await send(slashCommand('board', as(COORDINATOR)));
    const message = (await settings(t)).board.messageId;
    t.recorder.reset();
    const off = await send(slashCommand('board off', as(COORDINATOR)));
    expect(slackText(off.body)).toContain('no longer updated');
    expect(t.recorder.callsTo('pins.remove')[0]?.body).toMatchObject({ channel: 'C1', timestamp: message });
    expect((await settings(t)).board).toBeUndefined();
    await send(slashCommand('stage undo 2', as(COORDINATOR)));
    expect(t.recorder.callsTo('chat.update')).toHaveLength(0);
    expect(slackText((await send(slashCommand('board off', as(COORDINATOR)))).body)).toContain('There is no board to stop');
  });
});

describe('Slack: an install without pins:write', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-board-slack-nopin');
    t.recorder
      .on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: '7000.0001' } }))
      .on('pins.add', () => ({ body: { ok: false, error: 'missing_scope', needed: 'pins:write' } }));
    await sender(() => t.app)(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());

  it('keeps the board posted and unpinned, and leaves nothing to retry', async () => {
    await sender(() => t.app)(slashCommand('board', as(COORDINATOR)));
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1')).toHaveLength(1);
    expect(t.recorder.callsTo('pins.add')).toHaveLength(1);
    expect((await settings(t)).board).toMatchObject({ messageId: '7000.0001' });
    expect(await outboxItems(t)).toEqual([]);
  });
});

describe('Discord: the board is an action of status, pinned where Discord allows', () => {
  let t: TestApp;
  const GUILD = '555555555555555555';
  const CHANNEL = '222222222222222222';
  const COORD = '333333333333333333';
  const MEMBER = '444444444444444401';
  let next = 920000000000000000n;
  let posted = '';
  beforeAll(async () => {
    t = await startTestApp('e2e-board-discord');
    t.recorder.on('/messages', () => ({ body: { id: String(next++) } }));
    await send(discordCommand('setup', { name: 'Жильцы Зелёной' }, { user: COORD, locale: 'ru' }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const posts = () => t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${CHANNEL}/messages`));
  const edits = () => t.recorder.calls.filter((c) => c.method === 'PATCH' && c.path.includes(`/channels/${CHANNEL}/messages/`));

  it('refuses a member in their language', async () => {
    t.recorder.reset();
    const answer = await send(discordCommand('status', { action: 'board' }, { user: MEMBER, locale: 'ru' }));
    expect(answer.body.data.flags).toBe(64);
    expect(answer.body.data.content ?? JSON.stringify(answer.body.data)).toContain('только лидеры');
    expect(posts()).toHaveLength(0);
    expect((await settings(t)).pk).toBe(`discord#${GUILD}`);
    expect((await settings(t)).board).toBeUndefined();
  });

  it('posts once, and when Discord refuses the pin (403) the board stays, unpinned, with nothing left to retry', async () => {
    t.recorder.on('/pins/920000000000000000', () => ({ status: 403, body: { code: 50013, message: 'Missing Permissions' } }));
    t.recorder.reset();
    const answer = await send(discordCommand('status', { action: 'board' }, { user: COORD, locale: 'ru' }));
    expect(answer.body.data.flags).toBe(64);
    expect(JSON.stringify(answer.body.data)).toContain('Доска семи этапов публикуется');
    expect(posts()).toHaveLength(1);
    posted = '920000000000000000';
    expect(JSON.stringify(posts()[0]?.body)).toContain('Жильцы Зелёной: где мы сейчас');
    const pins = t.recorder.calls.filter((c) => c.path.endsWith(`/channels/${CHANNEL}/pins/${posted}`));
    expect(pins.map((c) => c.method)).toEqual(['PUT']);
    expect((await settings(t)).board).toMatchObject({ channelId: CHANNEL, messageId: posted });
    expect(await outboxItems(t)).toEqual([]);
  });

  it('edits that message when a leader marks a stage (and the same interaction again adds nothing)', async () => {
    const before = JSON.stringify(posts()[0]?.body ?? {});
    t.recorder.reset();
    const request = discordCommand('status', { action: 'done', number: '3' }, { user: COORD, locale: 'ru' });
    const repeat = request.clone();
    await send(request);
    await send(repeat);
    expect(posts()).toHaveLength(0);
    const [edit, ...more] = edits();
    expect(more).toHaveLength(0);
    expect(edit?.path).toBe(`/discord/api/v10/channels/${CHANNEL}/messages/${posted}`);
    const drawn = JSON.stringify(edit?.body);
    expect(drawn).toContain('☑️ 3. **Команда лидеров**');
    expect(drawn).toContain('отмечен пройденным: <@333333333333333333>');
    expect(drawn).not.toBe(before);
  });

  it('edits it again when a role is added', async () => {
    t.recorder.reset();
    await send(discordGroupCommand('role', 'add', { name: 'Outreach' }, { user: COORD, locale: 'ru' }));
    expect(posts()).toHaveLength(0);
    expect(edits().map((c) => c.path.split('/').at(-1))).toEqual([posted]);
  });

  it('forgets the board when its message was deleted (10008 Unknown Message)', async () => {
    t.recorder.on(`/messages/${posted}`, () => ({ status: 404, body: { code: 10008, message: 'Unknown Message' } }));
    t.recorder.reset();
    await send(discordCommand('status', { action: 'undo', number: '3' }, { user: COORD, locale: 'ru' }));
    expect(edits()).toHaveLength(1);
    expect((await settings(t)).board).toBeUndefined();
    expect(await outboxItems(t)).toEqual([]);
  });
});
