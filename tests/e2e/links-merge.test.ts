import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordText } from '../support/coalitions.ts';
import { discordCommand, discordComponent, discordGroupCommand, discordModalSubmit } from '../support/discord.ts';
import { itemsOf } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** A Slack community with a Discord place; Dana has an account on each and links them after using both. */
const TEAM = 'T0001';
const HOME = 'C1';
const SAM = 'U2147483697';
const GUILD = '666666666666666681';
const PLACE = '888888888888888881';
const ADMIN = '700000000000000031';
const DANA = '700000000000000032';
const DANA_SLACK = 'U0DANA';
const CODE = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/;
const NAME = 'Riverside Tenants';
const ON_DISCORD = 'Knock on doors';
const ON_SLACK = 'Print the flyers';

const slack = (user = SAM) => ({ team_id: TEAM, channel_id: HOME, user_id: user });
const discord = (user = ADMIN, permissions = '8') => ({ guild: GUILD, channel: PLACE, user, permissions });
const daysAhead = (days: number) => DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days }).toISODate() ?? '';

describe('One community in two places: what a person did under their second account is theirs once they link it', () => {
  let t: TestApp;
  const send = sender(() => t.app);
  let nextMessage = 940000000000000000n;
  const rows = (entity: string) => itemsOf(t.db, t.tableName, entity);
  let going = '';

  beforeAll(async () => {
    t = await startTestApp('e2e-links-merge');
    t.recorder
      .on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } }))
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }));
    await send(slashCommand(`setup ${NAME}`, slack()));
    const code = CODE.exec(slackText((await send(slashCommand('link', slack()))).body))?.[1] ?? '';
    expect(discordText((await send(discordGroupCommand('link', 'join', { code }, discord()))).body)).toContain(`part of **${NAME}**`);
    // Before linking: a task for each of her accounts, and an RSVP from each to the same event.
    await send(discordCommand('join', {}, discord(DANA, '0')));
    await send(discordCommand('task', { user: DANA, what: ON_DISCORD, due: 'friday' }, discord()));
    await send(slashCommand(`task <@${DANA_SLACK}|dana> ${ON_SLACK} by friday`, slack()));
    await send(
      discordModalSubmit(
        'event',
        { title: 'Tenant meeting', when: `${daysAhead(5)} 18:00`, place: 'Hall', capacity: '', description: '' },
        discord(),
      ),
    );
    const [event] = await rows('Event');
    going = `event:going:${TEAM}:${HOME}:${event?.id}`;
    await send(blockAction(going, { user: SAM, channel: HOME, team: TEAM }));
    await send(discordComponent(going, { guild: GUILD, channel: PLACE, user: DANA }));
    await send(blockAction(going, { user: DANA_SLACK, channel: HOME, team: TEAM }));
    await t.deps.idle();
  });
  afterAll(() => t.stop());

  it('before linking, her two accounts are two people: two owners, two RSVPs', async () => {
    expect((await rows('Task')).map((task) => task.ownerId).sort()).toEqual([DANA, DANA_SLACK].sort());
    const [event] = await rows('Event');
    expect([...((event?.going ?? []) as string[])].sort()).toEqual([SAM, DANA, DANA_SLACK].sort());
  });

  it('after linking, her Discord account’s task and RSVP are her Slack account’s: one owner, one RSVP', async () => {
    const code = CODE.exec(slackText((await send(slashCommand('link me', slack(DANA_SLACK)))).body))?.[1] ?? '';
    expect(discordText((await send(discordGroupCommand('link', 'me', { code }, discord(DANA, '0')))).body)).toContain('one person');
    await t.deps.idle();
    expect((await rows('Task')).map((task) => task.ownerId)).toEqual([DANA_SLACK, DANA_SLACK]);
    const [event] = await rows('Event');
    expect([...((event?.going ?? []) as string[])].sort()).toEqual([SAM, DANA_SLACK].sort());
    // Both her tasks are hers from either side.
    for (const mine of [
      slackText((await send(slashCommand('tasks mine', slack(DANA_SLACK)))).body),
      discordText((await send(discordCommand('tasks', { filter: 'mine' }, discord(DANA, '0')))).body),
    ]) {
      expect(mine).toContain(ON_DISCORD);
      expect(mine).toContain(ON_SLACK);
    }
    // The card counts her once.
    const card = t.recorder.calls.filter((c) => JSON.stringify(c.body).includes('Tenant meeting')).at(-1);
    expect(JSON.stringify(card?.body)).toContain('Going (2)');
  });

  it('moving again changes nothing (the job delivered twice), and an RSVP from either account stays one', async () => {
    expect(await t.deps.core.links.mergePerson({ platform: 'slack', id: TEAM }, HOME, DANA, DANA_SLACK)).toEqual({
      changed: 0,
      events: [],
    });
    await send(discordComponent(going, { guild: GUILD, channel: PLACE, user: DANA }));
    const [event] = await rows('Event');
    expect([...((event?.going ?? []) as string[])].sort()).toEqual([SAM, DANA_SLACK].sort());
  });
});
