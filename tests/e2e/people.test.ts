import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordDmComponent, discordModalSubmit, discordRequest } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, newTriggerId, slackRequest, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';

/** Members as Slack's `users.list` pages them: the bot, a deactivated account and Slackbot are nobody to name. */
const page1 = [
  { id: 'USLACKBOT', name: 'slackbot', is_bot: false, profile: { display_name: 'Slackbot', real_name: 'Slackbot' } },
  { id: 'U0A1', name: 'ana', real_name: 'Ana Lima', profile: { display_name: 'Ana', real_name: 'Ana Lima' } },
  { id: 'U0BOT', name: 'organizer', is_bot: true, profile: { display_name: 'Organizer', real_name: 'Organizer' } },
  { id: 'U0OLD', name: 'ben.old', deleted: true, profile: { display_name: 'Ben', real_name: 'Ben Old' } },
];
const page2 = [
  { id: 'U0B2', name: 'ben', real_name: 'Ben Carter', profile: { display_name: 'Ben', real_name: 'Ben Carter' } },
  { id: 'U0S1', name: 'sam.lee', real_name: 'Sam Lee', profile: { display_name: 'Sam', real_name: 'Sam Lee' } },
  { id: 'U0S2', name: 'sam.ortiz', real_name: 'Samuel Ortiz', profile: { display_name: 'Sam', real_name: 'Samuel Ortiz' } },
  { id: 'W0C3', name: 'chloe', real_name: 'Chloé Martin', profile: { display_name: 'Chloé', real_name: 'Chloé Martin' } },
];

