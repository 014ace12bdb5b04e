import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand, discordGroupCommand, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems, stateItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
/** The selects a proposal or poll modal sends when left as they were opened. */
const defaults = { electorate: 'everyone', anonymous: 'no' };

/** The end of the day `days` from now in `zone`, as the decision stores its closing (whole seconds). */
const endOfDay = (days: number, zone = 'UTC') =>
  new Date(Math.floor(DateTime.fromJSDate(testClock.now()).setZone(zone).plus({ days }).endOf('day').toSeconds()) * 1000).toISOString();
/** The calendar day `days` from now in UTC, `2026-12-04`. */
const dayIn = (days: number) => DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days }).toISODate();

describe('Slack: proposing and polling', () => {
  let t: TestApp;
  let ts = 7000;
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-create-slack');
    t.recorder
      .on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }))
      .on('users.info', (call) => {
        const id = String(call.body.user);
        return { body: { ok: true, user: { id, is_admin: false, is_owner: false, ...(id === 'URU' ? { locale: 'ru-RU' } : {}) } } };
      });
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const decisions = async () => (await items('Decision')).sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const view = () => JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
  const told = () => String(t.recorder.callsTo('chat.postEphemeral').at(-1)?.body.text);
  const propose = (values: Record<string, string>, selects: Record<string, string>, user = 'U2', state?: string) =>
    send(
      viewSubmission('propose', values, {
        user,
        channel: 'C1',
        selects: { rule: 'consent', ...defaults, ...selects },
        ...(state ? { state } : {}),
      }),
    );

  it('opens the proposal modal for any member, with its fields and choices', async () => {
    t.recorder.reset();
    const res = await send(slashCommand('propose', as('U2')));
    expect(res.status).toBe(200);
    const modal = view();
    expect(modal.callback_id).toBe('propose');
    expect(modal.title.text).toBe('Make a proposal');
    expect(modal.blocks.map((b: any) => b.block_id)).toEqual(['title', 'body', 'closes', 'rule', 'electorate', 'why', 'anonymous']);
    const block = (id: string) => modal.blocks.find((b: any) => b.block_id === id);
    expect(block('rule').element.options.map((o: any) => o.value)).toEqual(['consent', 'unanimous', '50', '60', '67', '75']);
    expect(block('rule').element.initial_option.value).toBe('consent');
    expect(block('electorate').element.options.map((o: any) => o.value)).toEqual(['everyone', 'leaders']);
    expect(block('closes').element.placeholder.text).toBe('in 7 days');
    expect(block('body').label.text).toBe('What we would agree to');
  });

  it('refuses what it cannot take, field by field, and writes nothing', async () => {
    const before = await stateItems(t.db, t.tableName);
    const empty = await propose({ title: ' ', body: '', closes: 'someday maybe' }, {});
    expect(empty.body.response_action).toBe('errors');
    expect(empty.body.errors).toEqual({
      title: 'Give the proposal a title.',
      body: 'Say what we would agree to.',
      closes: expect.stringContaining('I could not read “someday maybe” as a time'),
    });
    const past = await propose({ title: 'Rent strike', body: 'We withhold rent', closes: '2020-01-01 10:00' }, {});
    expect(past.body.errors.closes).toContain('That time has already passed');
    const far = await propose({ title: 'Rent strike', body: 'We withhold rent', closes: 'in 100 days' }, {});
    expect(far.body.errors.closes).toContain('more than 90 days away');
    // Values no select offered (a removed role, a forged rule) are refused too.
    const forged = await propose(
      { title: 'Rent strike', body: 'We withhold rent', closes: 'in 3 days' },
      { rule: '99', electorate: 'role:Nope' },
    );
    expect(Object.keys(forged.body.errors).sort()).toEqual(['electorate', 'rule']);
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
  });

  it('creates the proposal, posts its card in the home channel and plans its closing', async () => {
    t.recorder.reset();
    const res = await propose(
      {
        title: 'Rent strike in March',
        body: 'We withhold rent from 1 March until repairs are made.',
        why: 'Nothing else worked.',
        closes: 'in 3 days',
      },
      { rule: '67', anonymous: 'yes' },
    );
    expect(res.status).toBe(200);
    const [decision] = await decisions();
    expect(decision).toMatchObject({
      kind: 'proposal',
      title: 'Rent strike in March',
      body: 'We withhold rent from 1 March until repairs are made.',
      why: 'Nothing else worked.',
      options: [],
      rule: 'share',
      share: 67,
      electorate: { kind: 'everyone' },
      anonymous: true,
      authorId: 'U2',
      channelId: 'C1',
      status: 'open',
      closesAt: endOfDay(3),
    });
    // The card went to the channel through the worker, and the decision knows where it is.
    const card = t.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === 'C1');
    expect(String(card?.body.text)).toContain('Rent strike in March');
    expect((await decisions())[0].messageId).toBe(card && `${ts}.0001`);
    expect((await items('Due')).filter((d) => d.kind === 'decision' && String(d.ref).startsWith(decision.id)).length).toBeGreaterThan(0);
    const confirmation = told();
    expect(confirmation).toContain('Your proposal *Rent strike in March* is up in <#C1>');
    expect(confirmation).toContain(`<!date^${Date.parse(decision.closesAt) / 1000}^`);
  });

  it('reads the closing time in the person’s own zone, else the community’s', async () => {
    await send(slashCommand('tz me Asia/Tokyo', as('U3')));
    await propose(
      { title: 'Meet on Sundays', body: 'Our meetings move to Sundays.', closes: `${dayIn(2)} 18:00` },
      { rule: 'unanimous' },
      'U3',
    );
    const made = (await decisions()).find((d) => d.title === 'Meet on Sundays');
    expect(made).toMatchObject({ rule: 'unanimous', anonymous: false, authorId: 'U3' });
    expect(made.share).toBeUndefined();
    expect(made.closesAt).toBe(
      DateTime.fromISO(`${dayIn(2)}T18:00`, { zone: 'Asia/Tokyo' })
        .toUTC()
        .toISO(),
    );
  });

  it('answers in Russian and reads “через 3 дня”', async () => {
    t.recorder.reset();
    await send(slashCommand('propose', as('URU')));
    const modal = view();
    expect(modal.title.text).toBe('Предложение');
    expect(modal.blocks.find((b: any) => b.block_id === 'body').label.text).toBe('О чём мы договоримся');
    const bad = await propose({ title: 'Субботник', body: 'Убираем двор', closes: 'когда-нибудь' }, {}, 'URU');
    expect(bad.body.errors.closes).toContain('Не удалось понять «когда-нибудь»');
    await propose({ title: 'Субботник', body: 'Убираем двор в субботу.', closes: 'через 3 дня' }, { electorate: 'leaders' }, 'URU');
    const made = (await decisions()).find((d) => d.title === 'Субботник');
    expect(made).toMatchObject({ closesAt: endOfDay(3), electorate: { kind: 'leaders' }, rule: 'consent' });
    expect(told()).toContain('Ваше предложение *Субботник* вынесено в <#C1>');
  });

  it('opens and saves a poll of every kind', async () => {
    const slot1 = `${dayIn(2)} 18:00`;
    const slot2 = `${dayIn(3)} 10:30`;
    const polls: Record<string, { fields: string[]; values: Record<string, string>; options: string[]; budget?: number }> = {
      sense: { fields: ['title', 'closes', 'electorate', 'anonymous'], values: { title: 'Should we strike?' }, options: [] },
      simple: {
        fields: ['title', 'options', 'closes', 'electorate', 'anonymous'],
        values: { title: 'Which day?', options: 'Saturday\nSunday' },
        options: ['Saturday', 'Sunday'],
      },
      multi: {
        fields: ['title', 'options', 'closes', 'electorate', 'anonymous'],
        values: { title: 'Which topics?', options: 'Rent\n\nRepairs\nNoise' },
        options: ['Rent', 'Repairs', 'Noise'],
      },
      time: {
        fields: ['title', 'options', 'closes', 'electorate', 'anonymous'],
        values: { title: 'Planning meeting', options: `${slot1}\n${slot2}` },
        options: [slot1, slot2].map((s) => String(DateTime.fromFormat(s, 'yyyy-MM-dd HH:mm', { zone: 'UTC' }).toSeconds())),
      },
      optin: {
        fields: ['title', 'closes', 'electorate', 'anonymous'],
        values: { title: 'Flyering on Saturday' },
        options: ['Flyering on Saturday'],
      },
      score: {
        fields: ['title', 'options', 'closes', 'electorate', 'anonymous'],
        values: { title: 'Rate the venues', options: 'Hall\nPark' },
        options: ['Hall', 'Park'],
      },
      dot: {
        fields: ['title', 'options', 'budget', 'closes', 'electorate', 'anonymous'],
        values: { title: 'What first?', options: 'Heating\nMould\nLifts', budget: '5' },
        options: ['Heating', 'Mould', 'Lifts'],
        budget: 5,
      },
      ranked: {
        fields: ['title', 'options', 'closes', 'electorate', 'anonymous'],
        values: { title: 'Our priorities', options: 'A\nB\nC' },
        options: ['A', 'B', 'C'],
      },
    };
    for (const [kind, poll] of Object.entries(polls)) {
      t.recorder.reset();
      await send(slashCommand(`poll ${kind}`, as('U4')));
      const modal = view();
      expect(modal.callback_id, kind).toBe('poll');
      expect(JSON.parse(modal.private_metadata).state, kind).toBe(`${kind}|`);
      expect(
        modal.blocks.map((b: any) => b.block_id),
        kind,
      ).toEqual(poll.fields);
      const saved = await send(
        viewSubmission(
          'poll',
          { ...poll.values, closes: 'in 5 days' },
          { user: 'U4', channel: 'C1', state: `${kind}|`, selects: defaults },
        ),
      );
      expect(saved.body?.errors, kind).toBeUndefined();
      const made = (await decisions()).find((d) => d.kind === kind);
      expect(made, kind).toMatchObject({
        title: poll.values.title,
        options: poll.options,
        closesAt: endOfDay(5),
        authorId: 'U4',
        status: 'open',
      });
      expect(made.budget, kind).toBe(poll.budget);
      expect(made.rule, kind).toBeUndefined();
      expect(
        t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1'),
        kind,
      ).toHaveLength(1);
      expect(told(), kind).toContain(`Your poll *${poll.values.title}* is open in <#C1>`);
    }
  });

  it('refuses a poll’s bad options and budget, and writes nothing', async () => {
    const before = await stateItems(t.db, t.tableName);
    const poll = (kind: string, values: Record<string, string>) =>
      send(
        viewSubmission(
          'poll',
          { title: 'Q', closes: 'in 2 days', ...values },
          { user: 'U4', channel: 'C1', state: `${kind}|`, selects: defaults },
        ),
      );
    expect((await poll('simple', { options: 'Only one' })).body.errors.options).toBe('Give at least two options, one per line.');
    expect((await poll('ranked', { options: 'a\nb\nc\nd\ne\nf' })).body.errors.options).toBe(
      'This kind of poll takes at most 5 options; you gave 6.',
    );
    expect((await poll('multi', { options: 'Rent\nrent' })).body.errors.options).toContain('is there twice');
    expect((await poll('simple', { options: `Short\n${'x'.repeat(81)}` })).body.errors.options).toContain('longer than 80 characters');
    expect((await poll('time', { options: `${dayIn(2)}\n${dayIn(3)} 10:00` })).body.errors.options).toContain('needs a time of day');
    expect((await poll('time', { options: `2020-01-01 10:00\n${dayIn(3)} 10:00` })).body.errors.options).toContain('already passed');
    expect((await poll('time', { options: `${dayIn(3)} 10:00\n${dayIn(3)} 10:00` })).body.errors.options).toContain('is there twice');
    expect((await poll('dot', { options: 'a\nb', budget: 'lots' })).body.errors.budget).toBe('Points each: a whole number from 1 to 100.');
    expect((await poll('dot', { options: 'a\nb', budget: '101' })).body.errors.budget).toBeDefined();
    expect((await poll('sense', { title: '' })).body.errors.title).toBe('Say what we are checking.');
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
  });

  it('answers a kind of poll there is not with the kinds there are, opening nothing', async () => {
    t.recorder.reset();
    const res = await send(slashCommand('poll banana', as('U4')));
    expect(res.body.response_type).toBe('ephemeral');
    const text = slackText(res.body);
    expect(text).toContain('There is no “banana” kind of poll');
    for (const kind of ['sense', 'simple', 'multi', 'time', 'optin', 'score', 'dot', 'ranked']) expect(text).toContain(`\`${kind}\``);
    expect(t.recorder.callsTo('views.open')).toHaveLength(0);
  });

  it('reopens a closed decision with a new proposal that names it, once', async () => {
    const first = (await decisions()).find((d) => d.title === 'Rent strike in March');
    expect(slackText((await send(slashCommand(`propose ${first.id}`, as('U2')))).body)).toContain('is still open');
    expect(slackText((await send(slashCommand('propose nosuchid', as('U2')))).body)).toContain('This community has no decision `nosuchid`');
    // Its author closes it early; the worker counts it.
    await send(blockAction(`dec:close:T0001:C1:${first.id}`, { user: 'U2', channel: 'C1' }));
    expect((await decisions()).find((d) => d.id === first.id).status).toBe('closed');
    t.recorder.reset();
    await send(slashCommand(`propose ${first.id}`, as('U5')));
    const modal = view();
    expect(modal.title.text).toBe('Reopen a decision');
    expect(JSON.parse(modal.private_metadata).state).toBe(`${first.id}|`);
    expect(modal.blocks.find((b: any) => b.block_id === 'title').element.initial_value).toBe('Rent strike in March');
    await propose({ title: 'Rent strike in April', body: 'We withhold rent from 1 April.', closes: 'in 4 days' }, {}, 'U5', `${first.id}|`);
    const all = await decisions();
    const again = all.find((d) => d.title === 'Rent strike in April');
    expect(again).toMatchObject({ reopens: first.id, authorId: 'U5', status: 'open' });
    expect(all.find((d) => d.id === first.id)).toMatchObject({ reopenedBy: again.id, status: 'closed' });
    expect(told()).toContain('It reopens *Rent strike in March*');
    // A second reopening is refused, from the command and from a stale modal alike.
    expect(slackText((await send(slashCommand(`propose ${first.id}`, as('U6')))).body)).toContain('already been reopened');
    const count = all.length;
    await propose({ title: 'Rent strike in May', body: 'May.', closes: 'in 4 days' }, {}, 'U6', `${first.id}|`);
    expect(await decisions()).toHaveLength(count);
    expect(told()).toContain('already been reopened');
  });
});

