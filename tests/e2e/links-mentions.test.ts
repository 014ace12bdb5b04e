import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordText } from '../support/coalitions.ts';
import { discordComponent, discordGroupCommand, discordModalSubmit } from '../support/discord.ts';
import { itemsOf } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** A Slack community with a Discord place: Sam on Slack only, Dana on Discord only, Lee on both (linked). */
const TEAM = 'T0001';
const HOME = 'C1';
const SAM = 'U2147483697';
const GUILD = '666666666666666671';
const PLACE = '888888888888888871';
const ADMIN = '700000000000000021';
const DANA = '700000000000000022';
const LEE = '700000000000000023';
const LEE_SLACK = 'U0LEE';
const CODE = /\b([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})\b/;
const NAME = 'Riverside Tenants';

const slack = (user = SAM) => ({ team_id: TEAM, channel_id: HOME, user_id: user });
const discord = (user = ADMIN, permissions = '8') => ({ guild: GUILD, channel: PLACE, user, permissions });
const daysAhead = (days: number) => DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days }).toISODate() ?? '';

describe('One community in two places: people of the other platform are shown by name', () => {
  let t: TestApp;
  const send = sender(() => t.app);
  let nextMessage = 930000000000000000n;
  const rows = (entity: string) => itemsOf(t.db, t.tableName, entity);
  /** The last drawing of the event's card on each side (posted, then redrawn). */
  const lastOnSlack = () =>
    JSON.stringify(
      [...t.recorder.callsTo('chat.postMessage'), ...t.recorder.callsTo('chat.update')]
        .filter((c) => c.body.channel === HOME && JSON.stringify(c.body).includes('Tenant meeting'))
        .at(-1)?.body,
    );
  const lastOnDiscord = () =>
    JSON.stringify(
      t.recorder.calls
        .filter((c) => c.path.includes(`/channels/${PLACE}/messages`) && JSON.stringify(c.body).includes('Tenant meeting'))
        .at(-1)?.body,
    );

  beforeAll(async () => {
    t = await startTestApp('e2e-links-mentions');
    t.recorder
      .on('users.info', (call) => ({
        body: {
          ok: true,
          user: {
            id: call.body.user,
            name: 'sam',
            is_admin: false,
            is_owner: false,
            profile: { display_name: call.body.user === SAM ? 'Sam_O' : '' },
          },
        },
      }))
      .on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } }))
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }))
      .on(`/members/${DANA}`, () => ({ body: { user: { id: DANA, username: 'dana', global_name: 'Dana <Q>' }, nick: null } }));
    await send(slashCommand(`setup ${NAME}`, slack()));
    const code = CODE.exec(slackText((await send(slashCommand('link', slack()))).body))?.[1] ?? '';
    expect(discordText((await send(discordGroupCommand('link', 'join', { code }, discord()))).body)).toContain(`part of **${NAME}**`);
    const me = CODE.exec(slackText((await send(slashCommand('link me', slack(LEE_SLACK)))).body))?.[1] ?? '';
    expect(discordText((await send(discordGroupCommand('link', 'me', { code: me }, discord(LEE, '0')))).body)).toContain('one person');
  });
  afterAll(() => t.stop());

  it('an event’s card names each person as their side knows them: a mention where they are, their name where they are not', async () => {
    await send(
      discordModalSubmit(
        'event',
        { title: 'Tenant meeting', when: `${daysAhead(5)} 18:00`, place: 'Hall', capacity: '', description: '' },
        discord(),
      ),
    );
    const [event] = await rows('Event');
    const going = `event:going:${TEAM}:${HOME}:${event?.id}`;
    await send(blockAction(going, { user: SAM, channel: HOME, team: TEAM }));
    await send(discordComponent(going, { guild: GUILD, channel: PLACE, user: DANA }));
    await send(discordComponent(going, { guild: GUILD, channel: PLACE, user: LEE }));
    await t.deps.idle();
    const [answered] = await rows('Event');
    expect([...((answered?.going ?? []) as string[])].sort()).toEqual([SAM, DANA, LEE_SLACK].sort());

    // Slack: Sam and Lee (by his Slack id) mentioned; Dana, who is on Discord only, by her name, escaped.
    const onSlack = lastOnSlack();
    expect(onSlack).toContain(`<@${SAM}>`);
    expect(onSlack).toContain(`<@${LEE_SLACK}>`);
    expect(onSlack).toContain('Dana &lt;Q&gt;');
    expect(onSlack).not.toContain(DANA);
    // Discord: Dana and Lee (by his Discord id) mentioned; Sam, on Slack only, by his name, its markdown escaped.
    const onDiscord = lastOnDiscord();
    expect(onDiscord).toContain(`<@${DANA}>`);
    expect(onDiscord).toContain(`<@${LEE}>`);
    expect(onDiscord).toContain('Sam\\\\_O');
    expect(onDiscord).not.toContain(SAM);
    expect(onDiscord).not.toContain(LEE_SLACK);
  });

  it('a name that cannot be had leaves the mention as it was, and the card is still delivered', async () => {
    // Discord does not know the admin as a member any more (404): the Slack copy keeps the id.
    t.recorder.on(`/members/${ADMIN}`, () => ({ status: 404, body: { message: 'Unknown Member', code: 10007 } }));
    const [event] = await rows('Event');
    await send(discordComponent(`event:going:${TEAM}:${HOME}:${event?.id}`, { guild: GUILD, channel: PLACE, user: ADMIN }));
    await t.deps.idle();
    expect(t.recorder.calls.filter((c) => c.path.endsWith(`/members/${ADMIN}`)).length).toBeGreaterThan(0);
    expect(lastOnSlack()).toContain(`<@${ADMIN}>`);
    expect(lastOnSlack()).toContain('Dana &lt;Q&gt;');
    expect(lastOnDiscord()).toContain(`<@${ADMIN}>`);
  });
});