describe('Slack: naming people and roles as a real workspace sends them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-people-slack');
    t.recorder.on('users.list', (call) =>
      call.body.cursor === 'page2'
        ? { body: { ok: true, members: page2, response_metadata: { next_cursor: '' } } }
        : { body: { ok: true, members: page1, response_metadata: { next_cursor: 'page2' } } },
    );
    await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
  });
  afterAll(() => t.stop());

  const send = sender(() => t.app);
  const as = (user: string, team = 'T0001') => ({ channel_id: 'C1', user_id: user, team_id: team });
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const dmsTo = (user: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === user);

  it('before there are roles, says how to assign with a starter role the community can adopt', async () => {
    const text = slackText((await send(slashCommand('assign <@U0B2|ben>', as(COORDINATOR)))).body);
    expect(text).toContain('for example `/community assign @maria Outreach and recruitment lead`');
    expect(text).toContain('“Coordinator”, “Outreach and recruitment”, “Communications”');
    expect(await items('Offer')).toEqual([]);
  });

  it('reads the exact body Slack posts for `assign @ben outreach lead` under the shipped manifest', async () => {
    await send(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
    t.recorder.reset();
    // should_escape: true → the picked mention arrives as <@id|name>, form-encoded as Slack encodes it.
    const body = [
      'token=gIkuvaNzQIHg97ATvDxqgjtO',
      'team_id=T0001',
      'team_domain=example',
      'channel_id=C1',
      'channel_name=organizing',
      `user_id=${COORDINATOR}`,
      'user_name=steve',
      'command=%2Fcommunity',
      'text=assign+%3C%40U0B2%7Cben%3E+outreach+lead',
      'api_app_id=A123456',
      'is_enterprise_install=false',
      'response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678',
      `trigger_id=${encodeURIComponent(newTriggerId())}`,
    ].join('&');
    const res = await send(slackRequest(body, 'application/x-www-form-urlencoded'));
    expect(res.status).toBe(200);
    expect(slackText(res.body)).toContain('Asked <@U0B2> to lead *Outreach and recruitment*');
    expect((await items('Offer')).map((o) => [o.userId, o.roleId, o.asLead])).toEqual([['U0B2', 'outreach-and-recruitment', true]]);
    expect(dmsTo('U0B2')).toHaveLength(1);
    // A mention needs no lookup.
    expect(t.recorder.callsTo('users.list')).toEqual([]);
  });

  it('finds a typed @name among the members (every page of users.list), and lists them once for a while', async () => {
    t.recorder.reset();
    const res = await send(slashCommand('task @Ben Print the flyers', as(COORDINATOR)));
    expect(slackText(res.body)).toContain('Asked <@U0B2> to take: Print the flyers');
    const lists = t.recorder.callsTo('users.list');
    expect(lists.map((c) => c.body.cursor)).toEqual([undefined, 'page2']);
    expect((await items('Task')).map((task) => [task.ownerId, task.title])).toEqual([['U0B2', 'Print the flyers']]);
    expect(dmsTo('U0B2')).toHaveLength(1);
    // An enterprise user by their real name; the list is remembered, so Slack is not asked again.
    const chloe = await send(slashCommand('assign @chloé recruitment', as(COORDINATOR)));
    expect(slackText(chloe.body)).toContain('Asked <@W0C3> to join *Outreach and recruitment*');
    expect(t.recorder.callsTo('users.list')).toHaveLength(2);
  });

  it('asks which one when a name fits several people, and names what it could not find; nothing changes', async () => {
    t.recorder.reset();
    const before = await items('Offer');
    const several = slackText((await send(slashCommand('assign @sam events', as(COORDINATOR)))).body);
    expect(several).toContain('did you mean @sam.lee (Sam Lee) or @sam.ortiz (Samuel Ortiz)?');
    const none = slackText((await send(slashCommand('assign @zoe events', as(COORDINATOR)))).body);
    expect(none).toContain('I could not find anyone called “zoe” here');
    const near = slackText((await send(slashCommand('1on1 log @samu', as(COORDINATOR)))).body);
    expect(near).toContain('Did you mean @sam.ortiz (Samuel Ortiz)?');
    expect(await items('Offer')).toEqual(before);
    expect(await items('OneOnOne')).toEqual([]);
    expect(t.recorder.callsTo('chat.postMessage')).toEqual([]);
  });

  it('says it could not look people up when Slack answers 429 or 500, and changes nothing', async () => {
    t.recorder.on('users.list', () => ({ status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } }));
    const limited = await send(slashCommand('assign @ben events', as(COORDINATOR, 'T0002')));
    expect(limited.status).toBe(200);
    expect(limited.body.response_type).toBe('ephemeral');
    expect(slackText(limited.body)).toContain('I could not look people up right now to find “ben”');
    t.recorder.on('users.list', () => ({ status: 500, body: { ok: false, error: 'internal_error' } }));
    const broken = await send(slashCommand('task @ben Call the landlord', as(COORDINATOR, 'T0003')));
    expect(broken.status).toBe(200);
    expect(slackText(broken.body)).toContain('I could not look people up right now');
    expect(await items('Task')).toHaveLength(1);
  });

  it('matches a role by a word of its name, asks when several fit, and names the real roles when none does', async () => {
    const word = slackText((await send(slashCommand('assign <@U0A1|ana> logistics', as(COORDINATOR)))).body);
    expect(word).toContain('Asked <@U0A1> to join *Events and logistics*');
    const several = slackText((await send(slashCommand('assign <@U0A1|ana> and', as(COORDINATOR)))).body);
    expect(several).toContain('did you mean “Outreach and recruitment”, “Events and logistics” or “Finance and resources”?');
    const none = slackText((await send(slashCommand('assign <@U0A1|ana> youth', as(COORDINATOR)))).body);
    expect(none).toContain('There is no role called “youth”. The roles here: “Coordinator”, “Outreach and recruitment”');
    expect((await items('Offer')).filter((o) => o.userId === 'U0A1').map((o) => o.roleId)).toEqual(['events-and-logistics']);
  });

  it('tells the person when a leader takes them off a role, once however often it is sent', async () => {
    const offer = (await items('Offer')).find((o) => o.userId === 'U0B2');
    await send(blockAction(`offer:accept:T0001:C1:${offer.id}`, { user: 'U0B2', channel: 'D0B2' }));
    expect((await items('Community'))[0].roles['outreach-and-recruitment'].leadId).toBe('U0B2');
    t.recorder.reset();
    const res = await send(slashCommand('unassign <@U0B2|ben> Outreach', as(COORDINATOR)));
    expect(slackText(res.body)).toContain('<@U0B2> is no longer in *Outreach and recruitment*');
    const told = dmsTo('U0B2');
    expect(told).toHaveLength(1);
    expect(String(told[0]?.body.text)).toContain(
      `<@${COORDINATOR}> took you off leading *Outreach and recruitment* in Green Street Tenants`,
    );
    const again = await send(slashCommand('unassign <@U0B2|ben> Outreach', as(COORDINATOR)));
    expect(slackText(again.body)).toContain('is not in *Outreach and recruitment*');
    expect(dmsTo('U0B2')).toHaveLength(1);
    const community = (await items('Community'))[0];
    expect(community.roles['outreach-and-recruitment'].leadId).toBeUndefined();
  });

  it('tells the person when an open offer to them is withdrawn', async () => {
    t.recorder.reset();
    const res = await send(slashCommand('unassign @chloe outreach', as(COORDINATOR)));
    expect(slackText(res.body)).toContain('The open offer to <@W0C3> for *Outreach and recruitment* is withdrawn');
    const told = dmsTo('W0C3');
    expect(told).toHaveLength(1);
    expect(String(told[0]?.body.text)).toContain('withdrew the offer to join *Outreach and recruitment* in Green Street Tenants');
    expect((await items('Offer')).some((o) => o.userId === 'W0C3')).toBe(false);
  });
});

const GUILD = '555555555555555555';
const CHANNEL = '222222222222222222';
const LEADER = '333333333333333333';

