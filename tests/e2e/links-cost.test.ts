import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWorker } from '../../functions/src/deferred.ts';
import { startTestApp } from '../support/app.ts';
import { discordText } from '../support/coalitions.ts';
import { discordCommand, discordGroupCommand } from '../support/discord.ts';
import { itemsOf } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** A Slack community (T0001, C1) and two Discord servers that become its places, one before and one after Dana links. */
const TEAM = 'T0001';
const HOME = 'C1';
const COORDINATOR = 'U2147483697';
const GUILD = '666666666666666661';
const PLACE = '888888888888888861';
const LATER_GUILD = '666666666666666662';
const LATER_PLACE = '888888888888888862';
const ADMIN = '700000000000000011';
const DANA = '700000000000000012';
const DANA_SLACK = 'U0DANA';
const NOBODY = '700000000000000013';
/** A community at home on another Discord server, which the first server becomes a place of after unlinking. */
const OTHER_HOME = '666666666666666669';
const OTHER_CHANNEL = '888888888888888869';
const CODE = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/;
const NAME = 'Riverside Tenants';
const TASK = 'Print the flyers';

const slack = (user = COORDINATOR) => ({ team_id: TEAM, channel_id: HOME, user_id: user });
const discord = (user: string, guild = GUILD, channel = PLACE, permissions = '0') => ({ guild, channel, user, permissions });

