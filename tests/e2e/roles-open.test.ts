import { communityCommand } from '@organizer/discord/commands';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordGroupCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand } from '../support/slack.ts';
import { stateItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';

describe('roles open: the roles still waiting for a lead', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-roles-open', { LOG_LEVEL: 'error' });
  });
  afterAll(() => t.stop());

  const send = sender(() => t.app);
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });

  it('says there are no roles yet, then lists the starter roles without a lead, with how to offer one', async () => {
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    expect(slackText((await send(slashCommand('roles open', as('U9')))).body)).toContain('No roles yet');
    await send(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
    const before = await stateItems(t.db, t.tableName);
    const open = await send(slashCommand('roles open', as('U9')));
    expect(open.body.response_type).toBe('ephemeral');
    const text = slackText(open.body);
    expect(text).toContain('4 roles of Green Street Tenants have no lead');
    expect(text).toContain('*Outreach and recruitment* · responsibilities: ');
    // The coordinator role is led by whoever set the community up.
    expect(text).not.toContain('*Coordinator*');
    expect(text).toContain('/community assign @someone Outreach and recruitment lead');
    // Reading changes nothing.
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
  });

  it('answers on Discord under /community role open, in Russian with its plural', async () => {
    const ru = { locale: 'ru' };
    await send(discordCommand('setup', { name: 'Соседи' }, ru));
    await send(discordGroupCommand('role', 'add', { name: 'Привлечение' }, ru));
    const shown = await send(discordGroupCommand('role', 'open', {}, ru));
    expect(shown.body.data.flags).toBe(64);
    const text = JSON.stringify(shown.body.data);
    expect(text).toContain('1 роль без руководителя');
    expect(text).toContain('Привлечение');
    // Discord is told of it: the role group carries `open` beside list, add, edit and remove.
    const group = communityCommand.options.find((o: { name: string }) => o.name === 'role') as { options: { name: string }[] };
    expect(group.options.map((o) => o.name)).toEqual(['list', 'open', 'add', 'edit', 'remove']);
  });
});
