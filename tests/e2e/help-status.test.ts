import { allForms, commandNames, commandText, helpEntries } from '@organizer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityCommand } from '../../packages/discord/src/commands.ts';
import joined from '../fixtures/slack/member-joined-channel.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordDmComponent } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slackRequest, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems, stateItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const joinEvent = (user: string, eventId: string) =>
  JSON.stringify({ ...joined, event_id: eventId, event: { ...joined.event, user, channel: 'C1' } });

/** Everything a Discord user reads in an interaction answer: its content and its embeds. */
const discordText = (body: any): string =>
  [body?.data?.content ?? '', ...(body?.data?.embeds ?? []).map((e: any) => e.description ?? '')].join('\n');

/**
 * Whether `/community …` as written exists in Discord's command definition: the subcommand (or group and
 * subcommand), each `option:value` an option it has, each choice one it offers.
 */
function existsOnDiscord(typed: string): boolean {
  const [, sub, ...rest] = typed.split(' ');
  const top = communityCommand.options.find((o) => o.name === sub) as any;
  if (!top) return false;
  let node = top;
  if (top.type === 2) {
    node = top.options.find((o: any) => o.name === rest[0]);
    if (!node) return false;
    rest.shift();
  }
  for (const word of rest) {
    const [name, value] = word.split(':');
    if (value === undefined) continue;
    const option = (node.options ?? []).find((o: any) => o.name === name);
    if (!option) return false;
    if (option.choices && !value.startsWith('…') && !option.choices.some((c: any) => String(c.value) === value)) return false;
  }
  return true;
}

/** Help on `platform` names every Slack first word the registry knows, by a help line of its own. */
function expectEveryCommandIn(shown: string, platform: 'slack' | 'discord') {
  for (const name of commandNames()) {
    const lines = helpEntries().filter((entry) => commandText(entry.form, 'slack').split(' ')[1] === name);
    expect(lines.length, name).toBeGreaterThan(0);
    for (const entry of lines) expect(shown, entry.form).toContain(`\`${commandText(entry.form, platform).replace(/^\/community /, '')}\``);
  }
}

describe('command forms', () => {
  it('names only commands Discord has, for every form in the registry', () => {
    for (const id of Object.keys(allForms())) expect(existsOnDiscord(commandText(id, 'discord')), id).toBe(true);
  });
});

