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
import { sender } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

/**
 * Closing a decision: the day-before reminder to those who have not voted, the outcome counted and posted
 * once in the card's thread, the author asked for the outcome statement, closing early by its author, and
 * who is refused on the way.
 */
type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const TEAM = 'T0001';
const HOME = 'C1';
const COORDINATOR = 'U2147483697';
const MEMBERS = ['U2', 'U3', 'U4', 'U5', 'U6'];
const AWAY = 'U6';
const as = (user: string) => ({ channel_id: HOME, user_id: user });
// The ids as the platforms send them back (decisions/ids.ts).
const id = (action: string, tenant: string, community: string, rest: string) => `dec:${action}:${tenant}:${community}:${rest}`;
const state = (tenant: string, community: string, decision: string, n?: number) =>
  [tenant, community, decision, ...(n === undefined ? [] : [n])].join('|');

describe('Slack: reminding, closing and the outcome statement', () => {
  let t: TestApp;
  let ts = 3000;
  const present = testClock.now();
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-close-slack');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
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
  const dueOf = async (decisionId: string) =>
    (await items('Due')).filter((d) => d.kind === 'decision' && String(d.ref).startsWith(`${decisionId}#`));
  const view = () => JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
  const stateOf = (modal: any) => JSON.parse(modal.private_metadata).state as string;
  const option = (modal: any, block: string, match: RegExp) =>
    (modal.blocks.find((b: any) => b.block_id === block)?.element?.options ?? []).find((o: any) => match.test(o.value))?.value as string;
  const everything = (call: RecordedCall | undefined) => `${call?.body.text ?? ''}\n${call?.body.blocks ?? ''}`;
  const buttonIds = (call: RecordedCall | undefined) =>
    JSON.parse(String(call?.body.blocks ?? '[]')).flatMap((b: any) => (b.elements ?? []).map((e: any) => e.action_id ?? ''));
  const threadPosts = (card: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === card);
  const dms = () => t.recorder.callsTo('chat.postMessage').filter((c) => /^U/.test(String(c.body.channel)));
  const told = () => t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));

  async function propose(user: string, title: string, closes: string) {
    await send(slashCommand('propose', as(user)));
    const modal = view();
    expect(modal.callback_id).toBe('propose');
    const selects = {
      rule: option(modal, 'rule', /consent/),
      electorate: option(modal, 'electorate', /everyone/),
      anonymous: option(modal, 'anonymous', /no/),
    };
    const saved = await send(
      viewSubmission(
        'propose',
        { title, body: 'As discussed at the meeting', closes },
        { user, channel: HOME, state: stateOf(modal), selects },
      ),
    );
    expect(saved.body?.errors).toBeUndefined();
    return decision(title);
  }

  async function takePosition(decisionId: string, user: string, position: number, reason = '') {
    await send(blockAction(id('pos', TEAM, HOME, `${decisionId}:${position}`), { user, channel: HOME }));
    expect(stateOf(view())).toBe(state(TEAM, HOME, decisionId, position));
    await send(viewSubmission('decision.reason', { reason }, { user, channel: HOME, state: state(TEAM, HOME, decisionId, position) }));
  }

  it('plans the reminder a day before closing and the close; four take positions, a block changed to an abstention', async () => {
    const proposal = await propose(COORDINATOR, 'Repaint the stairwell', 'in 3 days');
    expect(proposal).toMatchObject({ kind: 'proposal', rule: 'consent', status: 'open' });
    const due = Object.fromEntries((await dueOf(proposal.id)).map((d) => [d.ref.split('#')[1], d.minute]));
    const closesAt = Date.parse(proposal.closesAt);
    expect(due).toEqual({
      close: new Date(closesAt).toISOString().slice(0, 16),
      remind: new Date(closesAt - 86_400_000).toISOString().slice(0, 16),
    });
    await takePosition(proposal.id, COORDINATOR, 0);
    await takePosition(proposal.id, 'U2', 0);
    await takePosition(proposal.id, 'U3', 3, 'Nobody asked the ground floor');
    await takePosition(proposal.id, 'U4', 2, 'Green is a bad colour');
    await takePosition(proposal.id, 'U3', 1, 'Asked them, fine by them');
    const ballots = (await items('Ballot')).filter((b) => b.decisionId === proposal.id);
    expect(Object.fromEntries(ballots.map((b) => [b.userId, b.values[0]]))).toEqual({ [COORDINATOR]: 0, U2: 0, U3: 1, U4: 2 });
  });

  it('refuses closing early to a member who is not its author, and a button naming another workspace', async () => {
    const proposal = await decision('Repaint the stairwell');
    t.recorder.reset();
    await send(blockAction(id('close', TEAM, HOME, proposal.id), { user: 'U2', channel: HOME }));
    await send(blockAction(id('close', 'T9999', HOME, proposal.id), { user: COORDINATOR, channel: HOME }));
    expect(told()).toEqual([expect.stringContaining('Only whoever put it forward'), expect.stringContaining('This button is not for you')]);
    expect(await decision('Repaint the stairwell')).toMatchObject({ status: 'open', version: proposal.version });
    expect(await dueOf(proposal.id)).toHaveLength(2);
    expect(threadPosts(proposal.messageId)).toEqual([]);
  });

  it('a day before, reminds only who may vote, has not and is not away, once across two ticks, with the position buttons', async () => {
    const proposal = await decision('Repaint the stairwell');
    const [remind] = (await dueOf(proposal.id)).filter((d) => d.ref.endsWith('#remind'));
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${remind.minute}:05Z`));
    await tickAt(t.deps, new Date(`${remind.minute}:05Z`));
    const reminded = dms();
    expect(reminded.map((c) => c.body.channel)).toEqual(['U5']);
    expect(everything(reminded[0])).toContain('Voting on *Repaint the stairwell* closes');
    expect(everything(reminded[0])).toContain(`<!date^${Date.parse(proposal.closesAt) / 1000}^`);
    expect(buttonIds(reminded[0])).toEqual([0, 1, 2, 3].map((i) => id('pos', TEAM, HOME, `${proposal.id}:${i}`)));
    const after = await decision('Repaint the stairwell');
    // The clock runs on from the tick: within its minute.
    expect(after.remindedAt.slice(0, 16)).toBe(remind.minute);
    expect((await dueOf(proposal.id)).map((d) => d.ref)).toEqual([`${proposal.id}#close`]);
  });

  it('at closing posts one outcome in the thread across two ticks, redraws the card and asks the author for the statement', async () => {
    const proposal = await decision('Repaint the stairwell');
    const card = proposal.messageId;
    const [close] = await dueOf(proposal.id);
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${close.minute}:05Z`));
    await tickAt(t.deps, new Date(`${close.minute}:05Z`));
    const closed = await decision('Repaint the stairwell');
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: { passed: true, ballots: 4, eligible: 6, totals: [2, 1, 1, 0], winners: [] },
    });
    expect(closed.closedAt.slice(0, 16)).toBe(close.minute);
    const outcome = threadPosts(card);
    expect(outcome).toHaveLength(1);
    expect(outcome[0]?.body.channel).toBe(HOME);
    expect(everything(outcome[0])).toContain('Passed: 2 agree, 1 abstains, 1 disagrees, no blocks.');
    expect(everything(outcome[0])).toContain('4 of 6 voted.');
    expect(t.recorder.callsTo('chat.update').filter((u) => u.body.ts === card).length).toBeGreaterThanOrEqual(1);
    const ask = dms();
    expect(ask.map((c) => c.body.channel)).toEqual([COORDINATOR]);
    expect(buttonIds(ask[0])).toEqual([id('statement', TEAM, HOME, proposal.id)]);
    expect(await dueOf(proposal.id)).toEqual([]);
  });

  it('takes the outcome statement from the author only, refuses an empty one, and posts it once', async () => {
    const proposal = await decision('Repaint the stairwell');
    const button = id('statement', TEAM, HOME, proposal.id);
    t.recorder.reset();
    await send(blockAction(button, { user: 'U2', channel: HOME }));
    expect(told()).toEqual([expect.stringContaining('writes the outcome statement')]);
    expect(t.recorder.callsTo('views.open')).toEqual([]);
    await send(blockAction(button, { user: COORDINATOR, channel: 'D1' }));
    const modal = view();
    expect(modal.callback_id).toBe('decision.statement');
    expect(stateOf(modal)).toBe(state(TEAM, HOME, proposal.id));
    const empty = await send(
      viewSubmission('decision.statement', { statement: '   ' }, { user: COORDINATOR, channel: 'D1', state: stateOf(modal) }),
    );
    expect(empty.body.errors.statement).toContain('Write a few words');
    expect((await decision('Repaint the stairwell')).statement).toBeUndefined();
    const statement = 'We repaint in April; the ground floor chooses the shade.';
    for (let i = 0; i < 2; i++)
      await send(viewSubmission('decision.statement', { statement }, { user: COORDINATOR, channel: 'D1', state: stateOf(modal) }));
    expect(await decision('Repaint the stairwell')).toMatchObject({ statement, statementBy: COORDINATOR });
    const posted = threadPosts(proposal.messageId).filter((c) => everything(c).includes(statement));
    expect(posted).toHaveLength(1);
    expect(everything(posted[0])).toContain(`Outcome statement by <@${COORDINATOR}>`);
  });

  it('refuses a vote after closing, and changes nothing', async () => {
    const proposal = await decision('Repaint the stairwell');
    await send(viewSubmission('decision.reason', { reason: '' }, { user: 'U5', channel: HOME, state: state(TEAM, HOME, proposal.id, 0) }));
    const ballots = (await items('Ballot')).filter((b) => b.decisionId === proposal.id);
    expect(ballots.map((b) => b.userId).sort()).toEqual([COORDINATOR, 'U2', 'U3', 'U4'].sort());
    expect((await decision('Repaint the stairwell')).outcome.totals).toEqual([2, 1, 1, 0]);
  });

  it('lets its author close it early: counted and posted once, its due work gone, a second click told it has closed', async () => {
    const proposal = await propose('U2', 'Buy a notice board', 'in 5 days');
    await takePosition(proposal.id, 'U3', 0);
    const [close] = (await dueOf(proposal.id)).filter((d) => d.ref.endsWith('#close'));
    t.recorder.reset();
    await send(blockAction(id('close', TEAM, HOME, proposal.id), { user: 'U2', channel: HOME }));
    expect(told()).toEqual([expect.stringContaining('Closing *Buy a notice board* now')]);
    expect(await decision('Buy a notice board')).toMatchObject({ status: 'closed', outcome: { passed: true, totals: [1, 0, 0, 0] } });
    const outcome = threadPosts(proposal.messageId);
    expect(outcome).toHaveLength(1);
    expect(everything(outcome[0])).toContain('Passed: 1 agrees, no blocks.');
    expect(dms().map((c) => c.body.channel)).toEqual(['U2']);
    expect(await dueOf(proposal.id)).toEqual([]);
    t.recorder.reset();
    await send(blockAction(id('close', TEAM, HOME, proposal.id), { user: 'U2', channel: HOME }));
    expect(told()).toEqual([expect.stringContaining('has closed already')]);
    // Its old closing minute comes round: nothing is due, nothing is posted.
    await tickAt(t.deps, new Date(`${close.minute}:05Z`));
    expect(t.recorder.callsTo('chat.postMessage')).toEqual([]);
  });

  it('finishes a close that died after sealing, and one that died after closing, posting each outcome once', async () => {
    const tenant = { platform: 'slack' as const, id: TEAM };
    const store = t.deps.core.decisions;
    const sealedOnly = await propose(COORDINATOR, 'Plant a tree', 'in 3 days');
    await takePosition(sealedOnly.id, 'U2', 0);
    const closedOnly = await propose(COORDINATOR, 'Fix the door', 'in 3 days');
    await takePosition(closedOnly.id, 'U3', 2, 'Too dear');
    // As a close that died part way: one sealed, the other sealed and closed, neither announced.
    expect(await store.seal(tenant, HOME, sealedOnly.id)).toBe('sealed');
    expect(await store.seal(tenant, HOME, closedOnly.id)).toBe('sealed');
    const counted = await store.get(tenant, HOME, closedOnly.id);
    const outcome = { passed: false, winners: [], ballots: 1, eligible: 6, totals: [0, 0, 1, 0] };
    expect(await store.close(tenant, { ...(counted as any), status: 'closed', closedAt: testClock.now().toISOString(), outcome })).toBe(
      'closed',
    );
    // The later of the two closing minutes (made seconds apart, they may fall in different minutes).
    const due = [...(await dueOf(sealedOnly.id)), ...(await dueOf(closedOnly.id))].filter((d) => d.ref.endsWith('#close'));
    const minute = due
      .map((d) => d.minute as string)
      .sort()
      .at(-1);
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${minute}:05Z`));
    await tickAt(t.deps, new Date(`${minute}:05Z`));
    expect(await decision('Plant a tree')).toMatchObject({ status: 'closed', outcome: { passed: true, totals: [1, 0, 0, 0] } });
    const planted = threadPosts(sealedOnly.messageId);
    expect(planted).toHaveLength(1);
    expect(everything(planted[0])).toContain('Passed: 1 agrees, no blocks.');
    const fixed = threadPosts(closedOnly.messageId);
    expect(fixed).toHaveLength(1);
    expect(everything(fixed[0])).toContain('Not passed: 0 agree, 1 disagrees, no blocks.');
    expect(dms().map((c) => c.body.channel)).toEqual([COORDINATOR, COORDINATOR]);
    expect([...(await dueOf(sealedOnly.id)), ...(await dueOf(closedOnly.id))]).toEqual([]);
  });
});