describe('Discord: a name typed in free text, and a role by a word, in Russian', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-people-discord');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }))
      .on('/messages', () => ({ body: { id: '1000' } }))
      .on('/members/search', (call) => {
        const query = new URL(call.path, 'http://x').searchParams.get('query');
        const members = [
          { user: { id: '700000000000000001', username: 'ben', global_name: 'Ben Carter' }, nick: null },
          { user: { id: '700000000000000002', username: 'benedikt', global_name: 'Бенедикт' }, nick: 'Бен' },
          { user: { id: '700000000000000003', username: 'berta', global_name: null }, nick: 'Берта' },
        ];
        return {
          body: members.filter((m) => [m.user.username, m.user.global_name, m.nick].some((n) => n?.toLowerCase().startsWith(query ?? ''))),
        };
      });
    const ru = { locale: 'ru' };
    await t.app.request(discordCommand('setup', { name: 'Соседи' }, ru));
    await t.app.request(
      discordModalSubmit(
        `debrief|${GUILD}|${CHANNEL}|general`,
        { worked: 'Обход', didnt: '', turnout: '', learned: '', next: '- Позвонить в управляющую\n- Напечатать листовки' },
        ru,
      ),
    );
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const dmsTo = (user: string) => t.recorder.calls.filter((c) => c.path.endsWith(`/channels/dm-${user}/messages`));

  it('looks up `@ben` typed in the step (no user option) through the guild member search', async () => {
    t.recorder.reset();
    const res = await send(discordCommand('next', { step: '1 @ben' }, { locale: 'ru' }));
    expect(res.status).toBe(200);
    const search = t.recorder.callsTo('/members/search')[0];
    expect(search?.path).toBe(`/discord/api/v10/guilds/${GUILD}/members/search?query=ben&limit=25`);
    expect(search?.headers.authorization).toBe('Bot discord-test-token');
    expect((await items('Task')).map((task) => [task.ownerId, task.title])).toEqual([['700000000000000001', 'Позвонить в управляющую']]);
    expect(dmsTo('700000000000000001')).toHaveLength(1);
  });

  it('asks which one in Russian when the name fits several, and says so when the search fails', async () => {
    const several = await send(discordCommand('next', { step: '1 @бе' }, { locale: 'ru' }));
    expect(several.body.data.flags).toBe(64);
    expect(several.body.data.content).toContain('Под «бе» подходят несколько человек: @benedikt (Бен) или @berta (Берта)?');
    t.recorder.on('/members/search', () => ({ status: 500, body: { message: '500: Internal Server Error', code: 0 } }));
    const failed = await send(discordCommand('next', { step: '1 @ben' }, { locale: 'ru' }));
    expect(failed.status).toBe(200);
    expect(failed.body.data.content).toContain('Сейчас не получилось найти «ben» среди участников');
    expect(await items('Task')).toHaveLength(1);
  });

  it('finds «Лидерство и обучение» by «лид», and tells the person in the community’s language when taken off it', async () => {
    await t.app.request(roleAdd('Лидерство и обучение'));
    t.recorder.reset();
    const offered = await send(discordCommand('assign', { user: '700000000000000002', role: 'лид' }, { locale: 'ru' }));
    expect(offered.body.data.content).toContain('<@700000000000000002>');
    expect(offered.body.data.content).toContain('Лидерство и обучение');
    const card = dmsTo('700000000000000002')[0]?.body as any;
    const accept = card.components[0].components[0].custom_id as string;
    await send(discordDmComponent(accept, '700000000000000002', 'ru'));
    t.recorder.reset();
    const res = await send(discordCommand('unassign', { user: '700000000000000002', role: 'обучение' }, { locale: 'ru' }));
    expect(res.body.data.content).toContain('<@700000000000000002> больше не в роли');
    const told = dmsTo('700000000000000002');
    expect(told).toHaveLength(1);
    expect(String((told[0]?.body as any)?.content)).toContain(
      `<@${LEADER}> снял(а) вас с роли **Лидерство и обучение** в сообществе Соседи`,
    );
  });
});

/** `/community role add name:<name>` (a subcommand group), as Discord sends it. */
function roleAdd(name: string): Request {
  const body = {
    type: 2,
    id: '1300000000000000077',
    application_id: '111111111111111111',
    token: 't',
    version: 1,
    guild_id: GUILD,
    channel_id: CHANNEL,
    channel: { id: CHANNEL, type: 0 },
    locale: 'ru',
    member: { user: { id: LEADER, username: 'organizer' }, permissions: '0', roles: [] },
    data: {
      id: '1',
      name: 'community',
      type: 1,
      options: [{ type: 2, name: 'role', options: [{ type: 1, name: 'add', options: [{ type: 3, name: 'name', value: name }] }] }],
    },
  };
  return discordRequest(JSON.stringify(body));
}