describe('Slack: help, did you mean, status fitted to the reader, the leaders told of a newcomer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-help-status-slack');
    const setup = await sender(() => t.app)(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    expect(slackText(setup.body)).toContain('is set up');
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];

  it('lists every command in help and in an empty /community, grouped by stage, without escapes', async () => {
    for (const text of ['help', '']) {
      const res = await send(slashCommand(text, as('U5')));
      expect(res.body.response_type).toBe('ephemeral');
      const shown = slackText(res.body);
      for (const name of ['story', '1on1', 'pair', 'roles', 'standup', 'strategy', 'ladder', 'campaign', 'event', 'task', 'debrief'])
        expect(shown).toContain(`\`${name}`);
      for (const name of ['next', 'celebrate', 'export', 'erase', 'tasks', 'tz', 'away', 'lang', 'help', 'setup', 'status', 'values'])
        expect(shown).toContain(`\`${name}`);
      expect(shown).toContain('*1. Story*');
      expect(shown).toContain('*7. Next steps*');
      expect(shown).toContain('*Every day*');
      expectEveryCommandIn(shown, 'slack');
      expect(shown).not.toMatch(/&lt;|&gt;|&amp;/);
      for (const block of res.body.blocks) if (block.text?.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
  });

  it('answers a typo with the command meant, and changes nothing', async () => {
    const before = await stateItems(t.db, t.tableName);
    expect(slackText((await send(slashCommand('stauts', as('U5')))).body)).toContain('I don’t know `stauts`. Did you mean `status`?');
    expect(slackText((await send(slashCommand('evnt new', as('U5')))).body)).toContain('Did you mean `event new`?');
    expect(slackText((await send(slashCommand('standup sett', as('U5')))).body)).toContain('Did you mean `standup set`?');
    expect(slackText((await send(slashCommand('статус', as('U5')))).body)).toContain('Did you mean `status`?');
    const far = slackText((await send(slashCommand('banana', as('U5')))).body);
    expect(far).toContain('I don’t know `banana`.');
    expect(far).not.toContain('Did you mean');
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
  });

  it('shows the story stage’s checklist when it is half done, and does not call it done', async () => {
    await send(slashCommand('story needed 3', as(COORDINATOR)));
    await send(
      viewSubmission(
        'story',
        { goal: 'Warm homes', who: 'Tenants', how: 'Together', when: 'By winter', vision: 'Warm homes for all' },
        { user: COORDINATOR, channel: 'C1' },
      ),
    );
    await send(
      viewSubmission('story.self', { challenge: 'Our boiler broke', calling: 'No child cold' }, { channel: 'C1', user: COORDINATOR }),
    );
    const shown = slackText((await send(slashCommand('status', as(COORDINATOR)))).body);
    expect(shown).toContain('*Story*: 2/5');
    expect(shown).toContain('✅ four questions · ✅ vision · ⬜ stories of self 1/3 · ⬜ story of us · ⬜ story of now');
    expect(shown).not.toContain('*Story*: done');
  });

  it('gives a leader the stage’s next step and a member one of their own', async () => {
    const leader = slackText((await send(slashCommand('status', as(COORDINATOR)))).body);
    expect(leader).toContain('Next: Write a story of self');
    const member = slackText((await send(slashCommand('status', as('U5')))).body);
    expect(member).toContain('Next: Tell your story of self, why you are here: `/community story self`');
    await send(slashCommand('task <@U5|olga> Print the flyers', as(COORDINATOR)));
    const offered = slackText((await send(slashCommand('status', as('U5')))).body);
    expect(offered).toContain('Next: *Print the flyers* waits for your answer');
    expect(offered).not.toContain('owner');
  });

  it('lets a leader mark a stage done with a reason, shown by status, and take the mark back', async () => {
    const done = slackText((await send(slashCommand('stage done 4 We agreed it at the general meeting', as(COORDINATOR)))).body);
    expect(done).toContain('Stage 4, *Strategy*, is marked done.');
    const [community] = await items('Community');
    expect(community.stageMarks.strategy).toMatchObject({ by: COORDINATOR, reason: 'We agreed it at the general meeting' });
    const shown = slackText((await send(slashCommand('status', as('U5')))).body);
    expect(shown).toContain(`4. *Strategy*: 0/4, marked done by <@${COORDINATOR}>: We agreed it at the general meeting`);
    // The checklist still counts: the stage is not called done, and its items stay open.
    expect(shown).not.toContain('*Strategy*: done');
    const again = slackText((await send(slashCommand('stage done 4', as(COORDINATOR)))).body);
    expect(again).toContain('already marked done');
    expect(slackText((await send(slashCommand('stage undo 4', as(COORDINATOR)))).body)).toContain('no longer marked done');
    expect((await items('Community'))[0].stageMarks.strategy).toBeUndefined();
    expect(slackText((await send(slashCommand('status', as(COORDINATOR)))).body)).not.toContain('marked done by');
  });

  it('refuses a member’s mark and changes nothing, and answers a wrong stage number kindly', async () => {
    const before = await stateItems(t.db, t.tableName);
    const refused = await send(slashCommand('stage done 4 Looks finished', as('U5')));
    expect(refused.body.response_type).toBe('ephemeral');
    expect(slackText(refused.body)).toContain('Only leaders');
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
    for (const typed of ['stage done 9', 'stage done four', 'stage done']) {
      const wrong = slackText((await send(slashCommand(typed, as(COORDINATOR)))).body);
      expect(wrong, typed).toContain('The stages are numbered 1 to 7: for example `/community stage done 4`.');
    }
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
  });

  it('tells the coordinator and each role lead of a newcomer, by DM with the two first moves', async () => {
    await send(slashCommand('role add Outreach', as(COORDINATOR)));
    await send(slashCommand('assign <@U3|ivan> Outreach lead', as(COORDINATOR)));
    const [offer] = await items('Offer');
    await send(blockAction(`offer:accept:T0001:C1:${offer.id}`, { user: 'U3', channel: 'D3' }));
    t.recorder.reset();
    const event = joinEvent('U9', 'Ev0HS0001');
    await send(slackRequest(event, 'application/json'));
    await send(slackRequest(event, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }));
    const dms = t.recorder.callsTo('chat.postMessage');
    const welcome = dms.filter((c) => c.body.channel === 'U9');
    expect(welcome).toHaveLength(1);
    expect(String(welcome[0]?.body.text)).toContain('Our leaders know you have joined');
    for (const leader of [COORDINATOR, 'U3']) {
      const notes = dms.filter((c) => c.body.channel === leader);
      expect(notes, leader).toHaveLength(1);
      expect(String(notes[0]?.body.text)).toContain('<@U9> has just joined *Green Street Tenants*');
      const buttons = JSON.parse(String(notes[0]?.body.blocks)).at(-1).elements;
      expect(buttons.map((b: any) => [b.action_id, b.text.text])).toEqual([
        ['welcome:task:T0001:C1:U9', 'Offer a first task'],
        ['welcome:1on1:T0001:C1:U9', 'Plan a one-on-one'],
      ]);
    }
  });

  it('fills the task command for Offer a first task and opens the one-on-one form for Plan a one-on-one', async () => {
    t.recorder.reset();
    await send(blockAction('welcome:task:T0001:C1:U9', { user: 'U3', channel: 'D3' }));
    const answer = t.recorder.callsTo('chat.postEphemeral').at(-1);
    expect(String(answer?.body.text)).toContain('Offer <@U9> a first small task: `/community task @… what by by when`');
    await send(blockAction('welcome:1on1:T0001:C1:U9', { user: 'U3', channel: 'C1' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('oneonone');
    expect(JSON.parse(view.private_metadata).state).toMatch(/^U9\|/);
  });

  it('counts a value written with a trailing full stop once, with other spellings of it', async () => {
    const log = async (user: string, partner: string, values: string) => {
      t.recorder.reset();
      await send(slashCommand(`1on1 log <@${partner}|x>`, as(user)));
      const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
      return send(viewSubmission('oneonone', { values }, { user, channel: 'C1', state: JSON.parse(view.private_metadata).state }));
    };
    await log('U3', 'U4', 'Care.');
    await log('U4', 'U3', 'care, Fairness');
    await log('U5', 'U3', ' care ; fairness.');
    const shown = slackText((await send(slashCommand('values', as('U5')))).body);
    expect(shown).toMatch(/care\D+3/);
    expect(shown).toMatch(/fairness\D+2/i);
    expect(shown).not.toContain('Care.');
    const stored = (await items('OneOnOne')).map((o) => o.values);
    expect(stored).toEqual(expect.arrayContaining([['Care'], ['care', 'Fairness'], ['care', 'fairness']]));
  });
});

describe('Discord: help and status name only commands Discord has', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-help-status-discord');
    await t.app.request(discordCommand('setup', { name: 'Green Street Tenants' }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const spans = (text: string) => [...text.matchAll(/`(\/community[^`]*)`/g)].map((m) => m[1] as string);

  it('lists every command as Discord has it, within Discord’s limits, in both languages', async () => {
    for (const locale of ['en-US', 'ru']) {
      const res = await send(discordCommand('help', {}, { locale }));
      expect(res.body.data.flags).toBe(64);
      const shown = discordText(res.body);
      expect(shown).toContain('`role list`');
      expect(shown).toContain('`event action:list`');
      expect(shown).toContain('`1on1 action:values`');
      expect(shown).not.toContain('`roles`');
      expectEveryCommandIn(shown, 'discord');
      expect(shown).not.toMatch(/&lt;|&gt;/);
      const embeds = res.body.data.embeds ?? [];
      for (const embed of embeds) expect(embed.description.length).toBeLessThanOrEqual(4096);
      expect(embeds.reduce((n: number, e: any) => n + e.description.length, 0)).toBeLessThanOrEqual(6000);
      expect(shown).toContain(locale === 'ru' ? 'Каждый день' : 'Every day');
      expect(shown).toContain(locale === 'ru' ? 'Сообщество' : 'The community');
    }
  });

  it('marks a stage done through status’s options, for leaders', async () => {
    const done = discordText((await send(discordCommand('status', { action: 'done', number: '4', reason: 'Agreed' }))).body);
    expect(done).toContain('Stage 4, **Strategy**, is marked done.');
    expect(discordText((await send(discordCommand('status'))).body)).toContain('marked done by <@');
    const member = discordText(
      (await send(discordCommand('status', { action: 'undo', number: '4' }, { user: '666666666666666666' }))).body,
    );
    expect(member).toContain('Only leaders');
    expect(discordText((await send(discordCommand('status', { action: 'undo', number: '4' }))).body)).toContain('no longer marked done');
  });

  it('names commands in status and in errors as Discord has them', async () => {
    const status = discordText((await send(discordCommand('status'))).body);
    expect(status).toContain('✅ coordinator');
    const others = [
      discordText((await send(discordCommand('status', {}, { user: '666666666666666666' }))).body),
      discordText((await send(discordCommand('events'))).body),
      discordText((await send(discordCommand('dance'))).body),
    ];
    for (const text of [status, ...others]) for (const typed of spans(text)) expect(existsOnDiscord(typed), typed).toBe(true);
    expect(others.join('\n')).not.toContain('/community events');
  });

  it('answers a leader’s Plan a one-on-one in a DM with the command, since a form sent from a DM could not be saved', async () => {
    const res = await send(
      discordDmComponent('welcome:1on1:555555555555555555:222222222222222222:777777777777777777', '333333333333333333'),
    );
    expect(res.body.data.flags).toBe(64);
    const text = discordText(res.body);
    expect(text).toContain('<@777777777777777777>');
    expect(text).toContain('`/community 1on1 action:log`');
  });
});
