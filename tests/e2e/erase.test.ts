import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordGroupCommand, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';

describe('erase: a community is deleted only when its coordinator asks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-erase');
  });
  afterAll(() => t.stop());
  beforeEach(() => t.recorder.reset());

  const send = sender(() => t.app);
  const as = (user: string, channel = 'C1') => ({ channel_id: channel, user_id: user });
  const rowsOf = async (prefix: string) => (await allItems(t.db, t.tableName)).filter((i) => String(i.sk).startsWith(prefix));

  it('only the coordinator gets the confirmation, which asks for the community’s name', async () => {
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    await send(slashCommand('setup Harbour Club', as(COORDINATOR, 'C2')));
    await send(viewSubmission('story', { goal: 'Warm homes', vision: 'Every flat warm' }, { channel: 'C1', user: COORDINATOR }));
    await send(slashCommand('task <@U9> call the landlord by friday', as(COORDINATOR)));
    expect((await rowsOf('COMMUNITY#C1#')).length).toBeGreaterThan(2);

    const refused = await send(slashCommand('erase', as('U9')));
    expect(slackText(refused.body)).toContain('Only the coordinator');
    expect(t.recorder.callsTo('views.open')).toEqual([]);

    expect((await send(slashCommand('erase', as(COORDINATOR)))).status).toBe(200);
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('erase');
    expect(view.blocks[0].hint.text).toContain('Green Street Tenants');
  });

  it('a wrong name deletes nothing and says so next to the field', async () => {
    const before = await allItems(t.db, t.tableName);
    const wrong = await send(viewSubmission('erase', { name: 'Harbour Club' }, { channel: 'C1', user: COORDINATOR }));
    expect(wrong.body).toMatchObject({ response_action: 'errors', errors: { name: expect.stringContaining('Green Street Tenants') } });
    expect(await allItems(t.db, t.tableName)).toEqual(before);
  });

  it('the right name deletes the community and all it holds, tells the coordinator by DM, and leaves the other one', async () => {
    const other = await rowsOf('COMMUNITY#C2#');
    const answer = await send(viewSubmission('erase', { name: ' green street tenants ' }, { channel: 'C1', user: COORDINATOR }));
    expect(answer.status).toBe(200);
    expect(await rowsOf('COMMUNITY#C1#')).toEqual([]);
    expect(await rowsOf('COMMUNITY#C2#')).toEqual(other);
    const dm = t.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === COORDINATOR);
    expect(String(dm?.body.text)).toMatch(/“Green Street Tenants” is deleted: \d+ records are gone/);

    // The channel is free for a new community.
    const again = await send(slashCommand('setup Green Street Again', as(COORDINATOR)));
    expect(slackText(again.body)).toContain('Green Street Again');
  });

  it('on Discord: the same, through a modal', async () => {
    const guild = '555555555555555555';
    const coordinator = '333333333333333333';
    await send(discordCommand('setup', { name: 'Соседи' }, { guild, user: coordinator, locale: 'ru' }));
    const modal = await send(discordGroupCommand('data', 'erase', {}, { guild, user: coordinator, locale: 'ru' }));
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: 'erase', title: 'Удалить сообщество' } });
    // Registrations from before the `data` group still send the top-level `erase`: it opens the same modal.
    const older = await send(discordCommand('erase', {}, { guild, user: coordinator, locale: 'ru' }));
    expect(older.body).toMatchObject({ type: 9, data: { custom_id: 'erase', title: 'Удалить сообщество' } });
    const done = await send(discordModalSubmit('erase', { name: 'Соседи' }, { guild, user: coordinator, locale: 'ru' }));
    expect(done.body.data.content).toContain('Удаляю сообщество «Соседи»');
    expect((await allItems(t.db, t.tableName)).filter((i) => i.pk === `discord#${guild}`)).toEqual([]);
  });
});
