import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordText } from '../support/coalitions.ts';
import { discordCommand, discordComponent, discordDmComponent, discordGroupCommand, discordModalSubmit } from '../support/discord.ts';
import { itemsOf } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** The community at home on Slack (workspace T0001, channel C1), and the Discord server that becomes its place. */
const TEAM = 'T0001';
const HOME = 'C1';
const COORDINATOR = 'U2147483697';
const GUILD = '666666666666666666';
const PLACE = '888888888888888888';
/** A Discord admin of the server (Administrator bit), and a member there who is no admin. */
const ADMIN = '700000000000000001';
const DANA = '700000000000000002';
const OTHER_GUILD = '999999999999999990';
const CODE = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/;
const NAME = 'Riverside Tenants';

const slack = (user = COORDINATOR) => ({ team_id: TEAM, channel_id: HOME, user_id: user });
const discord = (user = ADMIN, permissions = '8') => ({ guild: GUILD, channel: PLACE, user, permissions });
const daysAhead = (days: number) => DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days }).toISODate() ?? '';

describe('One community in two places: a Slack community and a Discord server linked', () => {
  let t: TestApp;
  const send = sender(() => t.app);
  let nextMessage = 910000000000000000n;
  const rows = (entity: string) => itemsOf(t.db, t.tableName, entity);
  const slackPosts = () => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === HOME);
  const discordPosts = () => t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${PLACE}/messages`));
  const linkCode = async () => CODE.exec(slackText((await send(slashCommand('link', slack()))).body))?.[1] ?? '';

  beforeAll(async () => {
    t = await startTestApp('e2e-links');
    t.recorder
      .on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } }))
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }))
      .on('/members/search', (call) =>
        call.path.includes(GUILD) && call.path.includes('query=dana')
          ? { body: [{ user: { id: DANA, username: 'dana', global_name: 'Dana' }, nick: null }] }
          : { body: [] },
      );
    await send(slashCommand(`setup ${NAME}`, slack()));
    await send(blockAction('roles:adopt', { user: COORDINATOR, channel: HOME }));
  });
  afterAll(() => t.stop());

  it('links: the coordinator’s code, typed on Discord by a server admin, makes the server a place of the community', async () => {
    const code = await linkCode();
    expect(code).toMatch(CODE);
    // Someone who is no admin of the server is refused before the code is spent.
    const refused = await send(discordGroupCommand('link', 'join', { code }, discord(DANA, '0')));
    expect(discordText(refused.body)).toContain('Only an admin');
    expect(await rows('PlaceLink')).toEqual([]);

    const joined = await send(discordGroupCommand('link', 'join', { code }, discord()));
    expect(discordText(joined.body)).toContain(`part of **${NAME}**`);
    const [pointer] = await rows('PlaceLink');
    expect(pointer).toMatchObject({ pk: `discord#${GUILD}`, home: { tenant: { platform: 'slack', id: TEAM }, communityId: HOME } });
    expect(await rows('Place')).toEqual([
      expect.objectContaining({ pk: `slack#${TEAM}`, place: { tenant: { platform: 'discord', id: GUILD }, channelId: PLACE } }),
    ]);
    // Both channels hear of it, once each.
    await t.deps.idle();
    expect(slackPosts().filter((c) => String(c.body.text).includes('two places'))).toHaveLength(1);
    expect(discordPosts().filter((c) => JSON.stringify(c.body).includes('two places'))).toHaveLength(1);
    // The code worked once.
    const again = await send(discordGroupCommand('link', 'join', { code }, { ...discord(), guild: OTHER_GUILD }));
    expect(discordText(again.body)).toContain('I know no such code');
  });

  it('shows the same community from both: status on Discord is the Slack community’s', async () => {
    const onSlack = slackText((await send(slashCommand('status', slack()))).body);
    const onDiscord = discordText((await send(discordCommand('status', {}, discord(DANA, '0')))).body);
    expect(onSlack).toContain(NAME);
    expect(onDiscord).toContain(NAME);
    // The same stages, in the same order, on both.
    const stages = (text: string) => ['Story', 'Relationships', 'Leadership team', 'Strategy'].map((s) => text.indexOf(s) >= 0);
    expect(stages(onDiscord)).toEqual(stages(onSlack));
    // A server that is not linked sees nothing of it.
    const outside = discordText((await send(discordCommand('status', {}, { ...discord(), guild: OTHER_GUILD }))).body);
    expect(outside).not.toContain(NAME);
    expect(outside).toContain('no community here');
  });

  it('a role assigned on Slack is accepted by a person on Discord, in their direct messages there', async () => {
    await send(discordCommand('join', {}, discord(DANA, '0')));
    expect(await rows('Member')).toContainEqual(expect.objectContaining({ pk: `slack#${TEAM}`, userId: DANA }));
    t.recorder.reset();
    const asked = await send(slashCommand('assign @dana Outreach and recruitment lead', slack()));
    expect(slackText(asked.body)).not.toContain('find nobody');
    await t.deps.idle();
    // The offer went to Dana on Discord (a DM channel opened for her), not to Slack.
    expect(t.recorder.calls.filter((c) => c.path.endsWith('/users/@me/channels')).map((c) => c.body.recipient_id)).toContain(DANA);
    const dm = t.recorder.calls.find((c) => c.path.endsWith('/channels/999/messages') && JSON.stringify(c.body).includes('offer:accept'));
    const accept = /offer:accept:[^"]+/.exec(JSON.stringify(dm?.body))?.[0] ?? '';
    expect(accept).toContain(`:${TEAM}:${HOME}:`);
    const answered = await send(discordDmComponent(accept, DANA));
    expect(answered.status).toBe(200);
    expect(discordText(answered.body)).toContain('Outreach and recruitment');
    const [community] = await rows('Community');
    expect(community?.roles['outreach-and-recruitment']).toMatchObject({ leadId: DANA });
  });

  it('an event created on Discord is posted in both channels and counts the RSVPs from both', async () => {
    t.recorder.reset();
    const created = await send(
      discordModalSubmit(
        'event',
        { title: 'Tenant meeting', when: `${daysAhead(5)} 18:00`, place: 'Hall', capacity: '', description: '' },
        discord(),
      ),
    );
    expect(created.status).toBe(200);
    await t.deps.idle();
    const [event] = await rows('Event');
    expect(event).toMatchObject({ pk: `slack#${TEAM}`, title: 'Tenant meeting' });
    expect(slackPosts().filter((c) => JSON.stringify(c.body).includes('Tenant meeting'))).toHaveLength(1);
    expect(discordPosts().filter((c) => JSON.stringify(c.body).includes('Tenant meeting'))).toHaveLength(1);

    const going = `event:going:${TEAM}:${HOME}:${event?.id}`;
    await send(blockAction(going, { user: COORDINATOR, channel: HOME, team: TEAM }));
    await send(discordComponent(going, { guild: GUILD, channel: PLACE, user: DANA }));
    await t.deps.idle();
    const [answered] = await rows('Event');
    expect([...((answered?.going ?? []) as string[])].sort()).toEqual([COORDINATOR, DANA].sort());
    // The card is redrawn in both places.
    expect(t.recorder.callsTo('chat.update').length).toBeGreaterThan(0);
    expect(t.recorder.calls.filter((c) => c.method === 'PATCH' && c.path.includes(`/channels/${PLACE}/messages/`)).length).toBeGreaterThan(
      0,
    );
  });

  it('a person links their own Slack and Discord accounts: counted once, known as one from Discord, written to where they chose', async () => {
    const DANA_SLACK = 'U0DANA';
    const before = (await rows('Member')).find((m) => m.userId === DANA);
    expect(before).toBeDefined();
    // The code is given to Dana on Slack, only to her; she types it herself on Discord.
    const code = CODE.exec(slackText((await send(slashCommand('link me', slack(DANA_SLACK)))).body))?.[1] ?? '';
    expect(code).toMatch(CODE);
    const done = await send(discordGroupCommand('link', 'me', { code }, discord(DANA, '0')));
    expect(discordText(done.body)).toContain('one person');
    expect(await rows('SameAs')).toEqual([expect.objectContaining({ alias: DANA, primary: DANA_SLACK })]);
    // Counted once: her Discord record's acts moved onto her Slack one, which the ladder lists alone.
    const members = await rows('Member');
    expect(members.filter((m) => m.userId === DANA)).toEqual([]);
    const merged = members.find((m) => m.userId === DANA_SLACK);
    for (const [attribute, value] of Object.entries(before ?? {}).filter(([k]) => k.startsWith('act_')))
      expect(merged?.[attribute]).toBe(value);
    const ladder = slackText((await send(slashCommand('ladder', slack()))).body);
    expect(ladder).not.toContain(DANA);
    // A role offered to her Slack id reaches her on Discord (where she linked), and her click there answers as her.
    t.recorder.reset();
    await send(slashCommand(`assign <@${DANA_SLACK}|dana> Communications lead`, slack()));
    await t.deps.idle();
    expect(t.recorder.calls.filter((c) => c.path.endsWith('/users/@me/channels')).map((c) => c.body.recipient_id)).toEqual([DANA]);
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === DANA_SLACK)).toEqual([]);
    const dm = t.recorder.calls.find((c) => c.path.endsWith('/channels/999/messages') && JSON.stringify(c.body).includes('offer:accept'));
    const accept = /offer:accept:[^"]+/.exec(JSON.stringify(dm?.body))?.[0] ?? '';
    await send(discordDmComponent(accept, DANA));
    const [community] = await rows('Community');
    expect(community?.roles.communications).toMatchObject({ leadId: DANA_SLACK });
    // The code worked once.
    const again = await send(discordGroupCommand('link', 'me', { code }, discord('700000000000000009', '0')));
    expect(discordText(again.body)).toContain('no such code');
  });

  it('keeps every boundary: guessed, expired and reused codes, a server with a community of its own, a DM naming a workspace with no place there', async () => {
    const before = (await rows('PlaceLink')).length;
    const offers = await rows('Offer');
    // A server with a community of its own cannot become a place of another.
    const own = { guild: OTHER_GUILD, channel: '888888888888888880', user: ADMIN, permissions: '8' };
    await send(discordCommand('setup', { name: 'Hilltop' }, own));
    const refused = await send(discordGroupCommand('link', 'join', { code: await linkCode() }, own));
    expect(discordText(refused.body)).toContain('has a community of its own');
    // Guessing: five wrong codes from a channel, then even a right one is refused there.
    const guesser = { guild: '999999999999999991', channel: '888888888888888881', user: ADMIN, permissions: '8' };
    for (const guess of ['AAAAA-AAAAA', 'BBBBB-BBBBB', 'CCCCC-CCCCC', 'DDDDD-DDDDD', 'EEEEE-EEEEE'])
      expect(discordText((await send(discordGroupCommand('link', 'join', { code: guess }, guesser))).body)).toContain(
        'I know no such code',
      );
    const right = await linkCode();
    expect(discordText((await send(discordGroupCommand('link', 'join', { code: right }, guesser))).body)).toContain('Too many wrong codes');
    // Expired: a code typed 16 minutes after it was given.
    const late = await linkCode();
    testClock.advance(16 * 60_000);
    const expired = { guild: '999999999999999992', channel: '888888888888888882', user: ADMIN, permissions: '8' };
    expect(discordText((await send(discordGroupCommand('link', 'join', { code: late }, expired))).body)).toContain('expired');
    // A Discord DM button naming a Slack workspace that has no place on Discord acts nowhere.
    const forged = await send(discordDmComponent('offer:accept:T0099:C1:offer1', DANA));
    expect(forged.status).toBe(200);
    expect(discordText(forged.body)).toContain('no community here');
    expect((await rows('PlaceLink')).length).toBe(before);
    expect(await rows('Offer')).toEqual(offers);
  });

  it('unlinks from Discord at once: the place sees the community no more, gets its copy, and both channels are told', async () => {
    t.recorder.reset();
    const unlinked = await send(discordGroupCommand('link', 'remove', {}, discord()));
    expect(discordText(unlinked.body)).toContain('unlinked');
    expect(await rows('PlaceLink')).toEqual([]);
    expect(await rows('Place')).toEqual([]);
    const status = discordText((await send(discordCommand('status', {}, discord(DANA, '0')))).body);
    expect(status).toContain('no community here');
    await t.deps.idle();
    expect(slackPosts().filter((c) => String(c.body.text).includes('unlinked'))).toHaveLength(1);
    expect(discordPosts().filter((c) => JSON.stringify(c.body).includes('unlinked'))).toHaveLength(1);
    // The copy: the export's files, in the admin's Discord DMs.
    expect(t.recorder.calls.filter((c) => c.path.endsWith('/users/@me/channels')).map((c) => c.body.recipient_id)).toContain(ADMIN);
    const files = t.recorder.calls.find((c) => c.path.endsWith('/channels/999/messages') && c.raw.includes('community.json'));
    expect(files?.raw).toContain('Tenant meeting');
    // The community goes on at home, alone: a post there reaches Slack only.
    t.recorder.reset();
    await send(slashCommand('debrief', slack()));
    await t.deps.idle();
    expect(discordPosts()).toEqual([]);
  });
});
