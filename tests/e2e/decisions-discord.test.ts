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
    const opened = await send(discordGroupCommand('decide', 'poll', { kind: 'simple' }, by(COORDINATOR)));
    expect(opened.body.type).toBe(9);
    const modal = opened.body.data;
    const selects = modal.components.some((c: any) => c.component?.custom_id === 'anonymous')
      ? { anonymous: option(modal, 'anonymous', /^no$|нет/i) }
      : undefined;
    await send(
      discordModalSubmit(
        modal.custom_id,
        { title: 'Когда собрание?', options: 'Вторник\nЧетверг\nСуббота', closes: 'через 2 дня' },
        { ...by(COORDINATOR), ...(selects ? { selects } : {}) },
      ),
    );
    const poll = await decision('Когда собрание?');
    expect(poll).toMatchObject({ kind: 'simple', options: ['Вторник', 'Четверг', 'Суббота'] });
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
    for (const [user, i] of votes) await send(discordComponent(pickId(poll.id, i), { ...by(user), messageId: poll.messageId }));
    expect(await ballotsOf(poll.id)).toHaveLength(8);
    // The card counts who voted as it goes: one, few and many.
    const cards = edits(poll.messageId).map(json);
    expect(cards.some((c) => c.includes('Пока проголосовал 1 человек.'))).toBe(true);
    expect(cards.some((c) => c.includes('Пока проголосовали 3 человека.'))).toBe(true);
    expect(cards.at(-1)).toContain('Пока проголосовали 8 человек.');
    await send(discordComponent(closeId(poll.id), by(COORDINATOR)));
    const closed = await decision('Когда собрание?');
    expect(closed.outcome).toMatchObject({ winners: [2], totals: [1, 2, 5], ballots: 8 });
    const result = String(posts(poll.messageId)[0]?.body.content ?? '');
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
});
