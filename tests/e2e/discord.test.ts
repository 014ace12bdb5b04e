import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordModalSubmit, discordRequest } from '../support/discord.ts';
import { slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Everything a user would read in an interaction response. */
const textOf = (body: any): string =>
  [body?.data?.content ?? '', ...(body?.data?.embeds ?? []).map((e: any) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');

describe('Discord /community end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-discord');
  });
  afterAll(() => t.stop());

  const send = async (req: Request) => {
    const res = await t.app.request(req);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  it('answers PING with PONG', async () => {
    expect(await send(discordRequest('{"type":1}'))).toEqual({ status: 200, body: { type: 1 } });
  });

  it('refuses unsigned, forged and tampered requests with 401 and writes nothing', async () => {
    const unsigned = await t.app.request(new Request('http://localhost/discord/interactions', { method: 'POST', body: '{"type":1}' }));
    expect(unsigned.status).toBe(401);
    expect((await send(discordRequest('{"type":1}', { signature: 'ab'.repeat(64) }))).status).toBe(401);
    const good = discordCommand('setup', { name: 'Forged' });
    const tampered = new Request(good.url, {
      method: 'POST',
      headers: good.headers,
      body: (await good.text()).replace('Forged', 'Tampered'),
    });
    expect((await t.app.request(tampered)).status).toBe(401);
    expect(await allItems(t.db, t.tableName)).toEqual([]);
  });

  it('sets up a community from a Russian client and shows status in Russian with its name', async () => {
    const setup = await send(discordCommand('setup', { name: 'Ливадия соседи' }, { locale: 'ru' }));
    expect(setup.status).toBe(200);
    expect(setup.body.type).toBe(4);
    expect(textOf(setup.body)).toContain('Ливадия соседи');
    expect(textOf(setup.body)).toContain('Координатор');
    const items = await allItems(t.db, t.tableName);
    expect(items).toEqual([
      // The community speaks its coordinator's language from the start.
      expect.objectContaining({ pk: 'discord#555555555555555555', name: 'Ливадия соседи', locale: 'ru' }),
      // The language Discord reported for them, remembered for direct messages sent later.
      expect.objectContaining({ entity: 'Profile', sk: 'PROFILE#333333333333333333', seenLocale: 'ru' }),
      expect.objectContaining({
        pk: expect.stringMatching(/^discord#555555555555555555#INTERACTION#/),
        entity: 'Interaction',
        state: 'done',
      }),
    ]);

    const status = await send(discordCommand('status', {}, { locale: 'ru' }));
    expect(status.body.data.flags).toBe(64);
    const text = textOf(status.body);
    expect(text).toContain('Ливадия соседи');
    for (const stage of ['История', 'Отношения', 'Команда лидеров', 'Стратегия', 'Система роста', 'События и кампании', 'Следующие шаги']) {
      expect(text).toContain(stage);
    }
  });

  it('answers in each user’s own language, whatever the community’s', async () => {
    const status = await send(discordCommand('status', {}, { locale: 'en-GB' }));
    expect(textOf(status.body)).toContain('Relationships');
  });

  it('opens the story modal with five inputs and saves its submission', async () => {
    const open = await send(discordCommand('story', { action: 'questions' }));
    expect(open.body.type).toBe(9);
    expect(open.body.data.custom_id).toBe('story');
    expect(open.body.data.components).toHaveLength(5);

    const answers = {
      goal: 'Save the park',
      who: 'Neighbours of Livadia',
      how: 'Petition and meetings',
      when: 'By spring',
      vision: 'A green, shared park',
    };
    const saved = await send(discordModalSubmit('story', answers));
    expect(saved.body.data.flags).toBe(64);
    expect(textOf(saved.body)).toContain('2/5');
    const community = (await allItems(t.db, t.tableName)).find((i) => i.entity === 'Community');
    expect(community?.story).toEqual(answers);
  });

  it('refuses the story modal to a member without Manage Server who is not the coordinator, and lets one with it in', async () => {
    const refused = await send(discordCommand('story', { action: 'questions' }, { user: '999999999999999999' }));
    expect(refused.body.type).toBe(4);
    expect(textOf(refused.body)).toContain('Only leaders');
    const manager = await send(
      discordCommand('story', { action: 'questions' }, { user: '999999999999999999', permissions: String(1 << 5) }),
    );
    expect(manager.body.type).toBe(9);
  });

  it('switches the community language with lang, while each reader’s own replies follow their Discord language', async () => {
    await send(discordCommand('lang', { locale: 'ru' }));
    const items = await allItems(t.db, t.tableName);
    expect(items.find((i) => i.entity === 'Community')?.locale).toBe('ru');
    // Status is an ephemeral answer: in the reader's language, not the community's.
    expect(textOf((await send(discordCommand('status', {}, { locale: 'en-US' }))).body)).toContain('Story');
    expect(textOf((await send(discordCommand('status', {}, { locale: 'ru' }))).body)).toContain('История');
  });

  it('keeps guilds and Slack workspaces apart', async () => {
    const other = await send(discordCommand('status', {}, { guild: '666666666666666666' }));
    expect(textOf(other.body)).not.toContain('Ливадия');
    const slack = await t.app.request(slashCommand('status', { team_id: 'T0001', channel_id: '222222222222222222' }));
    expect(await slack.text()).not.toContain('Ливадия');
  });

  it('answers signed garbage with 4xx or a friendly message, never 5xx, and a DM with where to use it', async () => {
    const dm = await send(discordCommand('status', {}, { guild: null }));
    expect(dm.status).toBe(200);
    expect(textOf(dm.body)).toMatch(/server/);
    for (const body of [
      'not json',
      '[]',
      '{}',
      '{"type":2}',
      '{"type":2,"data":{}}',
      '{"type":5,"guild_id":"1","data":{"custom_id":"story"}}',
      '{"type":3}',
      '{"type":99}',
    ]) {
      expect((await t.app.request(discordRequest(body))).status, body).toBeLessThan(500);
    }
  });
});