describe('Discord: closing early from the card, and the statement from a direct message', () => {
  const GUILD = '555555555555555555';
  const CHANNEL = '222222222222222222';
  const AUTHOR = '333333333333333333';
  const VOTER = '444444444444444401';
  const OUTSIDER = '888888888888888888';
  let t: TestApp;
  let nextMessage = 930000000000000000n;
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-close-discord');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }))
      .on('/threads', (call) => ({ body: { id: /messages\/(\d+)\/threads/.exec(call.path)?.[1] ?? 'thread', type: 11 } }))
      .on('/messages', (call) => ({ body: { id: call.method === 'PATCH' ? call.path.split('/').at(-1) : String(nextMessage++) } }));
    await send(discordCommand('setup', { name: 'Green Street' }, { user: AUTHOR }));
    await send(discordCommand('join', {}, { user: VOTER }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const decision = async (title: string) => (await items('Decision')).find((d) => d.title === title);
  const posts = (channel: string) =>
    t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${channel}/messages`));
  const json = (call: RecordedCall | undefined) => JSON.stringify(call?.body ?? {});
  const content = (body: any) => String(body?.data?.content ?? '');

  it('closes a blocked proposal early at its author’s click: one outcome in the thread, the statement asked by DM', async () => {
    const opened = await send(discordGroupCommand('decide', 'propose', {}, { user: AUTHOR }));
    expect(opened.body.type).toBe(9);
    const modal = opened.body.data;
    const pick = (field: string, match: RegExp) =>
      modal.components.find((c: any) => c.component?.custom_id === field)?.component.options.find((o: any) => match.test(o.value))?.value;
    await send(
      discordModalSubmit(
        modal.custom_id,
        { title: 'Move the meeting to Fridays', body: 'From next month', closes: 'in 4 days' },
        { user: AUTHOR, selects: { rule: pick('rule', /^consent$/), electorate: pick('electorate', /^everyone$/) } },
      ),
    );
    const proposal = await decision('Move the meeting to Fridays');
    expect(proposal?.messageId).toBeTruthy();
    const reason = await send(discordComponent(id('pos', GUILD, CHANNEL, `${proposal.id}:3`), { user: VOTER }));
    expect(reason.body.type).toBe(9);
    await send(discordModalSubmit(reason.body.data.custom_id, { reason: 'Fridays I work late' }, { user: VOTER }));

    // Someone outside the server clicking the close button from a direct message is refused.
    const forged = await send(discordDmComponent(id('close', GUILD, CHANNEL, proposal.id), OUTSIDER));
    expect(content(forged.body)).toContain('This button is not for you');
    expect((await decision('Move the meeting to Fridays')).status).toBe('open');

    t.recorder.reset();
    const closing = await send(discordComponent(id('close', GUILD, CHANNEL, proposal.id), { user: AUTHOR, messageId: proposal.messageId }));
    expect(closing.body.type).toBe(4);
    expect(closing.body.data.flags & 64).toBe(64);
    expect(content(closing.body)).toContain('Closing **Move the meeting to Fridays** now');
    expect(await decision('Move the meeting to Fridays')).toMatchObject({
      status: 'closed',
      outcome: { passed: false, totals: [0, 0, 0, 1] },
    });
    const outcome = posts(proposal.messageId);
    expect(outcome).toHaveLength(1);
    expect(json(outcome[0])).toContain('Not passed: 0 agree, 1 blocks.');
    const ask = posts(`dm-${AUTHOR}`);
    expect(ask).toHaveLength(1);
    expect(json(ask[0])).toContain(id('statement', GUILD, CHANNEL, proposal.id));
  });

  it('takes the statement from the author’s direct message; an outsider or another server’s id is refused', async () => {
    const proposal = await decision('Move the meeting to Fridays');
    const outsider = await send(discordDmComponent(id('statement', GUILD, CHANNEL, proposal.id), OUTSIDER));
    expect(outsider.body.type).not.toBe(9);
    expect(content(outsider.body)).toContain('This button is not for you');
    const foreign = await send(discordDmComponent(id('statement', '999999999999999999', CHANNEL, proposal.id), AUTHOR));
    expect(foreign.body.type).not.toBe(9);
    const opened = await send(discordDmComponent(id('statement', GUILD, CHANNEL, proposal.id), AUTHOR));
    expect(opened.body.type).toBe(9);
    expect(opened.body.data.custom_id).toBe(`decision.statement|${state(GUILD, CHANNEL, proposal.id)}`);
    t.recorder.reset();
    const statement = 'We stay on Tuesdays for now and ask again in spring.';
    await send(discordDmModalSubmit(opened.body.data.custom_id, { statement }, AUTHOR));
    expect((await decision('Move the meeting to Fridays')).statement).toBe(statement);
    expect(posts(proposal.messageId).filter((c) => json(c).includes(statement))).toHaveLength(1);
  });
});
