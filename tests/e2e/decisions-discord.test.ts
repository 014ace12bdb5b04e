import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import {
  discordCommand,
  discordComponent,
  discordDmComponent,
  discordDmModalSubmit,
  discordGroupCommand,
  discordModalSubmit,
} from '../support/discord.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { allItems } from '../support/table.ts';

/**
 * Deciding together on Discord, in Russian, as a new server meets it: the strategy put to the community
 * from its screen, positions through buttons and the reason modal (edits of one card, reasons in its
 * thread), the reminder's button clicked from the direct message (no guild), the outcome at closing with
 * Russian plural forms, the outcome statement, and a poll whose card counts in Russian.
 */
type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const GUILD = '555555555555555555';
const CHANNEL = '222222222222222222';
const COORDINATOR = '333333333333333333';
const member = (n: number) => `44444444444444440${n}`;
const MEMBERS = [1, 2, 3, 4, 5, 6, 7].map(member);
const AWAY = member(7);
const by = (user: string) => ({ user, locale: 'ru' });
// The ids as Discord sends them back (decisions/ids.ts): `dec:<action>:<tenant>:<community>:<decision>[:<n>]`.
const positionId = (id: string, n: number) => `dec:pos:${GUILD}:${CHANNEL}:${id}:${n}`;
const pickId = (id: string, n: number) => `dec:pick:${GUILD}:${CHANNEL}:${id}:${n}`;
const closeId = (id: string) => `dec:close:${GUILD}:${CHANNEL}:${id}`;
const ballotId = (id: string) => `dec:ballot:${GUILD}:${CHANNEL}:${id}`;
const makeEventId = (id: string) => `dec:event:${GUILD}:${CHANNEL}:${id}`;

