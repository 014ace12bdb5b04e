import type { Ballot, Decision, Tenant } from '@organizer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand, discordGroupCommand, discordRequest } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems, stateItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const HOUR = 3_600_000;
const iso = (msFromNow: number) => new Date(testClock.now().getTime() + msFromNow).toISOString();
const epoch = (at: string) => Math.floor(Date.parse(at) / 1000);

/** A decision as the create part stores it; `closed` ones are sealed and closed through the store with `outcome`. */
function decision(communityId: string, id: string, over: Partial<Decision>): Decision {
  return {
    id,
    communityId,
    kind: 'proposal',
    title: `Decision ${id}`,
    body: 'What we would agree to',
    options: [],
    rule: 'consent',
    electorate: { kind: 'everyone' },
    anonymous: false,
    authorId: COORDINATOR,
    channelId: communityId,
    createdAt: iso(-48 * HOUR),
    closesAt: iso(48 * HOUR),
    status: 'open',
    version: 0,
    ...over,
  };
}

/** Puts a decision in the store; a closed one goes through the store's own seal and close, ballots through vote. */
async function seed(t: TestApp, tenant: Tenant, d: Decision, ballots: readonly Omit<Ballot, 'decisionId'>[] = []) {
  const { decisions } = t.deps.core;
  expect(await decisions.create(tenant, { ...d, status: 'open', outcome: undefined, closedAt: undefined })).toBe('saved');
  for (const b of ballots) expect(await decisions.vote(tenant, d.communityId, { ...b, decisionId: d.id })).toBe('saved');
  if (d.status !== 'closed') return;
  expect(await decisions.seal(tenant, d.communityId, d.id)).toBe('sealed');
  expect(await decisions.close(tenant, { ...d, status: 'closed' })).toBe('closed');
}

