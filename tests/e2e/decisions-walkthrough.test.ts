import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { sender, slackText } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

/**
 * Deciding together as a new Slack workspace meets it: the strategy put to the community, positions with
 * reasons, the day-before reminder, the outcome at closing, a ranked-choice poll, a time poll made an
 * event, an anonymous poll and its export, and twenty people voting at once.
 */
type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const TEAM = 'T0001';
const HOME = 'C1';
const COORDINATOR = 'U2147483697';
const MEMBERS = ['U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8'];
const AWAY = 'U8';
const as = (user: string) => ({ channel_id: HOME, user_id: user });
// The ids as the platform sends them back (decisions/ids.ts): `dec:<action>:<tenant>:<community>:<decision>[:<n>]`.
const positionId = (tenant: string, community: string, id: string, n: number) => `dec:pos:${tenant}:${community}:${id}:${n}`;
const pickId = (tenant: string, community: string, id: string, n: number) => `dec:pick:${tenant}:${community}:${id}:${n}`;
const ballotId = (tenant: string, community: string, id: string) => `dec:ballot:${tenant}:${community}:${id}`;
const closeId = (tenant: string, community: string, id: string) => `dec:close:${tenant}:${community}:${id}`;
const makeEventId = (tenant: string, community: string, id: string) => `dec:event:${tenant}:${community}:${id}`;
const proposeId = (tenant: string, community: string, subject: string) => `dec:propose:${tenant}:${community}:proposal:${subject}`;
const decisionState = (tenant: string, community: string, id: string, n?: number) =>
  [tenant, community, id, ...(n === undefined ? [] : [n])].join('|');
const ballotField = (i: number) => `o${i}`;