describe('Discord, in Russian: deciding together', () => {
  let t: TestApp;
  let nextMessage = 910000000000000000n;
  const present = testClock.now();
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-discord');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }))
      // A thread started from a message takes the message's id.
      .on('/threads', (call) => ({ body: { id: /messages\/(\d+)\/threads/.exec(call.path)?.[1] ?? 'thread', type: 11 } }))
      .on('/messages', (call) => ({ body: { id: call.method === 'PATCH' ? call.path.split('/').at(-1) : String(nextMessage++) } }));
    await send(discordCommand('setup', { name: 'Жильцы Зелёной' }, { user: COORDINATOR, locale: 'ru' }));
    for (const user of MEMBERS) await send(discordCommand('join', {}, by(user)));
    await send(discordCommand('away', { until: '2099-12-31' }, by(AWAY)));
  });
  afterAll(async () => {
    testClock.set(present);
    await t.stop();
  });
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const decision = async (title: string) => (await items('Decision')).find((d) => d.title === title);
  const ballotsOf = async (id: string) => (await items('Ballot')).filter((b) => b.decisionId === id);
  const content = (body: any) => String(body?.data?.content ?? '');
  const json = (call: RecordedCall | undefined) => JSON.stringify(call?.body ?? {});
  const posts = (channel: string) =>
    t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${channel}/messages`));
  const edits = (card: string) =>
    t.recorder.calls.filter((c) => c.method === 'PATCH' && c.path.endsWith(`/channels/${CHANNEL}/messages/${card}`));
  const buttons = (message: any) =>
    (message?.components ?? []).flatMap((row: any) => row.components ?? []).filter((c: any) => c.type === 2 && c.custom_id);
  /** A select's option in a modal (Label components around string selects), by value or label. */
  const option = (modal: any, field: string, match: RegExp) => {
    const select = modal.components.find((c: any) => c.component?.custom_id === field)?.component;
    const found = (select?.options ?? []).find((o: any) => match.test(o.value) || match.test(o.label));
    if (!found) throw new Error(`no option ${match} in ${field}: ${JSON.stringify(select?.options)}`);
    return found.value as string;
  };

  /** A poll through `/community decide poll kind:<kind>` and its modal (five fields on Discord), as its author fills it in. */
  async function poll(kind: string, title: string, options: string, anonymous = false) {
    const opened = await send(discordGroupCommand('decide', 'poll', { kind }, by(COORDINATOR)));
    expect(opened.body.type).toBe(9);
    const modal = opened.body.data;
    expect(modal.custom_id).toBe(`poll|${kind}|`);
    const selects = {
      electorate: option(modal, 'electorate', /^everyone$/),
      ...(modal.components.some((c: any) => c.component?.custom_id === 'anonymous')
        ? { anonymous: option(modal, 'anonymous', anonymous ? /^yes$/ : /^no$/) }
        : {}),
    };
    const saved = await send(
      discordModalSubmit(modal.custom_id, { title, options, closes: 'через 2 дня' }, { ...by(COORDINATOR), selects }),
    );
    expect(saved.body.type).toBe(4);
    const made = await decision(title);
    expect(made).toMatchObject({ kind, status: 'open', anonymous });
    return made;
  }

  /** A position through its button (in the channel, or from a DM) and the reason modal it answers with. */
  async function takePosition(id: string, user: string, position: number, reason = '', fromDm = false) {
    const opened = await send(
      fromDm ? discordDmComponent(positionId(id, position), user, 'ru') : discordComponent(positionId(id, position), by(user)),
    );
    expect(opened.body.type).toBe(9);
    const customId = opened.body.data.custom_id;
    expect(customId).toBe(`decision.reason|${GUILD}|${CHANNEL}|${id}|${position}`);
    return send(fromDm ? discordDmModalSubmit(customId, { reason }, user) : discordModalSubmit(customId, { reason }, by(user)));
  }

  it('proposes the strategy from its screen: one card in the channel with Согласен · Воздерживаюсь · Против · Блокирую', async () => {
    await send(
      discordModalSubmit(
        'strategy',
        {
          goal: 'Тепло в каждой квартире к январю',
          change: 'Если 40 жильцов подпишут, управляющая починит котлы',
          tactics: 'Петиция',
          timeline: 'К январю',
        },
        by(COORDINATOR),
      ),
    );
    const screen = await send(discordCommand('strategy', {}, by(COORDINATOR)));
    const propose = buttons(screen.body.data).find((b: any) => b.custom_id.startsWith('dec:propose:'));
    expect(propose?.custom_id).toBe(`dec:propose:${GUILD}:${CHANNEL}:proposal:strategy`);
    const opened = await send(discordComponent(propose.custom_id, by(COORDINATOR)));
    expect(opened.body.type).toBe(9);
    const modal = opened.body.data;
    expect(modal.custom_id).toBe('propose||strategy');
    expect(modal.title.length).toBeLessThanOrEqual(45);
    for (const c of modal.components) if (c.type === 18) expect(c.label.length).toBeLessThanOrEqual(45);
    expect(JSON.stringify(modal.components)).toContain('Тепло в каждой квартире к январю');
    // Discord shows five fields: the title, what we would agree to, the closing time, the rule and who votes.
    expect(modal.components.map((c: any) => c.component?.custom_id)).toEqual(['title', 'body', 'closes', 'rule', 'electorate']);
    const selects = { rule: option(modal, 'rule', /^consent$/), electorate: option(modal, 'electorate', /^everyone$/) };
    t.recorder.reset();
    const saved = await send(
      discordModalSubmit(
        modal.custom_id,
        { title: 'Принять зимнюю стратегию отопления', body: 'Стратегия, как она написана', closes: 'через 3 дня' },
        { ...by(COORDINATOR), selects },
      ),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.type).toBe(4);
    expect(saved.body.data.flags & 64).toBe(64);
    const proposal = await decision('Принять зимнюю стратегию отопления');
    expect(proposal).toMatchObject({
      kind: 'proposal',
      rule: 'consent',
      status: 'open',
      channelId: CHANNEL,
      subject: { kind: 'strategy', version: 1 },
    });
    const lasts = Date.parse(proposal.closesAt) - testClock.now().getTime();
    expect(lasts).toBeGreaterThan(2 * 86_400_000);
    expect(lasts).toBeLessThan(4 * 86_400_000);
    const cards = posts(CHANNEL);
    expect(cards).toHaveLength(1);
    expect(proposal.messageId).toBeTruthy();
    const positions = buttons(cards[0]?.body).filter((b: any) => b.custom_id.startsWith('dec:pos:'));
    expect(positions.map((b: any) => b.custom_id)).toEqual([0, 1, 2, 3].map((i) => positionId(proposal.id, i)));
    expect(positions.map((b: any) => b.label)).toEqual(['Согласен', 'Воздерживаюсь', 'Против', 'Блокирую']);
    // Discord's `/community decide …` opens the same modal.
    const direct = await send(discordGroupCommand('decide', 'propose', {}, by(COORDINATOR)));
    expect(direct.body.type).toBe(9);
    expect(direct.body.data.custom_id.split('|')[0]).toBe('propose');
  });

  it('takes five positions; a block’s reason goes to the thread; changed to abstain, the one card is edited', async () => {
    const proposal = await decision('Принять зимнюю стратегию отопления');
    const card = proposal.messageId;
    t.recorder.reset();
    for (const user of [COORDINATOR, member(1), member(2)]) expect((await takePosition(proposal.id, user, 0)).status).toBe(200);
    const bare = await takePosition(proposal.id, member(3), 2);
    // A reason is required to disagree: the modal is answered in Russian, nothing is cast.
    expect(JSON.stringify(bare.body)).toMatch(/[а-яё]/i);
    expect((await ballotsOf(proposal.id)).map((b) => b.userId)).not.toContain(member(3));
    await takePosition(proposal.id, member(3), 2, 'Про верхние этажи ничего нет');
    await takePosition(proposal.id, member(4), 3, 'Жильцов корпуса Б не спросили');
    const thread = posts(card);
    expect(thread.filter((c) => json(c).includes('Жильцов корпуса Б не спросили'))).toHaveLength(1);
    await takePosition(proposal.id, member(4), 1, 'Спросили: они согласны');
    const ballots = await ballotsOf(proposal.id);
    expect(Object.fromEntries(ballots.map((b) => [b.userId, b.values]))).toEqual({
      [COORDINATOR]: [0],
      [member(1)]: [0],
      [member(2)]: [0],
      [member(3)]: [2],
      [member(4)]: [1],
    });
    expect(posts(CHANNEL)).toEqual([]);
    expect(edits(card).length).toBeGreaterThanOrEqual(5);
    expect(json(edits(card).at(-1))).toContain(`<@${member(4)}>`);
  });

  it('reminds the two who have not voted, once across two ticks; a reminder’s button works from the DM, without a guild', async () => {
    const proposal = await decision('Принять зимнюю стратегию отопления');
    const remind = (await items('Due')).find((d) => d.kind === 'decision' && d.ref === `${proposal.id}#remind`);
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${remind.minute}:05Z`));
    await tickAt(t.deps, new Date(`${remind.minute}:05Z`));
    const opened = t.recorder.calls.filter((c) => c.path.endsWith('/users/@me/channels')).map((c) => c.body.recipient_id);
    const reminded = MEMBERS.concat(COORDINATOR).filter((user) => posts(`dm-${user}`).length > 0);
    expect(reminded.sort()).toEqual([member(5), member(6)]);
    expect(new Set(opened)).toEqual(new Set([member(5), member(6)]));
    for (const user of reminded) expect(posts(`dm-${user}`)).toHaveLength(1);
    const dm = posts(`dm-${member(5)}`)[0];
    expect(json(dm)).toContain('Принять зимнюю стратегию отопления');
    expect(buttons(dm?.body).map((b: any) => b.custom_id)).toContain(positionId(proposal.id, 0));

    const answered = await takePosition(proposal.id, member(5), 0, '', true);
    expect(answered.status).toBe(200);
    expect((await ballotsOf(proposal.id)).find((b) => b.userId === member(5))?.values).toEqual([0]);
  });

  it('closes at its time: one outcome in the thread, in Russian with plural forms; the statement; status says adopted', async () => {
    const proposal = await decision('Принять зимнюю стратегию отопления');
    const card = proposal.messageId;
    const close = (await items('Due')).find((d) => d.kind === 'decision' && d.ref === `${proposal.id}#close`);
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${close.minute}:05Z`));
    await tickAt(t.deps, new Date(`${close.minute}:05Z`));
    const closed = await decision('Принять зимнюю стратегию отопления');
    // 4 agree, 1 abstains, 1 disagrees, no block: passed by consent.
    expect(closed).toMatchObject({ status: 'closed', outcome: { passed: true, ballots: 6, totals: [4, 1, 1, 0] } });
    const outcome = posts(card);
    expect(outcome).toHaveLength(1);
    const said = String(outcome[0]?.body.content ?? json(outcome[0]));
    // Russian counts: 4 takes the «few» form, 1 the «one» form.
    expect(said).toContain('Принято: 4 голоса за, 1 воздержался, 1 голос против, блоков нет.');
    expect(said).not.toMatch(/\b(agree|abstain|passed|votes?)\b/i);
    expect(buttons(edits(card).at(-1)?.body).filter((b: any) => b.custom_id.startsWith('dec:pos:'))).toEqual([]);
    const ask = posts(`dm-${COORDINATOR}`);
    expect(ask).toHaveLength(1);
    const write = buttons(ask[0]?.body).find((b: any) => b.custom_id.startsWith('dec:statement:'));
    expect(write?.custom_id).toBe(`dec:statement:${GUILD}:${CHANNEL}:${proposal.id}`);

    const opened = await send(discordDmComponent(write.custom_id, COORDINATOR, 'ru'));
    expect(opened.body.type).toBe(9);
    const statement = 'Стратегию приняли; корпус Б с нами.';
    t.recorder.reset();
    await send(discordDmModalSubmit(opened.body.data.custom_id, { statement }, COORDINATOR));
    expect((await decision('Принять зимнюю стратегию отопления')).statement).toBe(statement);
    expect(posts(card).filter((c) => json(c).includes(statement))).toHaveLength(1);
    // An outsider's click on the statement button from a DM is refused and changes nothing.
    const forged = await send(discordDmComponent(write.custom_id, '888888888888888888', 'ru'));
    expect(forged.body.type).not.toBe(9);
    const status = await send(discordCommand('status', {}, by(member(1))));
    expect(content(status.body)).toMatch(/принят\S* сообществом/i);
  });

  it('counts a poll in Russian: 1 голос, 2 голоса, 5 голосов; 1 человек, 3 человека, 8 человек', async () => {
    const made = await poll('simple', 'Когда собрание?', 'Вторник\nЧетверг\nСуббота');
    expect(made.options).toEqual(['Вторник', 'Четверг', 'Суббота']);
    // Вторник 1, Четверг 2, Суббота 5 (four members, the away one among them, and the coordinator).
    const votes: [string, number][] = [
      [member(1), 0],
      [member(2), 1],
      [member(3), 1],
      [member(4), 2],
      [member(5), 2],
      [member(6), 2],
      [member(7), 2],
      [COORDINATOR, 2],
    ];
    t.recorder.reset();
    for (const [user, i] of votes) await send(discordComponent(pickId(made.id, i), { ...by(user), messageId: made.messageId }));
    expect(await ballotsOf(made.id)).toHaveLength(8);
    // The card counts who voted as it goes: one, few and many.
    const cards = edits(made.messageId).map(json);
    expect(cards.some((c) => c.includes('Пока проголосовал 1 человек.'))).toBe(true);
    expect(cards.some((c) => c.includes('Пока проголосовали 3 человека.'))).toBe(true);
    expect(cards.at(-1)).toContain('Пока проголосовали 8 человек.');
    await send(discordComponent(closeId(made.id), by(COORDINATOR)));
    const closed = await decision('Когда собрание?');
    expect(closed.outcome).toMatchObject({ winners: [2], totals: [1, 2, 5], ballots: 8 });
    const result = String(posts(made.messageId)[0]?.body.content ?? '');
    const counted = (n: number, word: string) => new RegExp(`${n} ${word}(?![а-яё])`);
    expect(result).toContain('Суббота');
    expect(result).toMatch(counted(1, 'голос'));
    expect(result).toMatch(counted(2, 'голоса'));
    expect(result).toMatch(counted(5, 'голосов'));
    const log = await send(discordGroupCommand('decide', 'log', {}, by(member(1))));
    expect(content(log.body)).toContain('Когда собрание?');
    expect(content(log.body)).toContain('Принять зимнюю стратегию отопления');
    expect(DateTime.fromISO(closed.closedAt).isValid).toBe(true);
  });
  it('a ranked-choice poll through the ballot modal: the instant-runoff winner, not the plurality leader', async () => {
    const ranked = await poll('ranked', 'С чего начнём?', 'Забастовка\nПетиция\nПресса\nДелегация');
    // Ranks per option (Забастовка, Петиция, Пресса, Делегация); blank: not ranked.
    const ballots: [string, string[]][] = [
      [member(1), ['1', '', '2', '']],
      [member(2), ['1', '', '2', '']],
      [member(3), ['1', '', '', '2']],
      [member(4), ['2', '1', '', '']],
      [member(5), ['2', '1', '', '']],
      [member(6), ['', '2', '1', '']],
      [member(7), ['', '2', '', '1']],
    ];
    // Hand count (majority 4 of 7): round 1 — Забастовка 3, Петиция 2, Пресса 1, Делегация 1. Пресса and
    // Делегация go out one after the other, each ballot passing to Петиция: Забастовка 3, Петиция 4.
    for (const [user, ranks] of ballots) {
      const opened = await send(discordComponent(ballotId(ranked.id), by(user)));
      expect(opened.body.type).toBe(9);
      expect(opened.body.data.custom_id).toBe(`decision.ballot|${GUILD}|${CHANNEL}|${ranked.id}`);
      expect(opened.body.data.components.map((c: any) => c.component.custom_id)).toEqual(['o0', 'o1', 'o2', 'o3']);
      const fields = Object.fromEntries(ranks.map((r, i) => [`o${i}`, r]));
      expect((await send(discordModalSubmit(opened.body.data.custom_id, fields, by(user)))).body.type).toBe(4);
    }
    expect(await ballotsOf(ranked.id)).toHaveLength(7);
    t.recorder.reset();
    await send(discordComponent(closeId(ranked.id), by(COORDINATOR)));
    const closed = await decision('С чего начнём?');
    expect(closed.outcome).toMatchObject({ winners: [1], ballots: 7 });
    expect(closed.outcome.rounds[0]).toEqual([3, 2, 1, 1]);
    const result = String(posts(ranked.messageId)[0]?.body.content ?? '');
    expect(result).toContain('Петиция');
    expect(result).toMatch(/после \d+ раунд/);
  });

  it('a time poll closed with a winner becomes one event at that slot, from one click or two', async () => {
    const day = (n: number) => DateTime.fromJSDate(testClock.now()).toUTC().plus({ days: n }).toISODate();
    const time = await poll('time', 'Когда идём к управляющей?', `${day(5)} 18:00\n${day(6)} 18:00\n${day(7)} 18:00`);
    expect(time.options).toHaveLength(3);
    for (const [user, picks] of [
      [member(1), [0]],
      [member(2), [2]],
      [member(3), [2]],
    ] as const)
      for (const i of picks) await send(discordComponent(pickId(time.id, i), { ...by(user), messageId: time.messageId }));
    await send(discordComponent(closeId(time.id), by(COORDINATOR)));
    expect((await decision('Когда идём к управляющей?')).outcome).toMatchObject({ winners: [2], totals: [1, 0, 2] });
    t.recorder.reset();
    for (let i = 0; i < 2; i++) await send(discordComponent(makeEventId(time.id), by(COORDINATOR)));
    const events = await items('Event');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ title: 'Когда идём к управляющей?', startsAt: Number(time.options[2]) });
    const eventCards = posts(CHANNEL).filter((c) => json(c).includes(`event:going:${GUILD}:${CHANNEL}:${events[0].id}`));
    expect(eventCards).toHaveLength(1);
  });

  it('an anonymous poll names nobody on its card, and the export uploaded to the DM holds no voter’s id', async () => {
    const voters = ['666666666666666601', '666666666666666602', '666666666666666603'];
    for (const user of voters) await send(discordCommand('join', {}, by(user)));
    const anonymous = await poll('simple', 'Какой вечер удобнее?', 'Вторник\nЧетверг', true);
    t.recorder.reset();
    for (const [i, user] of voters.entries())
      await send(discordComponent(pickId(anonymous.id, i === 0 ? 0 : 1), { ...by(user), messageId: anonymous.messageId }));
    expect(await ballotsOf(anonymous.id)).toHaveLength(3);
    await send(discordComponent(closeId(anonymous.id), by(COORDINATOR)));
    const shown = [...edits(anonymous.messageId), ...posts(anonymous.messageId)].map(json);
    expect(shown.at(-1)).toBeTruthy();
    for (const text of shown) for (const user of voters) expect(text).not.toContain(user);
    expect(shown.some((text) => text.includes('Четверг · 2'))).toBe(true);

    t.recorder.reset();
    await send(discordGroupCommand('data', 'export', {}, by(COORDINATOR)));
    const uploads = posts(`dm-${COORDINATOR}`).map((c) => c.raw);
    const all = uploads.join('\n');
    expect(all).toContain('decisions.csv');
    expect(all).toContain('ballots.csv');
    expect(all).toContain('Какой вечер удобнее?');
    // The proposal's ballots are exported; the anonymous poll's voters appear nowhere.
    expect(all).toContain(member(3));
    for (const user of voters) expect(all).not.toContain(user);
  });

  it('twenty positions at once are twenty ballots, and the card ends counting 20 in Russian', async () => {
    const crowd = Array.from({ length: 20 }, (_, i) => `7777777777777777${String(i + 10)}`);
    for (const user of crowd) await send(discordCommand('join', {}, by(user)));
    const opened = await send(discordGroupCommand('decide', 'propose', {}, by(COORDINATOR)));
    const modal = opened.body.data;
    const selects = { rule: option(modal, 'rule', /^consent$/), electorate: option(modal, 'electorate', /^everyone$/) };
    await send(
      discordModalSubmit(
        modal.custom_id,
        { title: 'Собрание во дворе', body: 'Если будет погода', closes: 'через 2 дня' },
        { ...by(COORDINATOR), selects },
      ),
    );
    const crowded = await decision('Собрание во дворе');
    t.recorder.reset();
    const customId = `decision.reason|${GUILD}|${CHANNEL}|${crowded.id}|0`;
    const answers = await Promise.all(crowd.map((user) => send(discordModalSubmit(customId, { reason: '' }, by(user)))));
    expect(answers.map((a) => a.status)).toEqual(crowd.map(() => 200));
    expect((await ballotsOf(crowded.id)).map((b) => b.userId).sort()).toEqual(crowd);
    expect(posts(CHANNEL)).toEqual([]);
    const last = json(edits(crowded.messageId).at(-1));
    expect(last).toContain('Согласен · 20');
    // 20 takes the «many» form.
    expect(last).toContain('Пока проголосовали 20 человек.');
  }, 180_000);
});
