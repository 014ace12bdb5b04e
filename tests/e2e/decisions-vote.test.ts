import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
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
import { allItems, stateItems } from '../support/table.ts';

/**
 * Voting on a decision through real signed interactions: positions and their reasons (in the card's
 * thread), changing one's mind, double clicks, twenty people at once, poll buttons and ballot modals, and
 * everything that must be refused without a write: forged ids, people outside the electorate, a closed
 * decision, a ranked ballot with a gap. The card is edited in place (chat.update, Discord PATCH).
 */
type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const TEAM = 'T0001';
const HOME = 'C1';
const COORDINATOR = 'U2147483697';
const CROWD = Array.from({ length: 20 }, (_, i) => `UV${String(i + 1).padStart(2, '0')}`);
const as = (user: string) => ({ channel_id: HOME, user_id: user });
// The ids as the platforms send them back (decisions/ids.ts): `dec:<action>:<tenant>:<community>:<decision>[:<n>]`.
const dec = (action: string, id: string, n?: number, tenant = TEAM, community = HOME) =>
  [`dec:${action}:${tenant}:${community}:${id}`, ...(n === undefined ? [] : [n])].join(':');
const stateOf = (modal: any) => JSON.parse(modal.private_metadata).state as string;

describe('Slack: voting, the card redrawn in place, reasons in its thread', () => {
  let t: TestApp;
  let ts = 3000;
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-vote-slack');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    for (const user of CROWD) await t.app.request(slashCommand('join', as(user)));
  }, 120_000);
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const decision = async (title: string) => (await items('Decision')).find((d) => d.title === title);
  const ballotsOf = async (id: string) => (await items('Ballot')).filter((b) => b.decisionId === id);
  const view = () => JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
  const told = () => t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
  const everything = (call: RecordedCall | undefined) => `${call?.body.text ?? ''}\n${call?.body.blocks ?? ''}`;
  const topLevelPosts = () => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === HOME && !c.body.thread_ts);
  const threadPosts = (card: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === card);
  const updatesOf = (card: string) => t.recorder.callsTo('chat.update').filter((c) => c.body.ts === card && c.body.channel === HOME);
  const select = (modal: any, block: string, match: RegExp) =>
    (modal.blocks.find((b: any) => b.block_id === block)?.element?.options ?? []).find((o: any) => match.test(o.value))?.value as string;

  /** A proposal through `/community propose` and its modal. */
  async function propose(title: string, electorate = /^everyone$/) {
    await send(slashCommand('propose', as(COORDINATOR)));
    const modal = view();
    const selects = { rule: select(modal, 'rule', /consent/), electorate: select(modal, 'electorate', electorate), anonymous: 'no' };
    const saved = await send(
      viewSubmission(
        'propose',
        { title, body: 'As written', closes: 'in 3 days' },
        { user: COORDINATOR, channel: HOME, state: stateOf(modal), selects },
      ),
    );
    expect(saved.body?.errors).toBeUndefined();
    return decision(title);
  }

  /** A poll through `/community poll <kind>` and its modal. */
  async function poll(kind: string, title: string, options: string) {
    await send(slashCommand(`poll ${kind}`, as(COORDINATOR)));
    const modal = view();
    const saved = await send(
      viewSubmission(
        'poll',
        { title, options, closes: 'in 2 days' },
        { user: COORDINATOR, channel: HOME, state: stateOf(modal), selects: { anonymous: 'no' } },
      ),
    );
    expect(saved.body?.errors).toBeUndefined();
    return decision(title);
  }

  it('takes a Block with its reason into the thread, then a change to Abstain: one ballot, one card edited in place', async () => {
    const proposal = await propose('Adopt the heating plan');
    const card = proposal.messageId;
    expect(card).toBeTruthy();
    t.recorder.reset();
    await send(blockAction(dec('pos', proposal.id, 3), { user: 'UV01', channel: HOME, messageTs: card }));
    const modal = view();
    expect(modal.callback_id).toBe('decision.reason');
    expect(stateOf(modal)).toBe(`${TEAM}|${HOME}|${proposal.id}|3`);
    const field = modal.blocks.find((b: any) => b.block_id === 'reason');
    expect(field.optional).toBe(false);
    expect(JSON.stringify(field)).toContain('Block');
    // Blocking without a reason is answered on the field, and nothing is cast.
    const bare = await send(viewSubmission('decision.reason', { reason: '  ' }, { user: 'UV01', channel: HOME, state: stateOf(modal) }));
    expect(bare.body.errors.reason).toContain('needs a reason');
    expect(await ballotsOf(proposal.id)).toEqual([]);

    await send(
      viewSubmission('decision.reason', { reason: 'Too costly for the co-op' }, { user: 'UV01', channel: HOME, state: stateOf(modal) }),
    );
    expect(told().at(-1)).toContain('You block');
    expect((await ballotsOf(proposal.id)).map((b) => [b.userId, b.values, b.reason])).toEqual([['UV01', [3], 'Too costly for the co-op']]);
    expect(threadPosts(card).map((c) => String(c.body.text))).toEqual(['<@UV01> blocks: Too costly for the co-op']);
    expect(everything(updatesOf(card).at(-1))).toContain('Block · 1: <@UV01>');

    // Changing one's mind: the modal opens with the reason as it was; the new position replaces the old.
    await send(blockAction(dec('pos', proposal.id, 1), { user: 'UV01', channel: HOME, messageTs: card }));
    const again = view();
    expect(JSON.stringify(again.blocks.find((b: any) => b.block_id === 'reason'))).toContain('Too costly for the co-op');
    await send(viewSubmission('decision.reason', { reason: '' }, { user: 'UV01', channel: HOME, state: stateOf(again) }));
    expect(told().at(-1)).toContain('You abstain');
    const ballots = await ballotsOf(proposal.id);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toMatchObject({ userId: 'UV01', values: [1] });
    expect(ballots[0].reason).toBeUndefined();
    const last = everything(updatesOf(card).at(-1));
    expect(last).toContain('Abstain · 1: <@UV01>');
    expect(last).toContain('Block · 0');
    expect(threadPosts(card)).toHaveLength(1);
    expect(topLevelPosts()).toEqual([]);
  });

  it('counts a double click once, and the same ballot again changes nothing', async () => {
    const simple = await poll('simple', 'Where do we meet?', 'Hall\nPark');
    t.recorder.reset();
    const clicks = await Promise.all([0, 0].map(() => send(blockAction(dec('pick', simple.id, 1), { user: 'UV02', channel: HOME }))));
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    expect((await ballotsOf(simple.id)).map((b) => [b.userId, b.values])).toEqual([['UV02', [1]]]);
    expect(everything(updatesOf(simple.messageId).at(-1))).toContain('Park · 1: <@UV02>');
    t.recorder.reset();
    await send(blockAction(dec('pick', simple.id, 1), { user: 'UV02', channel: HOME }));
    expect(told().at(-1)).toContain('already where you stand');
    expect(t.recorder.callsTo('chat.update')).toEqual([]);

    // A multiple-choice poll's buttons add an option and take it off again.
    const multi = await poll('multi', 'Which evenings?', 'Mon\nTue\nWed');
    for (const n of [0, 2, 0]) await send(blockAction(dec('pick', multi.id, n), { user: 'UV03', channel: HOME }));
    expect((await ballotsOf(multi.id)).map((b) => b.values)).toEqual([[2]]);
    // Slack's bold is one star.
    expect(told().at(-1)).toContain('Your picks in *Which evenings?*: Wed.');
  });

  it('takes twenty positions at once: twenty ballots, and the card ends showing twenty', async () => {
    const crowded = await propose('Paint the stairwell');
    t.recorder.reset();
    const state = `${TEAM}|${HOME}|${crowded.id}|0`;
    const answers = await Promise.all(
      CROWD.map((user) => send(viewSubmission('decision.reason', { reason: '' }, { user, channel: HOME, state }))),
    );
    expect(answers.map((a) => a.status)).toEqual(CROWD.map(() => 200));
    expect((await ballotsOf(crowded.id)).map((b) => b.userId).sort()).toEqual(CROWD);
    const last = everything(updatesOf(crowded.messageId).at(-1));
    expect(last).toContain('Agree · 20');
    expect(last).toContain('20 people have voted so far.');
    expect(last).toContain('and 10 more');
    expect(topLevelPosts()).toEqual([]);
  }, 120_000);

  it('refuses a button or modal naming another workspace or community, and writes nothing', async () => {
    const proposal = await decision('Adopt the heating plan');
    const before = await stateItems(t.db, t.tableName);
    t.recorder.reset();
    await send(blockAction(dec('pick', proposal.id, 0, 'T9999'), { user: 'UV04', channel: HOME }));
    await send(blockAction(dec('pos', proposal.id, 0, TEAM, 'C999'), { user: 'UV04', channel: HOME }));
    const forged = await send(
      viewSubmission('decision.reason', { reason: 'x' }, { user: 'UV04', channel: HOME, state: `T9999|${HOME}|${proposal.id}|0` }),
    );
    expect(forged.status).toBe(200);
    expect(told().filter((x) => x.includes('not for you'))).toHaveLength(3);
    expect(t.recorder.callsTo('views.open')).toEqual([]);
    const after = (await stateItems(t.db, t.tableName)).filter((i) => i.entity !== 'Outbox');
    expect(after).toEqual(before.filter((i) => i.entity !== 'Outbox'));
  });

  it('tells a member why they may not vote on a leaders’ decision; the coordinator may', async () => {
    const leaders = await propose('Hire a bookkeeper', /^leaders$/);
    t.recorder.reset();
    await send(blockAction(dec('pos', leaders.id, 0), { user: 'UV05', channel: HOME }));
    expect(told().at(-1)).toContain('Only the leaders');
    expect(t.recorder.callsTo('views.open')).toEqual([]);
    await send(
      viewSubmission('decision.reason', { reason: '' }, { user: 'UV05', channel: HOME, state: `${TEAM}|${HOME}|${leaders.id}|0` }),
    );
    expect(await ballotsOf(leaders.id)).toEqual([]);
    await send(blockAction(dec('pos', leaders.id, 0), { user: COORDINATOR, channel: HOME }));
    expect(view().callback_id).toBe('decision.reason');
  });

  it('refuses a vote by someone who has not joined, checked in the vote itself: no ballot, no redraw', async () => {
    const simple = await poll('simple', 'Which hall?', 'North\nSouth');
    const proposal = await decision('Adopt the heating plan');
    t.recorder.reset();
    await send(blockAction(dec('pick', simple.id, 0), { user: 'UNEW1', channel: HOME }));
    await send(
      viewSubmission('decision.reason', { reason: '' }, { user: 'UNEW1', channel: HOME, state: `${TEAM}|${HOME}|${proposal.id}|0` }),
    );
    expect(told()).toHaveLength(2);
    expect(told().every((x) => x.includes('/community join'))).toBe(true);
    expect((await items('Ballot')).filter((b) => b.userId === 'UNEW1')).toEqual([]);
    expect(t.recorder.callsTo('chat.update')).toEqual([]);
    // Once joined, the same click counts.
    await send(slashCommand('join', as('UNEW1')));
    await send(blockAction(dec('pick', simple.id, 0), { user: 'UNEW1', channel: HOME }));
    expect((await ballotsOf(simple.id)).map((b) => b.userId)).toEqual(['UNEW1']);
  });

  it('refuses a vote once the decision has closed', async () => {
    const closing = await poll('simple', 'Bring snacks?', 'Yes\nNo');
    await send(blockAction(dec('close', closing.id), { user: COORDINATOR, channel: HOME }));
    expect((await decision('Bring snacks?')).status).toBe('closed');
    t.recorder.reset();
    await send(blockAction(dec('pick', closing.id, 0), { user: 'UV06', channel: HOME }));
    expect(told().at(-1)).toContain('has closed');
    expect(await ballotsOf(closing.id)).toEqual([]);
  });

  it('opens a ranked ballot, refuses a gap in the ranks field by field, and saves a good one', async () => {
    const ranked = await poll('ranked', 'Which campaign first?', 'Heating\nRepairs\nRent');
    t.recorder.reset();
    await send(blockAction(dec('ballot', ranked.id), { user: 'UV07', channel: HOME }));
    const modal = view();
    expect(modal.callback_id).toBe('decision.ballot');
    expect(modal.blocks.map((b: any) => b.block_id)).toEqual(['o0', 'o1', 'o2']);
    const state = stateOf(modal);
    const gap = await send(viewSubmission('decision.ballot', { o0: '1', o1: '3', o2: '' }, { user: 'UV07', channel: HOME, state }));
    expect(gap.body.errors).toEqual({ o1: expect.stringContaining('2 is missing') });
    const twice = await send(viewSubmission('decision.ballot', { o0: '1', o1: '1', o2: '' }, { user: 'UV07', channel: HOME, state }));
    expect(twice.body.errors).toEqual({ o1: expect.stringContaining('Rank 1 is given twice') });
    const word = await send(viewSubmission('decision.ballot', { o0: 'first', o1: '', o2: '' }, { user: 'UV07', channel: HOME, state }));
    expect(word.body.errors).toEqual({ o0: expect.stringContaining('whole number') });
    expect(await ballotsOf(ranked.id)).toEqual([]);
    await send(viewSubmission('decision.ballot', { o0: '2', o1: '', o2: '1' }, { user: 'UV07', channel: HOME, state }));
    expect((await ballotsOf(ranked.id)).map((b) => b.values)).toEqual([[2, 0]]);
    expect(everything(updatesOf(ranked.messageId).at(-1))).toContain('Voted: <@UV07>');
    // Opened again, the modal shows the ranks as saved.
    await send(blockAction(dec('ballot', ranked.id), { user: 'UV07', channel: HOME }));
    const values = view().blocks.map((b: any) => b.element.initial_value ?? '');
    expect(values).toEqual(['2', '', '1']);
  });
});