describe('Discord: /community decide propose and poll', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-create-discord');
    t.recorder.on('/messages', () => ({ body: { id: '900000000000000001' } }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const decisions = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Decision') as any[];
  const labels = (body: any) => body.data.components.map((c: any) => c.component.custom_id);

  it('answers decide propose with a modal and saves its submission in the guild', async () => {
    await send(discordCommand('setup', { name: 'Riverside' }));
    const opened = await send(discordGroupCommand('decide', 'propose'));
    expect(opened.body.type).toBe(9);
    expect(opened.body.data.custom_id).toBe('propose||');
    // Discord shows five fields: the why and the anonymous choice are Slack's only.
    expect(labels(opened.body)).toEqual(['title', 'body', 'closes', 'rule', 'electorate']);
    const saved = await send(
      discordModalSubmit(
        'propose||',
        { title: 'Adopt the park', body: 'We look after the park together.', closes: 'friday 18:00' },
        { selects: { rule: 'consent', electorate: 'everyone' } },
      ),
    );
    expect(saved.body.data.flags).toBe(64);
    expect(saved.body.data.content).toContain('Your proposal **Adopt the park** is up in <#222222222222222222>');
    const [made] = await decisions();
    expect(made).toMatchObject({ kind: 'proposal', anonymous: false, channelId: '222222222222222222', authorId: '333333333333333333' });
    expect(saved.body.data.content).toContain(`<t:${Date.parse(made.closesAt) / 1000}:F>`);
    expect(t.recorder.calls.some((c) => c.method === 'POST' && c.path.endsWith('/channels/222222222222222222/messages'))).toBe(true);
  });

  it('takes a Russian proposal and a time poll with two slots', async () => {
    const ru = { locale: 'ru', user: '444444444444444444' };
    const opened = await send(discordGroupCommand('decide', 'propose', {}, ru));
    expect(opened.body.data.title).toBe('Предложение');
    const bad = await send(discordModalSubmit('propose||', { title: 'Субботник', body: '', closes: 'через 3 дня' }, ru));
    expect(bad.body.data.content).toContain('Напишите, о чём мы договоримся.');
    await send(discordModalSubmit('propose||', { title: 'Субботник', body: 'Убираем двор.', closes: 'через 3 дня' }, ru));
    expect((await decisions()).find((d) => d.title === 'Субботник')).toMatchObject({ closesAt: endOfDay(3), rule: 'consent' });

    const poll = await send(discordGroupCommand('decide', 'poll', { kind: 'time' }, ru));
    expect(poll.body.type).toBe(9);
    expect(poll.body.data.custom_id).toBe('poll|time|');
    expect(labels(poll.body)).toEqual(['title', 'options', 'closes', 'electorate', 'anonymous']);
    const slots = `${dayIn(2)} 18:00\n${dayIn(4)} 19:30`;
    await send(
      discordModalSubmit(
        'poll|time|',
        { title: 'Собрание', options: slots, closes: 'через 2 дня' },
        { ...ru, selects: { electorate: 'everyone', anonymous: 'yes' } },
      ),
    );
    const made = (await decisions()).find((d) => d.kind === 'time');
    expect(made).toMatchObject({ title: 'Собрание', anonymous: true, closesAt: endOfDay(2) });
    expect(made.options).toEqual(
      [`${dayIn(2)}T18:00`, `${dayIn(4)}T19:30`].map((s) => String(DateTime.fromISO(s, { zone: 'UTC' }).toSeconds())),
    );
    const unknown = await send(discordGroupCommand('decide', 'poll', { kind: 'banana' }, ru));
    expect(unknown.body.data.content).toContain('Вида опроса «banana» нет');
  });
});