describe('Slack: deciding together, as a new community tries it', () => {
  let t: TestApp;
  let ts = 7000;
  /** The ts Slack answered each post with: a card's ts is how its edits and thread find it. */
  const answered = new Map<RecordedCall, string>();
  const present = testClock.now();
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-walk');
    t.recorder.on('chat.postMessage', (call) => {
      answered.set(call, `${++ts}.0001`);
      return { body: { ok: true, channel: call.body.channel, ts: answered.get(call) } };
    });
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    for (const user of MEMBERS) await t.app.request(slashCommand('join', as(user)));
    await t.app.request(slashCommand('away until 2099-12-31', as(AWAY)));
  });
  afterAll(async () => {
    testClock.set(present);
    await t.stop();
  });
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const decision = async (title: string) => (await items('Decision')).find((d) => d.title === title);
  const ballotsOf = async (id: string) => (await items('Ballot')).filter((b) => b.decisionId === id);
  const view = () => JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
  const stateOf = (modal: any) => JSON.parse(modal.private_metadata).state as string;
  /** A select's option whose value or label matches. */
  const option = (modal: any, block: string, match: RegExp) => {
    const options: any[] = modal.blocks.find((b: any) => b.block_id === block)?.element?.options ?? [];
    const found = options.find((o) => match.test(o.value) || match.test(o.text.text));
    if (!found) throw new Error(`no option ${match} in ${block}: ${JSON.stringify(options.map((o) => o.value))}`);
    return found.value as string;
  };
  const blocksOf = (call: RecordedCall | undefined) => JSON.parse(String(call?.body.blocks ?? '[]'));
  const buttonsOf = (blocks: any[]) =>
    blocks.flatMap((b: any) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).filter((e: any) => e.type === 'button');
  const everything = (call: RecordedCall | undefined) => `${call?.body.text ?? ''}\n${call?.body.blocks ?? ''}`;
  const topLevelPosts = () => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === HOME && !c.body.thread_ts);
  const threadPosts = (card: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === card);
  const updatesOf = (card: string) => t.recorder.callsTo('chat.update').filter((c) => c.body.ts === card);
  const dms = () => t.recorder.callsTo('chat.postMessage').filter((c) => String(c.body.channel).startsWith('U'));

  /** A poll through `/community poll <kind>` and its modal, as its author fills it in. */
  async function poll(kind: string, title: string, options: string, anonymous = false) {
    t.recorder.reset();
    await send(slashCommand(`poll ${kind}`, as(COORDINATOR)));
    const modal = view();
    expect(modal.callback_id).toBe('poll');
    const selects: Record<string, string> = {};
    if (modal.blocks.some((b: any) => b.block_id === 'anonymous'))
      selects.anonymous = option(modal, 'anonymous', anonymous ? /yes/i : /no/i);
    const saved = await send(
      viewSubmission('poll', { title, options, closes: 'in 2 days' }, { user: COORDINATOR, channel: HOME, state: stateOf(modal), selects }),
    );
    expect(saved.body?.errors).toBeUndefined();
    const made = await decision(title);
    expect(made).toMatchObject({ kind, status: 'open', anonymous });
    return made;
  }

  /** A position through its button and the reason modal it opens, as a member takes it. */
  async function takePosition(id: string, user: string, position: number, reason = '') {
    await send(blockAction(positionId(TEAM, HOME, id, position), { user, channel: HOME }));
    const modal = view();
    expect(modal.callback_id).toBe('decision.reason');
    expect(stateOf(modal)).toBe(decisionState(TEAM, HOME, id, position));
    return send(viewSubmission('decision.reason', { reason }, { user, channel: HOME, state: stateOf(modal) }));
  }

  it('1. the coordinator proposes the written strategy: the card is posted with Agree · Abstain · Disagree · Block', async () => {
    await send(
      viewSubmission(
        'strategy',
        {
          goal: 'Every flat warm by January',
          change: 'If 40 tenants sign, the landlord fixes the boilers',
          tactics: 'Petition\nDelegation',
          timeline: 'By January',
        },
        { user: COORDINATOR, channel: HOME },
      ),
    );
    const screen = await send(slashCommand('strategy', as(COORDINATOR)));
    const propose = buttonsOf(screen.body.blocks ?? []).find((b: any) => String(b.action_id).startsWith('dec:propose:'));
    expect(propose?.action_id).toBe(proposeId(TEAM, HOME, 'strategy'));
    t.recorder.reset();
    await send(blockAction(propose.action_id, { user: COORDINATOR, channel: HOME }));
    const modal = view();
    expect(modal.callback_id).toBe('propose');
    expect(JSON.stringify(modal.blocks)).toContain('Every flat warm by January');
    const state = stateOf(modal);
    const selects = {
      rule: option(modal, 'rule', /consent/i),
      electorate: option(modal, 'electorate', /everyone/i),
      anonymous: option(modal, 'anonymous', /no/i),
    };
    const fields = { title: 'Adopt the winter heating strategy', body: 'The strategy as written', closes: 'in 3 days' };
    // A closing time nobody can read is answered on the field, and nothing is made.
    const unreadable = await send(
      viewSubmission('propose', { ...fields, closes: 'whenever' }, { user: COORDINATOR, channel: HOME, state, selects }),
    );
    expect(unreadable.body.errors.closes).toBeTruthy();
    expect(await items('Decision')).toEqual([]);

    const saved = await send(viewSubmission('propose', fields, { user: COORDINATOR, channel: HOME, state, selects }));
    expect(saved.status).toBe(200);
    expect(saved.body?.errors).toBeUndefined();
    const proposal = await decision('Adopt the winter heating strategy');
    expect(proposal).toMatchObject({
      kind: 'proposal',
      rule: 'consent',
      status: 'open',
      anonymous: false,
      authorId: COORDINATOR,
      channelId: HOME,
      subject: { kind: 'strategy', version: 1 },
    });
    const lasts = Date.parse(proposal.closesAt) - testClock.now().getTime();
    expect(lasts).toBeGreaterThan(2 * 86_400_000);
    expect(lasts).toBeLessThan(4 * 86_400_000);
    const cards = topLevelPosts();
    expect(cards).toHaveLength(1);
    expect(proposal.messageId).toMatch(/^\d+\.0001$/);
    expect(proposal.messageId).toBe(cards[0] && answered.get(cards[0]));
    const positions = buttonsOf(blocksOf(cards[0])).filter((b: any) => String(b.action_id).startsWith('dec:pos:'));
    expect(positions.map((b: any) => b.text.text)).toEqual(['Agree', 'Abstain', 'Disagree', 'Block']);
    expect(positions.map((b: any) => b.action_id)).toEqual([0, 1, 2, 3].map((i) => positionId(TEAM, HOME, proposal.id, i)));
  });

  it('2. five take positions; a Block’s reason goes to the thread; changed to Abstain, the card is redrawn in place', async () => {
    const proposal = await decision('Adopt the winter heating strategy');
    const card = proposal.messageId;
    t.recorder.reset();
    for (const user of [COORDINATOR, 'U2', 'U3']) expect((await takePosition(proposal.id, user, 0)).status).toBe(200);
    // Disagreeing needs a reason: the modal says so and no ballot is cast.
    const bare = await takePosition(proposal.id, 'U4', 2);
    expect(bare.body.errors.reason).toBeTruthy();
    expect((await ballotsOf(proposal.id)).map((b) => b.userId)).not.toContain('U4');
    await takePosition(proposal.id, 'U4', 2, 'The plan says nothing about the top floors');
    await takePosition(proposal.id, 'U5', 3, 'We have not asked the tenants of block B');
    const block = threadPosts(card).find((c) => everything(c).includes('We have not asked the tenants of block B'));
    expect(block?.body.channel).toBe(HOME);
    expect(everything(block)).toContain('<@U5>');
    expect((await ballotsOf(proposal.id)).find((b) => b.userId === 'U5')?.values).toEqual([3]);

    await takePosition(proposal.id, 'U5', 1, 'Asked them: they are fine with it');
    const ballots = await ballotsOf(proposal.id);
    expect(ballots).toHaveLength(5);
    expect(Object.fromEntries(ballots.map((b) => [b.userId, b.values]))).toEqual({
      [COORDINATOR]: [0],
      U2: [0],
      U3: [0],
      U4: [2],
      U5: [1],
    });
    // One card, edited with every change: never a second post in the channel.
    expect(topLevelPosts()).toEqual([]);
    const updates = updatesOf(card);
    expect(updates.length).toBeGreaterThanOrEqual(5);
    expect(t.recorder.callsTo('chat.update').every((u) => u.body.ts === card && u.body.channel === HOME)).toBe(true);
    const last = everything(updates.at(-1));
    expect(last).toContain('Agree · 3');
    expect(last).toContain('Abstain · 1: <@U5>');
    expect(last).toContain('Disagree · 1: <@U4>');
    expect(last).not.toContain('Block · 1');
    expect(last).toContain('5 people have voted so far.');
    expect(last).not.toContain('We have not asked the tenants of block B');
  });

  it('3. a day before closing, only the eligible who have not voted are reminded, once across two ticks; the away are not', async () => {
    const proposal = await decision('Adopt the winter heating strategy');
    const remind = (await items('Due')).find((d) => d.kind === 'decision' && d.ref === `${proposal.id}#remind`);
    expect(DateTime.fromISO(`${remind.minute}:00Z`).toMillis()).toBe(
      DateTime.fromISO(proposal.closesAt).minus({ days: 1 }).startOf('minute').toMillis(),
    );
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${remind.minute}:05Z`));
    await tickAt(t.deps, new Date(`${remind.minute}:05Z`));
    const reminded = dms();
    expect(reminded.map((c) => c.body.channel).sort()).toEqual(['U6', 'U7']);
    expect(everything(reminded[0])).toContain('Adopt the winter heating strategy');
    expect(everything(reminded[0])).toContain(positionId(TEAM, HOME, proposal.id, 0));
    expect((await decision('Adopt the winter heating strategy')).remindedAt).toBeTruthy();
  });

  it('4. at closing one outcome goes to the thread, the author writes the outcome statement, and status shows the strategy adopted', async () => {
    const proposal = await decision('Adopt the winter heating strategy');
    const card = proposal.messageId;
    const close = (await items('Due')).find((d) => d.kind === 'decision' && d.ref === `${proposal.id}#close`);
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${close.minute}:05Z`));
    await tickAt(t.deps, new Date(`${close.minute}:05Z`));
    const closed = await decision('Adopt the winter heating strategy');
    // By consent: no block, and more agree (3) than disagree (1).
    // Eligible: the coordinator and the seven who joined (the one away still may vote).
    expect(closed).toMatchObject({ status: 'closed', outcome: { passed: true, ballots: 5, eligible: 8, totals: [3, 1, 1, 0] } });
    const outcome = threadPosts(card);
    expect(outcome).toHaveLength(1);
    expect(everything(outcome[0])).toContain('Passed: 3 agree, 1 abstains, 1 disagrees, no blocks.');
    expect(everything(outcome[0])).toContain('5 of 8 voted.');
    expect(updatesOf(card).length).toBeGreaterThanOrEqual(1);
    const closedCard = blocksOf(updatesOf(card).at(-1));
    expect(buttonsOf(closedCard).filter((b: any) => String(b.action_id).startsWith('dec:pos:'))).toEqual([]);
    const ask = dms().filter((c) => c.body.channel === COORDINATOR);
    expect(ask).toHaveLength(1);
    const write = buttonsOf(blocksOf(ask[0])).find((b: any) => String(b.action_id).startsWith('dec:statement:'));
    expect(write).toBeTruthy();

    t.recorder.reset();
    await send(blockAction(write.action_id, { user: COORDINATOR, channel: 'D1' }));
    const modal = view();
    expect(modal.callback_id).toBe('decision.statement');
    const empty = await send(
      viewSubmission('decision.statement', { statement: ' ' }, { user: COORDINATOR, channel: 'D1', state: stateOf(modal) }),
    );
    expect(empty.body.errors.statement).toBeTruthy();
    const statement = 'We adopt the winter heating strategy; block B is on board.';
    await send(viewSubmission('decision.statement', { statement }, { user: COORDINATOR, channel: 'D1', state: stateOf(modal) }));
    expect((await decision('Adopt the winter heating strategy')).statement).toBe(statement);
    expect(threadPosts(card).filter((c) => everything(c).includes(statement))).toHaveLength(1);
    expect(slackText((await send(slashCommand('status', as('U2')))).body)).toMatch(/adopted by the community/i);
    // A vote after closing changes nothing.
    const late = await send(
      viewSubmission('decision.reason', { reason: '' }, { user: 'U6', channel: HOME, state: decisionState(TEAM, HOME, proposal.id, 0) }),
    );
    expect(late.status).toBe(200);
    expect(await ballotsOf(proposal.id)).toHaveLength(5);
  });

  it('5. a ranked-choice poll of 4 options and 7 ballots is won by the instant-runoff winner, not the plurality leader', async () => {
    const ranked = await poll('ranked', 'What do we do first?', 'Rent strike\nPetition\nPress\nDelegation');
    t.recorder.reset();
    // Ranks per option (Rent strike, Petition, Press, Delegation); blank: not ranked.
    const ballots: Record<string, string[]> = {
      U2: ['1', '', '2', ''],
      U3: ['1', '', '2', ''],
      U4: ['1', '', '', '2'],
      U5: ['2', '1', '', ''],
      U6: ['2', '1', '', ''],
      U7: ['', '2', '1', ''],
      U8: ['', '2', '', '1'],
    };
    // Hand count (majority: 4 of 7). Round 1: Rent strike 3, Petition 2, Press 1, Delegation 1 — nobody has 4;
    // Press and Delegation are lowest. Whichever goes first, its ballot moves to Petition (3), the other is then
    // lowest and its ballot moves to Petition too: Rent strike 3, Petition 4. Petition wins, though Rent strike
    // led on first preferences.
    for (const [user, ranks] of Object.entries(ballots)) {
      await send(blockAction(ballotId(TEAM, HOME, ranked.id), { user, channel: HOME }));
      const modal = view();
      expect(modal.callback_id).toBe('decision.ballot');
      expect(modal.blocks.map((b: any) => b.block_id)).toEqual([0, 1, 2, 3].map(ballotField));
      const fields = Object.fromEntries(ranks.map((r, i) => [ballotField(i), r]));
      expect(
        (await send(viewSubmission('decision.ballot', fields, { user, channel: HOME, state: stateOf(modal) }))).body?.errors,
      ).toBeUndefined();
    }
    // A rank with a gap is refused on the field.
    const gap = await send(
      viewSubmission(
        'decision.ballot',
        { o0: '1', o1: '3', o2: '', o3: '' },
        { user: COORDINATOR, channel: HOME, state: decisionState(TEAM, HOME, ranked.id) },
      ),
    );
    expect(Object.keys(gap.body.errors ?? {})).not.toEqual([]);
    expect(await ballotsOf(ranked.id)).toHaveLength(7);
    await send(blockAction(closeId(TEAM, HOME, ranked.id), { user: COORDINATOR, channel: HOME }));
    const closed = await decision('What do we do first?');
    expect(closed.status).toBe('closed');
    expect(closed.outcome).toMatchObject({ winners: [1], ballots: 7 });
    expect(closed.outcome.rounds[0]).toEqual([3, 2, 1, 1]);
    expect(closed.outcome.rounds.at(-1)[1]).toBe(4);
    expect(everything(threadPosts(closed.messageId)[0])).toContain('Petition');
  });

  it('6. a time poll of three slots, closed, becomes one event at the winning slot, however often it is clicked', async () => {
    const day = (n: number) => DateTime.fromJSDate(testClock.now()).toUTC().plus({ days: n }).toISODate();
    const slots = `${day(5)} 18:00\n${day(6)} 18:00\n${day(7)} 18:00`;
    const time = await poll('time', 'When do we meet the landlord?', slots);
    expect(time.options).toHaveLength(3);
    for (const o of time.options) expect(Number(o)).toBeGreaterThan(testClock.seconds());
    const picks: Record<string, number[]> = { U2: [0, 1], U3: [1], U4: [1, 2] };
    for (const [user, options] of Object.entries(picks))
      for (const i of options) await send(blockAction(pickId(TEAM, HOME, time.id, i), { user, channel: HOME, messageTs: time.messageId }));
    expect(Object.fromEntries((await ballotsOf(time.id)).map((b) => [b.userId, [...b.values].sort()]))).toEqual(picks);
    await send(blockAction(closeId(TEAM, HOME, time.id), { user: COORDINATOR, channel: HOME }));
    const closed = await decision('When do we meet the landlord?');
    expect(closed.outcome).toMatchObject({ winners: [1], totals: [1, 3, 1] });
    const make = buttonsOf(blocksOf(updatesOf(closed.messageId).at(-1))).find((b: any) => String(b.action_id).startsWith('dec:event:'));
    expect(make?.action_id).toBe(makeEventId(TEAM, HOME, time.id));

    t.recorder.reset();
    for (let i = 0; i < 2; i++) await send(blockAction(makeEventId(TEAM, HOME, time.id), { user: COORDINATOR, channel: HOME }));
    const events = await items('Event');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ title: 'When do we meet the landlord?', startsAt: Number(time.options[1]) });
    const eventCards = topLevelPosts().filter((c) => String(c.body.blocks).includes(`event:going:${TEAM}:${HOME}:${events[0].id}`));
    expect(eventCards).toHaveLength(1);
  });

  it('7. an anonymous poll shows only counts, and its export holds no voter’s id', async () => {
    const voters = ['UANON1', 'UANON2', 'UANON3'];
    for (const user of voters) await send(slashCommand('join', as(user)));
    const anonymous = await poll('simple', 'Which evening suits the meeting?', 'Tuesday\nThursday', true);
    t.recorder.reset();
    for (const [i, user] of voters.entries())
      await send(blockAction(pickId(TEAM, HOME, anonymous.id, i === 0 ? 0 : 1), { user, channel: HOME, messageTs: anonymous.messageId }));
    expect(await ballotsOf(anonymous.id)).toHaveLength(3);
    const card = everything(updatesOf(anonymous.messageId).at(-1));
    for (const user of voters) expect(card).not.toContain(user);
    expect(card).toContain('Tuesday · 1');
    expect(card).toContain('Thursday · 2');
    await send(blockAction(closeId(TEAM, HOME, anonymous.id), { user: COORDINATOR, channel: HOME }));
    for (const post of [...threadPosts(anonymous.messageId), ...t.recorder.callsTo('chat.update')])
      for (const user of voters) expect(everything(post)).not.toContain(user);

    t.recorder
      .on('conversations.open', () => ({ body: { ok: true, channel: { id: 'D1' } } }))
      .on('files.getUploadURLExternal', (call) => ({
        body: { ok: true, upload_url: `${t.recorder.url}/upload/${call.body.filename}`, file_id: `F-${call.body.filename}` },
      }))
      .on('files.completeUploadExternal', () => ({ body: { ok: true, files: [] } }));
    t.recorder.reset();
    await send(slashCommand('export', as(COORDINATOR)));
    const uploads = Object.fromEntries(t.recorder.calls.filter((c) => c.path.startsWith('/upload/')).map((c) => [c.path.slice(8), c.raw]));
    expect(Object.keys(uploads)).toEqual(expect.arrayContaining(['decisions.csv', 'ballots.csv']));
    expect(uploads['decisions.csv']).toContain('Which evening suits the meeting?');
    // The proposal's ballots are there, the anonymous poll's voters nowhere.
    expect(uploads['ballots.csv']).toContain('U4');
    for (const [name, content] of Object.entries(uploads)) for (const user of voters) expect(content, name).not.toContain(user);
  });

  it('8. twenty people taking a position at once are each counted once, and the card ends showing twenty', async () => {
    const crowd = Array.from({ length: 20 }, (_, i) => `UCROWD${String(i + 1).padStart(2, '0')}`);
    for (const user of crowd) await send(slashCommand('join', as(user)));
    t.recorder.reset();
    await send(slashCommand('propose', as(COORDINATOR)));
    const modal = view();
    const selects = {
      rule: option(modal, 'rule', /consent/i),
      electorate: option(modal, 'electorate', /everyone/i),
      anonymous: option(modal, 'anonymous', /no/i),
    };
    await send(
      viewSubmission(
        'propose',
        { title: 'Hold the meeting in the courtyard', body: 'Outdoors, weather allowing', closes: 'in 2 days' },
        { user: COORDINATOR, channel: HOME, state: stateOf(modal), selects },
      ),
    );
    const crowded = await decision('Hold the meeting in the courtyard');
    t.recorder.reset();
    const state = decisionState(TEAM, HOME, crowded.id, 0);
    const answers = await Promise.all(
      crowd.map((user) => send(viewSubmission('decision.reason', { reason: '' }, { user, channel: HOME, state }))),
    );
    expect(answers.map((a) => a.status)).toEqual(crowd.map(() => 200));
    const ballots = await ballotsOf(crowded.id);
    expect(ballots.map((b) => b.userId).sort()).toEqual(crowd);
    expect(topLevelPosts()).toEqual([]);
    const last = everything(updatesOf(crowded.messageId).at(-1));
    expect(last).toContain('Agree · 20');
    expect(last).toContain('20 people have voted so far.');
    // Who agrees is named up to the card's limit, in whatever order the votes landed; the rest are counted.
    const named = crowd.filter((user) => last.includes(`<@${user}>`)).length;
    const more = Number(/and (\d+) more/.exec(last)?.[1] ?? 0);
    expect(named).toBeGreaterThan(0);
    expect(named + more).toBe(20);
    expect((await items('Decision')).find((d) => d.id === crowded.id)?.status).toBe('open');
    expect(slackText((await send(slashCommand('decisions', as('U2')))).body)).toContain('Hold the meeting in the courtyard');
    // Twenty people join one by one first: the machine is shared and slow, the votes themselves are at once.
  }, 180_000);
});
