import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordComponent, discordModalSubmit } from '../support/discord.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = '333333333333333333';
const MEMBER = '444444444444444444';
const READER = '888888888888888888';
const CHANNEL = '222222222222222222';

describe('Discord: stage 1 stories, shared, reflected on and retold', () => {
  let t: TestApp;
  let nextMessage = 900000000000000000n;
  beforeAll(async () => {
    t = await startTestApp('e2e-discord-stories');
    // Discord REST answers: a created message has an id; a DM channel too.
    t.recorder
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }))
      .on('/users/@me/channels', () => ({ body: { id: '999999999999999999', type: 1 } }))
      .on('/threads', () => ({ body: { id: 'thread' } }));
  });
  afterAll(() => t.stop());

  const send = async (req: Request) => {
    const res = await t.app.request(req);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const content = (body: any) => String(body?.data?.content ?? '');

  it('tells the community stories and members’ stories of self through modals', async () => {
    await send(discordCommand('setup', { name: 'Ливадия соседи' }, { locale: 'ru' }));
    const open = await send(discordCommand('story', { action: 'now' }, { locale: 'ru' }));
    expect(open.body.type).toBe(9);
    expect(open.body.data.custom_id).toBe('story.now');
    expect(open.body.data.components).toHaveLength(4);
    expect(open.body.data.components[0].label).toBe('Срочный вызов');
    await send(
      discordModalSubmit(
        'story',
        { goal: 'Парк', who: 'Соседи', how: 'Вместе', when: 'К весне', vision: 'Зелёный двор' },
        { locale: 'ru' },
      ),
    );
    await send(discordModalSubmit('story.us', { values: 'Забота' }, { locale: 'ru' }));
    await send(discordModalSubmit('story.now', { ask: 'Придите в четверг' }, { locale: 'ru' }));
    const told = await send(discordModalSubmit('story.self', { challenge: 'Я выросла у этого парка' }, { user: MEMBER, locale: 'ru' }));
    expect(told.body.data.flags).toBe(64);
    expect(content(told.body)).toContain('версия 1');
    expect(told.body.data.components[0].components[0].custom_id).toBe('story:share:self');
    const status = await send(discordCommand('status', {}, { locale: 'ru' }));
    expect(content(status.body).split('\n')[0]).toContain('Зелёный двор');
    expect(content(status.body)).toContain('**История**: готово');
  });

  it('shares a story of self by its author, then takes a reflection into the message’s thread and tells the author', async () => {
    t.recorder.reset();
    const shared = await send(discordComponent('story:share:self', { user: MEMBER }));
    expect(content(shared.body)).toContain(`<#${CHANNEL}>`);
    const [post] = t.recorder.callsTo('/messages');
    expect(post?.path).toBe(`/discord/api/v10/channels/${CHANNEL}/messages`);
    expect(post?.headers.authorization).toBe('Bot discord-test-token');
    expect(String(post?.body.content)).toContain('Я выросла у этого парка');
    expect((post?.body.components as any)?.[0]?.components[0].custom_id).toBe(`story:reflect:self:${MEMBER}`);
    const messageId = String(nextMessage - 1n);

    const modal = await send(discordComponent(`story:reflect:self:${MEMBER}`, { user: READER, messageId }));
    expect(modal.body.type).toBe(9);
    const [id, ...state] = String(modal.body.data.custom_id).split('|');
    expect(id).toBe('reflect');
    t.recorder.reset();
    const saved = await send(
      discordModalSubmit(`reflect|${state.join('|')}`, { stoodOut: 'Детство у парка', value: 'Память места' }, { user: READER }),
    );
    expect(content(saved.body)).toContain('Thank you');
    // Two deliveries of one commit, in either order: the thread (created, then the reply) and the author's DM.
    const paths = t.recorder.calls.map((c) => `${c.method} ${c.path}`);
    expect([...paths].sort()).toEqual(
      [
        `POST /discord/api/v10/channels/${CHANNEL}/messages/${messageId}/threads`,
        `POST /discord/api/v10/channels/${messageId}/messages`,
        'POST /discord/api/v10/users/@me/channels',
        'POST /discord/api/v10/channels/999999999999999999/messages',
      ].sort(),
    );
    expect(paths.indexOf(`POST /discord/api/v10/channels/${messageId}/messages`)).toBeGreaterThan(
      paths.indexOf(`POST /discord/api/v10/channels/${CHANNEL}/messages/${messageId}/threads`),
    );
    const reply = t.recorder.calls.find((c) => c.path === `/discord/api/v10/channels/${messageId}/messages`);
    expect(String(reply?.body.content)).toContain(`<@${READER}>`);
    expect(t.recorder.calls.find((c) => c.path.endsWith('/users/@me/channels'))?.body).toEqual({ recipient_id: MEMBER });
  });

  it('retells as version 2 into the same thread, and keeps both versions', async () => {
    // A thread started from a message takes the message's id.
    const messageId = String(t.recorder.calls.find((c) => c.path.endsWith('/threads'))?.path.split('/')[7]);
    t.recorder.reset();
    await send(discordModalSubmit('story.self', { challenge: 'Я выросла у этого парка и вернулась' }, { user: MEMBER }));
    expect(t.recorder.calls.at(-1)?.path).toBe(`/discord/api/v10/channels/${messageId}/messages`);
    const history = await send(discordCommand('story', { action: 'history', kind: 'self' }, { user: MEMBER }));
    expect(content(history.body)).toMatch(/v2 .*\n.*v1 /);
    const versions = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'StoryVersion' && i.kind === 'self');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses to share someone else’s story of self and shows nothing of it', async () => {
    await send(discordModalSubmit('story.self', { challenge: 'Private words' }, { user: READER }));
    t.recorder.reset();
    const other = await send(discordCommand('story', { action: 'history', kind: 'self' }, { user: COORDINATOR }));
    expect(content(other.body)).not.toContain('Private words');
    const forged = await send(discordComponent(`story:reflect:self:${READER}`, { user: COORDINATOR }));
    expect(forged.body.type).toBe(4);
    expect(t.recorder.calls).toEqual([]);
  });
});