describe('One community in two places: what a request from a place reads', () => {
  let t: TestApp;
  const send = sender(() => t.app);
  let nextMessage = 920000000000000000n;
  let operations: { name: string; input: string }[] = [];
  const rows = (entity: string) => itemsOf(t.db, t.tableName, entity);
  /**
   * The reads one request sends (the deferred work after it left out: it runs in the worker), as
   * `<operation> <keys>`. Sent once before, so the reader's profile is known (its first sight is written once).
   */
  const reads = async (request: () => Request) => {
    await send(request());
    await t.deps.idle();
    operations = [];
    const response = await send(request());
    const seen = operations
      .filter((o) => /^(Get|BatchGet|Query)/.test(o.name))
      .map(
        (o) =>
          `${o.name.replace('Command', '')} ${[...o.input.matchAll(/"sk":"([^"]+)"|":sk":"([^"]+)"/g)].map((m) => m[1] ?? m[2]).join(' ')}`,
      );
    return { response, reads: seen };
  };
  const linkPlace = async (guild: string, channel: string) => {
    const code = CODE.exec(slackText((await send(slashCommand('link', slack()))).body))?.[1] ?? '';
    const joined = await send(discordGroupCommand('link', 'join', { code }, discord(ADMIN, guild, channel, '8')));
    expect(discordText(joined.body)).toContain(`part of **${NAME}**`);
  };

  beforeAll(async () => {
    t = await startTestApp('e2e-links-cost');
    t.recorder
      .on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } }))
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }));
    (await t.deps.database()).middlewareStack.add(
      (next, context) => async (args) => {
        // Only what the request itself sends: deferred work runs in the worker on AWS.
        if (!inWorker()) operations.push({ name: context.commandName ?? 'unknown', input: JSON.stringify(args.input) });
        return next(args);
      },
      { step: 'initialize', name: 'linksCostCounter' },
    );
    await send(slashCommand(`setup ${NAME}`, slack()));
    await linkPlace(GUILD, PLACE);
  });
  afterAll(() => t.stop());

  it('a place linked while nobody had linked their accounts says so on its pointer', async () => {
    const [pointer] = await rows('PlaceLink');
    expect(pointer).toMatchObject({ pk: `discord#${GUILD}`, aliasesHere: true });
  });

  it('a person who links their accounts is kept beside the place’s pointer too, and counted on the community', async () => {
    await send(discordCommand('join', {}, discord(DANA)));
    const code = CODE.exec(slackText((await send(slashCommand('link me', slack(DANA_SLACK)))).body))?.[1] ?? '';
    const done = await send(discordGroupCommand('link', 'me', { code }, discord(DANA)));
    expect(discordText(done.body)).toContain('one person');
    expect(await rows('AliasHere')).toEqual([
      expect.objectContaining({
        pk: `discord#${GUILD}`,
        sk: `ALIASHERE#${DANA}`,
        primary: DANA_SLACK,
        home: { platform: 'slack', id: TEAM },
      }),
    ]);
    const [community] = await rows('Community');
    expect(community?.linkedPeople).toBe(1);
  });

  it('status from the place is two round trips, for a linked person and for anyone else: the pointer and alias together, then the home', async () => {
    for (const user of [DANA, NOBODY]) {
      const { response, reads: seen } = await reads(() => discordCommand('status', {}, discord(user)));
      expect(discordText(response.body)).toContain(NAME);
      // The pointer and the alias in one BatchGetItem, then the home's community (one Query); nothing else of links.
      expect(seen[0]).toBe(`BatchGetItem PLACELINK ALIASHERE#${user}`);
      expect(seen[1]).toBe(`Query COMMUNITY#${HOME}#META`);
      expect(seen.filter((r) => r.includes('SAMEAS') || r.startsWith('GetItem'))).toEqual([]);
    }
  });

  it('from the place, the linked person is the one the home knows: her task on her Slack id is hers on Discord', async () => {
    await send(slashCommand(`task <@${DANA_SLACK}|dana> ${TASK} by friday`, slack()));
    expect(await rows('Task')).toEqual([expect.objectContaining({ ownerId: DANA_SLACK })]);
    expect(discordText((await send(discordCommand('tasks', { filter: 'mine' }, discord(DANA)))).body)).toContain(TASK);
    expect(discordText((await send(discordCommand('tasks', { filter: 'mine' }, discord(NOBODY)))).body)).not.toContain(TASK);
  });

  it('a place linked after people linked reads the alias at home (one GetItem more), and still knows her', async () => {
    await linkPlace(LATER_GUILD, LATER_PLACE);
    const later = (await rows('PlaceLink')).find((p) => p.pk === `discord#${LATER_GUILD}`);
    expect(later).toBeDefined();
    expect(later?.aliasesHere).toBeUndefined();
    const mine = await reads(() => discordCommand('tasks', { filter: 'mine' }, discord(DANA, LATER_GUILD, LATER_PLACE)));
    expect(discordText(mine.response.body)).toContain(TASK);
    expect(mine.reads.slice(0, 2)).toEqual([`BatchGetItem PLACELINK ALIASHERE#${DANA}`, `GetItem SAMEAS#${DANA}`]);
    const status = await reads(() => discordCommand('status', {}, discord(NOBODY, LATER_GUILD, LATER_PLACE)));
    expect(discordText(status.response.body)).toContain(NAME);
    expect(status.reads.slice(0, 3)).toEqual([
      `BatchGetItem PLACELINK ALIASHERE#${NOBODY}`,
      `GetItem SAMEAS#${NOBODY}`,
      `Query COMMUNITY#${HOME}#META`,
    ]);
  });

  it('a copy left from an earlier link is no alias once the server is another community’s place', async () => {
    await send(discordGroupCommand('link', 'remove', {}, discord(ADMIN, GUILD, PLACE, '8')));
    expect(discordText((await send(discordCommand('status', {}, discord(DANA)))).body)).toContain('no community here');
    // The server becomes a place of a community at home on another Discord server; Dana's copy stays behind.
    const hilltop = { guild: OTHER_HOME, channel: OTHER_CHANNEL, user: ADMIN, permissions: '8' };
    await send(discordCommand('setup', { name: 'Hilltop' }, hilltop));
    const code = CODE.exec(discordText((await send(discordGroupCommand('link', 'invite', {}, hilltop))).body))?.[1] ?? '';
    expect(discordText((await send(discordGroupCommand('link', 'join', { code }, discord(ADMIN, GUILD, PLACE, '8')))).body)).toContain(
      'part of **Hilltop**',
    );
    expect((await rows('AliasHere')).filter((a) => a.pk === `discord#${GUILD}`)).toHaveLength(1);
    // From there she is herself on Discord, not the Slack person Riverside knows.
    await send(discordCommand('join', {}, discord(DANA)));
    const members = (await rows('Member')).filter((m) => m.pk === `discord#${OTHER_HOME}`).map((m) => m.userId);
    expect(members).toContain(DANA);
    expect(members).not.toContain(DANA_SLACK);
  });
});