describe('Slack: the decision log, reopening and the export', () => {
  let t: TestApp;
  const tenant: Tenant = { platform: 'slack', id: 'T0001' };
  const send = sender(() => t.app);
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-log', { LOG_LEVEL: 'error' });
    const setup = await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
    expect(slackText(setup.body)).toContain('is set up in this channel');
  });
  afterAll(() => t.stop());

  it('answers an empty log with how to propose or poll, ephemerally', async () => {
    const res = await send(slashCommand('decisions', as('U9')));
    expect(res.body.response_type).toBe('ephemeral');
    const text = slackText(res.body);
    expect(text).toContain('No decisions yet');
    expect(text).toContain('`/community propose`');
    expect(text).toContain('`/community poll`');
  });

  it('lists open decisions first, closed ones with outcome, statement, the reopening chain and the card link', async () => {
    const strikeClosed = iso(-24 * HOUR);
    await seed(
      t,
      tenant,
      decision('C1', 'strike1', {
        title: 'Join the rent strike',
        createdAt: iso(-72 * HOUR),
        closesAt: strikeClosed,
        status: 'closed',
        closedAt: strikeClosed,
        messageId: '1764892800.000100',
        statement: 'We join the strike from January; Maria coordinates.',
        reopenedBy: 'strike2',
        outcome: { passed: true, winners: [], ballots: 5, eligible: 9, totals: [3, 1, 1, 0] },
      }),
    );
    await seed(
      t,
      tenant,
      decision('C1', 'venue1', {
        kind: 'simple',
        title: 'Where do we meet?',
        options: ['Hall', 'Library'],
        createdAt: iso(-60 * HOUR),
        closesAt: iso(-30 * HOUR),
        status: 'closed',
        closedAt: iso(-30 * HOUR),
        messageId: '1764800000.000200',
        outcome: { winners: [1], ballots: 4, eligible: 0, totals: [1, 3] },
      }),
    );
    // Older than both closed ones, yet first: what can still be voted on leads.
    const open = decision('C1', 'strike2', { title: 'Rent strike: extend to March', reopens: 'strike1', createdAt: iso(-80 * HOUR) });
    await seed(t, tenant, open);

    const before = await stateItems(t.db, t.tableName);
    const res = await send(slashCommand('decisions', as('U9')));
    expect(res.body.response_type).toBe('ephemeral');
    const text = slackText(res.body);
    expect(text).toContain('Decisions of Green Street Tenants');
    // The open one first, then the closed ones, newest first.
    const order = ['Rent strike: extend to March', 'Where do we meet?', 'Join the rent strike'].map((title) =>
      text.indexOf(`*${title}* · `),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain(`open until <!date^${epoch(open.closesAt)}^`);
    expect(text).toContain('reopens *Join the rent strike* (`strike1`)');
    expect(text).toContain('id `strike2`');
    expect(text).toContain('card in <#C1>');
    expect(text).toContain(`closed <!date^${epoch(strikeClosed)}^{date_short}`);
    expect(text).toContain('passed (agree 3 · abstain 1 · disagree 1 · block 0) · 5 of 9 voted');
    expect(text).toContain('Outcome: “We join the strike from January; Maria coordinates.”');
    expect(text).toContain('reopened by *Rent strike: extend to March* (`strike2`)');
    expect(text).toContain('card: https://slack.com/archives/C1/p1764892800000100');
    expect(text).toContain('chosen: Library (3) · 4 voted');
    // How to reopen one, as Slack types it.
    expect(JSON.stringify(res.body.blocks)).toContain('give its id: `/community propose &lt;id&gt;`');
    // Reading the log changes nothing.
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
  });

  it('filters by a word of the title, whatever its case, and says when nothing matches', async () => {
    const text = slackText((await send(slashCommand('decisions STRIKE', as('U9')))).body);
    expect(text).toContain('with “STRIKE” in the title');
    expect(text).toContain('*Join the rent strike*');
    expect(text).toContain('*Rent strike: extend to March*');
    expect(text).not.toContain('Where do we meet?');
    const none = slackText((await send(slashCommand('decisions picnic', as('U9')))).body);
    expect(none).toContain('No decision has “picnic” in its title');
    expect(none).toContain('`/community decisions`');
  });

  it('answers someone who reads Russian in Russian, on Slack too', async () => {
    await send(slashCommand('lang me ru', as('U8')));
    const text = slackText((await send(slashCommand('decisions забастовк', as('U8')))).body);
    expect(text).toContain('Ни в одном названии решения нет «забастовк»');
    const all = slackText((await send(slashCommand('decisions strike', as('U8')))).body);
    expect(all).toContain('принято (за 3 · воздержались 1 · против 1 · блок 0) · проголосовали 5 из 9');
    expect(all).toContain('пересмотрено в *Rent strike: extend to March* (`strike2`)');
    expect(all).toContain('открыто до <!date^');
  });

  it('says how many more there are past what a message holds', async () => {
    for (let i = 0; i < 14; i++)
      await seed(
        t,
        tenant,
        decision('C1', `many${String(i).padStart(2, '0')}`, { title: `Budget line ${i}`, createdAt: iso(-(100 + i) * HOUR) }),
      );
    const res = await send(slashCommand('decisions', as('U9')));
    const section = String(res.body.blocks[1].text.text);
    const shown = section.split('\n').filter((line) => /^(🗳️|✅|❌|📊|⏳) /u.test(line)).length;
    const more = Number(/…and (\d+) more/.exec(section)?.[1]);
    expect(shown).toBeGreaterThan(2);
    expect(shown + more).toBe(17);
    expect(section).toContain('Add a word of the title to `/community decisions`');
    // The section stays inside Slack's 3000 characters without being cut.
    expect(section.length).toBeLessThan(3000);
  });

  it('exports decisions and the ballots of those that are not anonymous; an anonymous poll’s export holds no voter names', async () => {
    const at = iso(-2 * HOUR);
    await seed(
      t,
      tenant,
      decision('C1', 'secret1', {
        kind: 'simple',
        title: 'Who should chair the meeting?',
        options: ['Ana', 'Boris'],
        anonymous: true,
        status: 'closed',
        closesAt: iso(-HOUR),
        closedAt: iso(-HOUR),
        outcome: { winners: [0], ballots: 2, eligible: 0, totals: [2, 0] },
      }),
      [
        { userId: 'U7001SECRET', values: [0], at },
        { userId: 'U7002SECRET', values: [0], at },
      ],
    );
    await seed(t, tenant, decision('C1', 'open1', { title: 'Paint the stairwell', messageId: '1764900000.000300' }), [
      { userId: 'U7003', values: [0], reason: 'It is overdue', at },
    ]);
    t.recorder
      .on('conversations.open', () => ({ body: { ok: true, channel: { id: 'D1' } } }))
      .on('files.getUploadURLExternal', (call) => ({
        body: { ok: true, upload_url: `${t.recorder.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
      }))
      .on('files.completeUploadExternal', () => ({ body: { ok: true, files: [] } }));
    t.recorder.reset();
    expect(slackText((await send(slashCommand('export', as(COORDINATOR)))).body)).toContain('Preparing the export');
    const uploads = Object.fromEntries(t.recorder.calls.filter((c) => c.path.startsWith('/upload/')).map((c) => [c.path.slice(8), c.raw]));
    expect(Object.keys(uploads)).toEqual(expect.arrayContaining(['decisions.csv', 'ballots.csv', 'community.json']));
    // The anonymous poll's voters appear nowhere, in no file; its counts do.
    for (const [name, content] of Object.entries(uploads)) {
      expect(content, name).not.toContain('U7001SECRET');
      expect(content, name).not.toContain('U7002SECRET');
    }
    const decisionsCsv = String(uploads['decisions.csv']);
    expect(decisionsCsv.split('\r\n')[0]).toBe(
      'id,kind,title,body,why,options,status,created,closes,closed,rule,electorate,anonymous,outcome,ballots,eligible,totals,statement,reopens,reopenedBy,subject,authorId',
    );
    const secretRow = decisionsCsv.split('\r\n').find((line) => line.startsWith('secret1,'));
    expect(secretRow).toContain(',true,chosen: Ana (2) · 2 voted,2,0,2 0,');
    expect(decisionsCsv).toMatch(/strike1,proposal,Join the rent strike,.*,closed,.*,consent,everyone,false,passed \(agree 3/);
    expect(decisionsCsv).toContain(',strike2,');
    const ballots = String(uploads['ballots.csv']).split('\r\n');
    expect(ballots[0]).toBe('decisionId,title,userId,values,reason,at');
    expect(ballots).toContain(`open1,Paint the stairwell,U7003,agree,It is overdue,${at}`);
    expect(ballots.filter((line) => line.startsWith('secret1,'))).toEqual([]);
    const data = JSON.parse(String(uploads['community.json']));
    const records = data.decisions as { id: string; ballots?: unknown[] }[];
    expect(records.find((d) => d.id === 'secret1')).not.toHaveProperty('ballots');
    expect(records.find((d) => d.id === 'open1')?.ballots).toHaveLength(1);
  });
});

describe('Slack: the whole path into the log and the export, through real interactions', () => {
  let t: TestApp;
  let ts = 5000;
  const send = sender(() => t.app);
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });
  const VOTERS = ['U7101SECRET', 'U7102SECRET', 'U7103'];
  const made = async (title: string) =>
    ((await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Decision') as any[]).find((d) => d.title === title);
  const dec = (action: string, id: string, n?: number) => [`dec:${action}:T0001:C1:${id}`, ...(n === undefined ? [] : [n])].join(':');
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-log-path', { LOG_LEVEL: 'error' });
    t.recorder
      .on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }))
      .on('conversations.open', () => ({ body: { ok: true, channel: { id: 'D1' } } }))
      .on('files.getUploadURLExternal', (call) => ({
        body: { ok: true, upload_url: `${t.recorder.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
      }))
      .on('files.completeUploadExternal', () => ({ body: { ok: true, files: [] } }));
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    for (const user of VOTERS) await send(slashCommand('join', as(user)));
  }, 120_000);
  afterAll(() => t.stop());

  /** A poll through `/community poll <kind>` and its modal; its id. */
  async function poll(title: string, options: string, anonymous: 'yes' | 'no'): Promise<string> {
    await send(slashCommand('poll simple', as(COORDINATOR)));
    const saved = await send(
      viewSubmission(
        'poll',
        { title, options, closes: 'in 3 days' },
        { user: COORDINATOR, channel: 'C1', state: 'simple|', selects: { electorate: 'everyone', anonymous } },
      ),
    );
    expect(saved.body?.errors).toBeUndefined();
    return (await made(title)).id;
  }

  it('shows a poll voted on its buttons and closed by its author, with its statement; reopening links both ways', async () => {
    const id = await poll('Who chairs the January meeting?', 'Ana\nBoris', 'yes');
    for (const [user, option] of [
      ['U7101SECRET', 0],
      ['U7102SECRET', 0],
      ['U7103', 1],
    ] as const)
      await send(blockAction(dec('pick', id, option), { user, channel: 'C1' }));
    await send(blockAction(dec('close', id), { user: COORDINATOR, channel: 'C1' }));
    expect(await made('Who chairs the January meeting?')).toMatchObject({ status: 'closed', outcome: { winners: [0], ballots: 3 } });
    await send(
      viewSubmission(
        'decision.statement',
        { statement: 'Ana chairs; Boris takes the minutes.' },
        { user: COORDINATOR, channel: 'D1', state: `T0001|C1|${id}` },
      ),
    );
    // A new proposal reopens it, through `propose <id>` and its modal.
    await send(slashCommand(`propose ${id}`, as(COORDINATOR)));
    const reopened = await send(
      viewSubmission(
        'propose',
        { title: 'Rotate the chair every meeting', body: 'Each meeting picks the next chair.', closes: 'in 4 days', why: '' },
        { user: COORDINATOR, channel: 'C1', state: `${id}|`, selects: { rule: 'consent', electorate: 'everyone', anonymous: 'no' } },
      ),
    );
    expect(reopened.body?.errors).toBeUndefined();
    const next = await made('Rotate the chair every meeting');

    const text = slackText((await send(slashCommand('decisions', as('U7103')))).body);
    const card = (await made('Who chairs the January meeting?')).messageId as string;
    expect(text).toContain('*Rotate the chair every meeting* · proposal · open until');
    expect(text).toContain(`reopens *Who chairs the January meeting?* (\`${id}\`)`);
    expect(text).toContain('*Who chairs the January meeting?* · poll (anonymous) · closed');
    expect(text).toContain('chosen: Ana (2) · 3 of');
    expect(text).toContain('Outcome: “Ana chairs; Boris takes the minutes.”');
    expect(text).toContain(`reopened by *Rotate the chair every meeting* (\`${next.id}\`)`);
    expect(text).toContain(`card: https://slack.com/archives/C1/p${card.replace('.', '')}`);
  });

  it('exports ballots cast on the buttons of a poll that is not anonymous, and no voter of the anonymous one', async () => {
    const id = await poll('Which evening suits?', 'Tuesday\nThursday', 'no');
    await send(blockAction(dec('pick', id, 1), { user: 'U7103', channel: 'C1' }));
    t.recorder.reset();
    await send(slashCommand('export', as(COORDINATOR)));
    const uploads = Object.fromEntries(t.recorder.calls.filter((c) => c.path.startsWith('/upload/')).map((c) => [c.path.slice(8), c.raw]));
    expect(Object.keys(uploads)).toEqual(expect.arrayContaining(['decisions.csv', 'ballots.csv', 'community.json']));
    for (const [name, content] of Object.entries(uploads)) {
      expect(content, name).not.toContain('U7101SECRET');
      expect(content, name).not.toContain('U7102SECRET');
    }
    const ballots = String(uploads['ballots.csv']).split('\r\n');
    expect(ballots).toContainEqual(expect.stringMatching(new RegExp(`^${id},Which evening suits\\?,U7103,Thursday,,\\d{4}-`)));
    expect(ballots.filter((line) => line.includes('Who chairs'))).toEqual([]);
    expect(String(uploads['decisions.csv'])).toContain('Who chairs the January meeting?');
  });
});

describe('Discord: the decision log in Russian, and closed decisions suggested for reopening', () => {
  let t: TestApp;
  const GUILD = '555555555555555555';
  const CHANNEL = '222222222222222222';
  const tenant: Tenant = { platform: 'discord', id: GUILD };
  const ru = { locale: 'ru' };
  const send = sender(() => t.app);
  let nextAutocomplete = 3_100_000_000_000_000_000n;
  const autocomplete = (value: string, guild = GUILD) =>
    discordRequest(
      JSON.stringify({
        type: 4,
        id: String(nextAutocomplete++),
        application_id: '111111111111111111',
        token: 'token-autocomplete',
        version: 1,
        guild_id: guild,
        channel_id: CHANNEL,
        locale: 'ru',
        member: { user: { id: '333333333333333333', username: 'organizer' }, permissions: '0', roles: [] },
        data: {
          id: '444444444444444444',
          name: 'community',
          type: 1,
          options: [
            {
              type: 2,
              name: 'decide',
              options: [{ type: 1, name: 'propose', options: [{ type: 3, name: 'reopens', value, focused: true }] }],
            },
          ],
        },
      }),
    );
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-log-discord', { LOG_LEVEL: 'error' });
    await send(discordCommand('setup', { name: 'Соседи' }, ru));
  });
  afterAll(() => t.stop());

  it('lists in Russian with the Discord link of each card and its plural forms', async () => {
    const closedAt = iso(-5 * HOUR);
    await seed(
      t,
      tenant,
      decision(CHANNEL, 'vol1', {
        kind: 'optin',
        title: 'Кто раздаёт листовки?',
        options: ['Я в деле'],
        status: 'closed',
        closesAt: closedAt,
        closedAt,
        messageId: '900000000000000001',
        outcome: { winners: [0], ballots: 5, eligible: 0, totals: [5] },
      }),
    );
    await seed(t, tenant, decision(CHANNEL, 'prop1', { title: 'Общее собрание в субботу', messageId: '900000000000000002' }));
    const res = await send(discordGroupCommand('decide', 'log', {}, ru));
    expect(res.body.type).toBe(4);
    expect(res.body.data.flags).toBe(64);
    const text = JSON.stringify(res.body.data);
    expect(text).toContain('Решения сообщества «Соседи»');
    expect(text).toContain('открыто до <t:');
    expect(text).toContain(`https://discord.com/channels/${GUILD}/${CHANNEL}/900000000000000001`);
    expect(text).toContain('5 добровольцев · 5 голосов');
    expect(text).toContain('укажите его id: `/community decide propose reopens:<id>`');
    expect(text.indexOf('Общее собрание')).toBeLessThan(text.indexOf('Кто раздаёт'));
    const filtered = JSON.stringify((await send(discordGroupCommand('decide', 'log', { word: 'собрание' }, ru))).body.data);
    expect(filtered).toContain('Общее собрание в субботу');
    expect(filtered).not.toContain('Кто раздаёт');
  });

  it('suggests only closed decisions for reopens:, at most 25, names clipped to 100 on whole characters', async () => {
    const long = `Бюджет ${'👩‍👩‍👧'.repeat(40)}`;
    for (let i = 0; i < 27; i++) {
      const closedAt = iso(-(10 + i) * HOUR);
      await seed(
        t,
        tenant,
        decision(CHANNEL, `old${String(i).padStart(2, '0')}`, {
          title: i === 0 ? long : `Бюджет ${i}`,
          status: 'closed',
          closesAt: closedAt,
          closedAt,
          createdAt: iso(-(20 + i) * HOUR),
          outcome: { passed: false, winners: [], ballots: 0, eligible: 0, totals: [0, 0, 0, 0] },
        }),
      );
    }
    // The newest of them, but reopened already by a later proposal: the later one is what to reopen.
    const redoneAt = iso(-2 * HOUR);
    await seed(
      t,
      tenant,
      decision(CHANNEL, 'redone', {
        title: 'Бюджет на весну',
        status: 'closed',
        closesAt: redoneAt,
        closedAt: redoneAt,
        createdAt: iso(-3 * HOUR),
        reopenedBy: 'prop1',
        outcome: { passed: false, winners: [], ballots: 0, eligible: 0, totals: [0, 0, 0, 0] },
      }),
    );
    const res = await send(autocomplete('бюджет'));
    expect(res.body.type).toBe(8);
    const choices = res.body.data.choices as { name: string; value: string }[];
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.length <= 100 && c.value.startsWith('old'))).toBe(true);
    // Newest first; the long title cut after a whole emoji, never inside one.
    expect(choices[0]?.value).toBe('old00');
    expect(choices[0]?.name).toMatch(/👩‍👩‍👧…$/u);
    // The open proposal and the opt-in whose title lacks the word are not suggested; an id's beginning finds one.
    const byId = (await send(autocomplete('vol'))).body.data.choices;
    expect(byId).toEqual([{ name: expect.stringContaining('Кто раздаёт листовки?'), value: 'vol1' }]);
    expect((await send(autocomplete('собрание'))).body.data.choices).toEqual([]);
    // A server with no community gets no choices (and no error).
    expect((await send(autocomplete('бюджет', '666666666666666666'))).body).toEqual({ type: 8, data: { choices: [] } });
  });
});