describe('Discord: voting in a server and from a direct message', () => {
  let t: TestApp;
  let nextMessage = 920000000000000000n;
  const GUILD = '555555555555555555';
  const CHANNEL = '222222222222222222';
  const COORD = '333333333333333333';
  const MEMBER = '444444444444444401';
  const OUTSIDER = '888888888888888888';
  const at = (action: string, id: string, n?: number) => dec(action, id, n, GUILD, CHANNEL);
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-vote-discord');
    t.recorder
      .on('/threads', (call) => ({ body: { id: /messages\/(\d+)\/threads/.exec(call.path)?.[1] ?? 'thread', type: 11 } }))
      .on('/messages', (call) => ({ body: { id: call.method === 'PATCH' ? call.path.split('/').at(-1) : String(nextMessage++) } }));
    await send(discordCommand('setup', { name: 'Riverside' }, { user: COORD }));
    await send(discordCommand('join', {}, { user: MEMBER }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const ballots = async (id: string) =>
    (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Ballot' && i.decisionId === id) as any[];
  const calls = (method: string, path: string) => t.recorder.calls.filter((c) => c.method === method && c.path.endsWith(path));

  it('blocks with a reason in the server, then abstains from a direct message: one ballot, the card PATCHed, the reason in its thread', async () => {
    const opened = await send(discordGroupCommand('decide', 'propose', {}, { user: COORD }));
    expect(opened.body.type).toBe(9);
    const modal = opened.body.data;
    const choice = (field: string, match: RegExp) =>
      modal.components.find((c: any) => c.component?.custom_id === field)?.component.options.find((o: any) => match.test(o.value))?.value;
    await send(
      discordModalSubmit(
        modal.custom_id,
        { title: 'Open a tool library', body: 'In the basement', closes: 'in 3 days' },
        { user: COORD, selects: { rule: choice('rule', /consent/), electorate: choice('electorate', /^everyone$/) } },
      ),
    );
    const [proposal] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Decision') as any[];
    const card = proposal.messageId;
    expect(card).toBeTruthy();
    t.recorder.reset();

    const reason = await send(discordComponent(at('pos', proposal.id, 3), { user: MEMBER }));
    expect(reason.body.type).toBe(9);
    expect(reason.body.data.custom_id).toBe(`decision.reason|${GUILD}|${CHANNEL}|${proposal.id}|3`);
    const saved = await send(discordModalSubmit(reason.body.data.custom_id, { reason: 'Nobody has keys' }, { user: MEMBER }));
    expect(saved.body.data.content).toContain('You block');
    expect(saved.body.data.flags & 64).toBe(64);
    const thread = calls('POST', `/channels/${card}/messages`);
    expect(thread.map((c) => c.body.content)).toEqual([`<@${MEMBER}> blocks: Nobody has keys`]);
    expect(JSON.stringify(calls('PATCH', `/channels/${CHANNEL}/messages/${card}`).at(-1)?.body)).toContain(`Block · 1: <@${MEMBER}>`);

    // From a direct message (a reminder's button): no guild, the tenant named by the id.
    const dm = await send(discordDmComponent(at('pos', proposal.id, 1), MEMBER));
    expect(dm.body.type).toBe(9);
    const changed = await send(discordDmModalSubmit(dm.body.data.custom_id, { reason: '' }, MEMBER));
    expect(changed.body.data.content).toContain('You abstain');
    expect((await ballots(proposal.id)).map((b) => [b.userId, b.values])).toEqual([[MEMBER, [1]]]);
    const edited = JSON.stringify(calls('PATCH', `/channels/${CHANNEL}/messages/${card}`).at(-1)?.body);
    expect(edited).toContain(`Abstain · 1: <@${MEMBER}>`);
    expect(calls('POST', `/channels/${CHANNEL}/messages`)).toEqual([]);

    // Someone who is no member clicking the same id from their own DM is refused, and nothing is cast.
    const outsider = await send(discordDmComponent(at('pos', proposal.id, 0), OUTSIDER));
    expect(outsider.body.data.content).toContain('not for you');
    const typed = await send(discordDmModalSubmit(`decision.reason|${GUILD}|${CHANNEL}|${proposal.id}|0`, { reason: '' }, OUTSIDER));
    expect(typed.body.data.content).toContain('not for you');
    // An id naming another server, clicked in this one, is refused too.
    const foreign = await send(discordComponent(dec('pos', proposal.id, 0, '999999999999999999', CHANNEL), { user: MEMBER }));
    expect(foreign.body.data.content).toContain('not for you');
    expect(await ballots(proposal.id)).toHaveLength(1);
  });

  it('answers a score ballot modal with Discord’s own modal, and a score past 5 on its field', async () => {
    const opened = await send(discordGroupCommand('decide', 'poll', { kind: 'score' }, { user: COORD }));
    expect(opened.body.type).toBe(9);
    await send(
      discordModalSubmit(
        opened.body.data.custom_id,
        { title: 'Rate the venues', options: 'Hall\nPark', closes: 'in 2 days' },
        { user: COORD },
      ),
    );
    const score = (await allItems(t.db, t.tableName)).find((i) => i.entity === 'Decision' && i.title === 'Rate the venues') as any;
    expect(score?.kind).toBe('score');
    const form = await send(discordComponent(at('ballot', score.id), { user: MEMBER }));
    expect(form.body.type).toBe(9);
    expect(form.body.data.custom_id).toBe(`decision.ballot|${GUILD}|${CHANNEL}|${score.id}`);
    const inputs = form.body.data.components.map((c: any) => c.component.custom_id);
    expect(inputs).toEqual(['o0', 'o1']);
    const tooHigh = await send(discordModalSubmit(form.body.data.custom_id, { o0: '7', o1: '2' }, { user: MEMBER }));
    expect(JSON.stringify(tooHigh.body)).toContain('from 0 to 5');
    expect(await ballots(score.id)).toEqual([]);
    const ok = await send(discordModalSubmit(form.body.data.custom_id, { o0: '4', o1: '2' }, { user: MEMBER }));
    expect(ok.body.data.content).toContain('ballot on **Rate the venues** is saved');
    expect((await ballots(score.id)).map((b) => b.values)).toEqual([[4, 2]]);
  });
});
