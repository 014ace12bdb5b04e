import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordRequest } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

// Every Discord interaction has its own id (a repeat of one gets the first answer).
let interactions = 1_300_000_000_000_000_000n;
type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';

describe('roles of the leadership team (stage 3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-roles', { LOG_LEVEL: 'error' });
  });
  afterAll(() => t.stop());

  const send = sender(() => t.app);
  const roles = async () => ((await allItems(t.db, t.tableName)).find((i) => i.entity === 'Community') as any)?.roles ?? {};
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });

  it('shows an empty snowflake with the starter set offered to leaders, and adopts it with one button', async () => {
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    const empty = await send(slashCommand('roles', as(COORDINATOR)));
    expect(slackText(empty.body)).toContain('No roles yet');
    const actions = empty.body.blocks.find((b: any) => b.type === 'actions');
    expect(actions.elements[0].action_id).toBe('roles:adopt');
    expect((await send(slashCommand('roles', as('U9')))).body.blocks.some((b: any) => b.type === 'actions')).toBe(false);

    await send(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
    const stored = await roles();
    expect(Object.keys(stored).sort()).toEqual([
      'communications',
      'coordinator',
      'events-and-logistics',
      'finance-and-resources',
      'outreach-and-recruitment',
    ]);
    expect(stored.coordinator.leadId).toBe(COORDINATOR);
    const snowflake = slackText((await send(slashCommand('roles', as('U9')))).body);
    expect(snowflake).toContain('*Coordinator*: led by <@U2147483697>');
    expect(snowflake).toContain('⚠️ *Outreach and recruitment*: no lead yet');
    expect(snowflake).toContain('Welcome newcomers within a week');
  });

  it('counts three described roles toward stage 3, and suggests finding leads next', async () => {
    const status = slackText((await send(slashCommand('status', as(COORDINATOR)))).body);
    expect(status).toContain('*Leadership team*: 2/3');
  });

  it('refuses a non-leader and changes nothing', async () => {
    const before = await roles();
    const res = await send(slashCommand('role add Fundraising', as('U9')));
    expect(slackText(res.body)).toContain('Only leaders');
    expect(await roles()).toEqual(before);
  });

  it('adds a role once even when two leaders add it at the same moment', async () => {
    const [a, b] = await Promise.all([
      send(slashCommand('role add Youth work', as(COORDINATOR))),
      send(slashCommand('role add Youth  work', as(COORDINATOR))),
    ]);
    const texts = [slackText(a.body), slackText(b.body)];
    expect(texts.filter((text) => text.includes('already a role'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('added'))).toHaveLength(1);
    expect((await roles())['youth-work'].name).toBe('Youth work');
  });

  it('edits a role’s responsibilities through its modal and removes a role', async () => {
    await send(slashCommand('role edit youth work', as(COORDINATOR)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
    expect(view.callback_id).toBe('role');
    const { state } = JSON.parse(view.private_metadata);
    expect(state).toBe('youth-work');
    await send(
      viewSubmission('role', { name: 'Youth work', duties: '- Run the homework club\n- Talk to the school' }, { channel: 'C1', state }),
    );
    expect((await roles())['youth-work'].responsibilities).toEqual(['Run the homework club', 'Talk to the school']);
    const removed = await send(slashCommand('role remove Youth work', as(COORDINATOR)));
    expect(slackText(removed.body)).toContain('removed');
    expect((await roles())['youth-work']).toBeUndefined();
    expect(slackText((await send(slashCommand('role remove Youth work', as(COORDINATOR)))).body)).toContain('There is no role');
  });

  it('works on Discord: a subcommand group adds a role in Russian, and the modal opens without a name', async () => {
    const interaction = (options: unknown[], locale = 'ru') =>
      discordRequest(
        JSON.stringify({
          type: 2,
          id: String(++interactions),
          application_id: '111111111111111111',
          token: 't',
          version: 1,
          guild_id: '555555555555555555',
          channel_id: '222222222222222222',
          locale,
          member: { user: { id: '333333333333333333' }, permissions: '0' },
          data: { id: '1', name: 'community', type: 1, options },
        }),
      );
    await send(interaction([{ type: 1, name: 'setup', options: [{ type: 3, name: 'name', value: 'Соседи' }] }]));
    const added = await send(
      interaction([
        { type: 2, name: 'role', options: [{ type: 1, name: 'add', options: [{ type: 3, name: 'name', value: 'Привлечение' }] }] },
      ]),
    );
    expect(added.body.data.content).toContain('Роль «Привлечение» добавлена');
    const modal = await send(interaction([{ type: 2, name: 'role', options: [{ type: 1, name: 'add', options: [] }] }]));
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: 'role' } });
    const shown = await send(interaction([{ type: 2, name: 'role', options: [{ type: 1, name: 'list', options: [] }] }]));
    expect(shown.body.data.content).toContain('⚠️ **Привлечение**: руководителя пока нет');
  });
});

describe('Discord role autocomplete', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-roles-autocomplete');
  });
  afterAll(() => t.stop());

  it('suggests the community’s roles matching what is typed, and nothing outside a community', async () => {
    const interaction = (type: number, options: unknown[], guild = '555555555555555555') =>
      discordRequest(
        JSON.stringify({
          type,
          id: String(++interactions),
          application_id: '111111111111111111',
          token: 't',
          version: 1,
          guild_id: guild,
          channel_id: '222222222222222222',
          locale: 'en-US',
          member: { user: { id: '333333333333333333' }, permissions: '0' },
          data: { id: '1', name: 'community', type: 1, options },
        }),
      );
    await t.app.request(interaction(2, [{ type: 1, name: 'setup', options: [{ type: 3, name: 'name', value: 'Park' }] }]));
    for (const name of ['Outreach', 'Events', 'Outdoor games']) {
      await t.app.request(
        interaction(2, [{ type: 2, name: 'role', options: [{ type: 1, name: 'add', options: [{ type: 3, name: 'name', value: name }] }] }]),
      );
    }
    const typing = (value: string, guild?: string) =>
      interaction(
        4,
        [
          {
            type: 1,
            name: 'assign',
            options: [
              { type: 6, name: 'user', value: '1' },
              { type: 3, name: 'role', value, focused: true },
            ],
          },
        ],
        guild,
      );
    const res = await t.app.request(typing('out'));
    expect(await res.json()).toEqual({
      type: 8,
      data: {
        choices: [
          { name: 'Outreach', value: 'Outreach' },
          { name: 'Outdoor games', value: 'Outdoor games' },
        ],
      },
    });
    const elsewhere = await t.app.request(typing('out', '666666666666666666'));
    expect(await elsewhere.json()).toEqual({ type: 8, data: { choices: [] } });
  });
});
