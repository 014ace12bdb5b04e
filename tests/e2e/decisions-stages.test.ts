import type { Decision } from '@organizer/core';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleSubject, subjectDraft } from '../../packages/core/src/decisions/subject.ts';
import viewFixture from '../fixtures/slack/view-submission.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand, discordComponent, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { blockAction, newTriggerId, slackRequest, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

/**
 * The stages use decisions: the strategy and a campaign's plan proposed from their screens and adopted
 * (status says so, on Slack and Discord), a time poll's winning slot made one event, an opt-in's volunteer
 * offered a task, a debrief's next steps put to a dot vote.
 */
type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const TEAM = 'T0001';
const HOME = 'C1';
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: HOME, user_id: user });
// The ids as the platform sends them back (decisions/ids.ts).
const dec = (action: string, tenant: string, community: string, rest: string) => `dec:${action}:${tenant}:${community}:${rest}`;
const proposeId = (subject: string, kind = 'proposal', tenant = TEAM, community = HOME) =>
  dec('propose', tenant, community, `${kind}:${subject}`);

describe('Slack: the stages put things to the community', () => {
  let t: TestApp;
  let ts = 9000;
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-stages');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    for (const user of ['U2', 'U3', 'U4']) await t.app.request(slashCommand('join', as(user)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const community = async () => (await items('Community'))[0];
  const decision = async (title: string) => (await items('Decision')).find((d) => d.title === title);
  const view = () => JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
  const stateOf = (modal: any) => JSON.parse(modal.private_metadata).state as string;
  const option = (modal: any, block: string, match: RegExp) => {
    const options: any[] = modal.blocks.find((b: any) => b.block_id === block)?.element?.options ?? [];
    const found = options.find((o) => match.test(o.value) || match.test(o.text.text));
    if (!found) throw new Error(`no option ${match} in ${block}`);
    return found.value as string;
  };
  const initial = (modal: any, block: string) => modal.blocks.find((b: any) => b.block_id === block)?.element?.initial_value as string;
  const buttonsOf = (blocks: any[]) =>
    blocks.flatMap((b: any) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).filter((e: any) => e.type === 'button');
  const everything = (call: RecordedCall | undefined) => `${call?.body.text ?? ''}\n${call?.body.blocks ?? ''}`;

  /** Opens the modal a stage's button opens, and submits it with its prefilled values and the selects chosen. */
  async function submitFromButton(actionId: string, callback: string, fields: Record<string, string>, selects: Record<string, RegExp>) {
    t.recorder.reset();
    await send(blockAction(actionId, { user: COORDINATOR, channel: HOME }));
    const modal = view();
    expect(modal.callback_id).toBe(callback);
    const chosen = Object.fromEntries(Object.entries(selects).map(([block, match]) => [block, option(modal, block, match)]));
    const saved = await send(
      viewSubmission(callback, fields, { user: COORDINATOR, channel: HOME, state: stateOf(modal), selects: chosen }),
    );
    expect(saved.body?.errors).toBeUndefined();
    return modal;
  }
  const consent = { rule: /consent/i, electorate: /everyone/i, anonymous: /no/i };

  /** Everyone agrees, then the author closes it now: the close part seals, counts and settles it. */
  async function agreeAndClose(id: string, voters: string[]) {
    for (const user of voters) {
      await send(blockAction(dec('pos', TEAM, HOME, `${id}:0`), { user, channel: HOME }));
      await send(viewSubmission('decision.reason', { reason: '' }, { user, channel: HOME, state: stateOf(view()) }));
    }
    await send(blockAction(dec('close', TEAM, HOME, id), { user: COORDINATOR, channel: HOME }));
  }

  it('shows “Propose this strategy” once a strategy is written, and status says who wrote it, not yet put to the community', async () => {
    const before = await send(slashCommand('strategy', as('U2')));
    expect(buttonsOf(before.body.blocks ?? []).map((b: any) => b.action_id)).not.toContain(proposeId('strategy'));
    await send(
      viewSubmission(
        'strategy',
        {
          goal: 'Every flat warm by January',
          change: 'If 40 tenants sign, the landlord acts',
          tactics: 'Petition',
          timeline: 'By January',
        },
        { user: COORDINATOR, channel: HOME },
      ),
    );
    const screen = await send(slashCommand('strategy', as('U2')));
    const propose = buttonsOf(screen.body.blocks ?? []).find((b: any) => b.action_id === proposeId('strategy'));
    expect(propose?.text.text).toBe('Propose this strategy');
    const status = slackText((await send(slashCommand('status', as('U2')))).body);
    expect(status).toContain(`Strategy: written by <@${COORDINATOR}>, not yet put to the community`);
    expect((await community()).strategyBy).toBe(COORDINATOR);
  });

  it('proposes the strategy with its text; passed, it is adopted on that version and status says so', async () => {
    const modal = await submitFromButton(
      proposeId('strategy'),
      'propose',
      { title: 'Adopt our strategy', body: 'Every flat warm by January · petition', closes: 'in 3 days' },
      consent,
    );
    expect(initial(modal, 'title')).toBe('Adopt our strategy');
    expect(initial(modal, 'body')).toContain('Every flat warm by January');
    expect(initial(modal, 'body')).toContain('If 40 tenants sign, the landlord acts');
    const proposal = await decision('Adopt our strategy');
    expect(proposal).toMatchObject({ kind: 'proposal', status: 'open', subject: { kind: 'strategy', version: 1 } });

    await agreeAndClose(proposal.id, [COORDINATOR, 'U2', 'U3']);
    const closed = await decision('Adopt our strategy');
    expect(closed).toMatchObject({ status: 'closed', outcome: { passed: true } });
    expect((await community()).strategyAdopted).toEqual({
      version: 1,
      decisionId: proposal.id,
      title: 'Adopt our strategy',
      at: closed.closedAt,
    });
    const version = (await items('StoryVersion')).find((v) => v.kind === 'strategy' && v.version === 1);
    expect(version).toMatchObject({ adoptedBy: proposal.id, adoptedAt: closed.closedAt });
    const status = slackText((await send(slashCommand('status', as('U2')))).body);
    expect(status).toContain('Strategy: adopted by the community on <!date^');
    expect(status).toContain('(decision “Adopt our strategy”)');
    expect(slackText((await send(slashCommand('strategy', as('U2')))).body)).toContain('Adopted by the community on');
  });

  it('settles once: a repeat of the same decision, and a failed proposal, change nothing', async () => {
    const closed = (await decision('Adopt our strategy')) as Decision;
    const before = (await community()).strategyAdopted;
    const lookup = await t.deps.core.store.lookup({ platform: 'slack', id: TEAM }, HOME);
    if (lookup.kind !== 'found') throw new Error('no community');
    const found = lookup.snapshot.community;
    // The close part calls this once; were it called again (a retried job), later, nothing moves.
    await settleSubject({ ...closed, closedAt: '2099-01-01T00:00:00.000Z' }, found, t.deps.core);
    const failed = { ...closed, id: 'failed1', title: 'Failed', outcome: { ...closed.outcome, passed: false } } as Decision;
    await settleSubject(failed, found, t.deps.core);
    expect((await community()).strategyAdopted).toEqual(before);
    const version = (await items('StoryVersion')).find((v) => v.kind === 'strategy' && v.version === 1);
    expect(version.adoptedAt).toBe(closed.closedAt);
  });

  it('a newer strategy version was not adopted: status says so and the strategy offers to propose it', async () => {
    await send(viewSubmission('strategy', { goal: 'Every flat warm by December' }, { user: COORDINATOR, channel: HOME }));
    expect((await community()).strategyVersion).toBe(2);
    const status = slackText((await send(slashCommand('status', as('U2')))).body);
    expect(status).toMatch(/adopted version 1 on .*the current version 2 was not adopted/);
    const screen = await send(slashCommand('strategy', as('U2')));
    expect(slackText(screen.body)).toMatch(/adopted version 1 on .*this version was not put to it yet/);
    expect(buttonsOf(screen.body.blocks ?? []).map((b: any) => b.action_id)).toContain(proposeId('strategy'));
  });

  it('proposes a campaign’s plan from its timeline; passed, the campaign is adopted', async () => {
    const end = DateTime.fromJSDate(testClock.now()).toUTC().plus({ weeks: 8 }).toISODate() ?? '';
    await send(
      viewSubmission(
        'campaign',
        { name: 'Heat by March', goal: 'Heating fixed' },
        { user: COORDINATOR, channel: HOME, pickers: { end: { date: end } } },
      ),
    );
    const hint = 'Put the plan of *Heat by March* to the community';
    expect(slackText((await send(slashCommand('status', as(COORDINATOR)))).body)).toContain(hint);
    const shown = await send(slashCommand('campaign show', as('U2')));
    const propose = buttonsOf(shown.body.blocks ?? []).find((b: any) => b.action_id === proposeId('campaign/heat-by-march'));
    expect(propose?.text.text).toBe('Propose this plan');
    const modal = await submitFromButton(
      propose.action_id,
      'propose',
      { title: 'Adopt the plan for Heat by March', body: 'The five phases', closes: 'in 3 days' },
      consent,
    );
    expect(initial(modal, 'title')).toBe('Adopt the plan for Heat by March');
    expect(initial(modal, 'body')).toContain('Heating fixed');
    expect(initial(modal, 'body')).toContain('Foundation');
    const proposal = await decision('Adopt the plan for Heat by March');
    expect(proposal.subject).toEqual({ kind: 'campaign', campaignId: 'heat-by-march' });
    await agreeAndClose(proposal.id, [COORDINATOR, 'U2']);
    const [campaign] = await items('Campaign');
    expect(campaign.adopted).toMatchObject({ decisionId: proposal.id, title: 'Adopt the plan for Heat by March' });
    expect((await community()).campaign.adopted).toMatchObject({ decisionId: proposal.id });
    expect(slackText((await send(slashCommand('campaign show', as('U2')))).body)).toContain('The community adopted this plan on');
    const status = slackText((await send(slashCommand('status', as(COORDINATOR)))).body);
    expect(status).toContain('Heat by March is in its Foundation phase');
    expect(status).not.toContain(hint);
  });

  /** A poll through `/community poll <kind>` and its modal, as its author fills it in. */
  async function poll(kind: string, fields: Record<string, string>) {
    t.recorder.reset();
    await send(slashCommand(`poll ${kind}`, as(COORDINATOR)));
    const modal = view();
    const selects = { electorate: option(modal, 'electorate', /everyone/i), anonymous: option(modal, 'anonymous', /no/i) };
    const saved = await send(
      viewSubmission('poll', { ...fields, closes: 'in 2 days' }, { user: COORDINATOR, channel: HOME, state: stateOf(modal), selects }),
    );
    expect(saved.body?.errors).toBeUndefined();
    return decision(fields.title ?? '');
  }
  /** A button clicked; what the clicker was told (Slack: an ephemeral message in the channel). */
  async function click(actionId: string, user: string) {
    t.recorder.reset();
    await send(blockAction(actionId, { user, channel: HOME }));
    return t.recorder
      .callsTo('chat.postEphemeral')
      .map((c) => everything(c))
      .join('\n');
  }
  const cardsTitled = (text: string) =>
    t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === HOME && everything(c).includes(text));
  const pick = (id: string, user: string, n: number) => send(blockAction(dec('pick', TEAM, HOME, `${id}:${n}`), { user, channel: HOME }));
  const closeNow = (id: string) => send(blockAction(dec('close', TEAM, HOME, id), { user: COORDINATOR, channel: HOME }));

  it('makes a closed time poll’s winning slot one event, posted like any, however often it is clicked', async () => {
    const day = DateTime.fromJSDate(testClock.now()).toUTC().plus({ days: 5 }).toISODate();
    const time = await poll('time', { title: 'When do we meet the landlord?', options: `${day} 18:00\n${day} 19:30` });
    expect(time.options).toHaveLength(2);
    await pick(time.id, 'U2', 1);
    await pick(time.id, 'U3', 1);
    await pick(time.id, 'U4', 0);
    await closeNow(time.id);
    const closed = await decision('When do we meet the landlord?');
    expect(closed).toMatchObject({ status: 'closed', outcome: { winners: [1] } });
    const event = dec('event', TEAM, HOME, time.id);
    // The closed card offers it (redrawn in place).
    expect(t.recorder.callsTo('chat.update').some((c) => everything(c).includes(event))).toBe(true);
    // A member who neither proposed it nor leads is told who may; a button naming another workspace is refused.
    expect(await click(event, 'U2')).toContain('Only the person who put');
    expect(await click(dec('event', 'T9999', HOME, time.id), COORDINATOR)).toContain('This button is not for you');
    expect(await items('Event')).toEqual([]);

    expect(await click(event, COORDINATOR)).toContain('When do we meet the landlord?');
    const events = await items('Event');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      title: 'When do we meet the landlord?',
      startsAt: Number(time.options[1]),
      place: 'To be announced',
    });
    expect((await decision('When do we meet the landlord?')).eventId).toBe(events[0].id);
    const cards = cardsTitled('To be announced');
    expect(cards).toHaveLength(1);
    expect(everything(cards[0])).toContain('When do we meet the landlord?');
    expect(await click(event, COORDINATOR)).toContain('is an event already');
    expect(await items('Event')).toHaveLength(1);
    expect(cardsTitled('To be announced')).toEqual([]);
    // An open time poll, or a poll of another kind, has no event to make.
    const open = await poll('time', { title: 'And the follow-up?', options: `${day} 18:00\n${day} 20:00` });
    expect(await click(dec('event', TEAM, HOME, open.id), COORDINATOR)).toContain('still open');
    expect(await items('Event')).toHaveLength(1);
  });

  it('offers one of an opt-in’s volunteers a task, which they accept or decline as any offered task', async () => {
    const optin = await poll('optin', { title: 'Who can bring a banner?' });
    await pick(optin.id, 'U2', 0);
    await pick(optin.id, 'U3', 0);
    await closeNow(optin.id);
    expect(await decision('Who can bring a banner?')).toMatchObject({ status: 'closed' });
    expect(t.recorder.callsTo('chat.update').some((c) => everything(c).includes(dec('handout', TEAM, HOME, optin.id)))).toBe(true);
    t.recorder.reset();
    await send(blockAction(dec('handout', TEAM, HOME, optin.id), { user: COORDINATOR, channel: HOME }));
    const modal = view();
    expect(modal.callback_id).toBe('decision.handout');
    expect(modal.blocks.find((b: any) => b.block_id === 'user').element).toMatchObject({
      type: 'multi_users_select',
      initial_users: ['U2'],
    });
    const submit = (users: string[], what: string, due = '') => {
      const payload = structuredClone(viewFixture) as Record<string, any>;
      payload.trigger_id = newTriggerId();
      payload.user.id = COORDINATOR;
      payload.view.callback_id = modal.callback_id;
      payload.view.private_metadata = modal.private_metadata;
      payload.view.state.values = {
        user: { value: { type: 'multi_users_select', selected_users: users } },
        what: { value: { type: 'plain_text_input', value: what } },
        due: { value: { type: 'plain_text_input', value: due } },
      };
      return send(slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'));
    };
    const outsider = await submit(['U4'], 'Bring the banner');
    expect(outsider.body.errors.user).toContain('did not');
    const pastDue = await submit(['U3'], 'Bring the banner', '2020-01-01');
    expect(pastDue.body.errors.due).toBeTruthy();
    expect(await items('Task')).toEqual([]);
    t.recorder.reset();
    await submit(['U3'], 'Bring the banner');
    const tasks = await items('Task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: 'Bring the banner', ownerId: 'U3', status: 'proposed', createdBy: COORDINATOR });
    const offer = t.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === 'U3');
    expect(everything(offer)).toContain('Bring the banner');
    expect(everything(offer)).toContain(`task:accept:${TEAM}:${HOME}:${tasks[0].id}`);
    await send(blockAction(`task:accept:${TEAM}:${HOME}:${tasks[0].id}`, { user: 'U3', channel: 'D3' }));
    expect((await items('Task'))[0]).toMatchObject({ ownerId: 'U3', status: 'accepted' });
  });

  it('puts a debrief’s next steps to a dot vote, the steps as its options', async () => {
    await send(
      viewSubmission(
        'debrief',
        { worked: 'Door knocking', next: '- Print flyers earlier\n- Book the hall for January\n- Call the council' },
        { user: COORDINATOR, channel: 'D1', state: `${TEAM}|${HOME}|campaign.heat-by-march` },
      ),
    );
    const listed = await send(slashCommand('next', as('U2')));
    const dot = buttonsOf(listed.body.blocks ?? []).find((b: any) => String(b.action_id).startsWith('dec:propose:'));
    expect(dot?.action_id).toBe(proposeId('debrief/heat-by-march', 'dot'));
    expect(dot?.text.text).toBe('Put the next steps to a dot vote');
    t.recorder.reset();
    await send(blockAction(dot.action_id, { user: 'U2', channel: HOME }));
    const modal = view();
    expect(modal.callback_id).toBe('poll');
    expect(initial(modal, 'title')).toBe('Which next steps first?');
    expect(initial(modal, 'options')).toBe('Print flyers earlier\nBook the hall for January\nCall the council');
    const selects = { electorate: option(modal, 'electorate', /everyone/i), anonymous: option(modal, 'anonymous', /no/i) };
    const fields = { title: 'Which next steps first?', options: initial(modal, 'options'), budget: '10', closes: 'in 2 days' };
    const saved = await send(viewSubmission('poll', fields, { user: 'U2', channel: HOME, state: stateOf(modal), selects }));
    expect(saved.body?.errors).toBeUndefined();
    expect(await decision('Which next steps first?')).toMatchObject({
      kind: 'dot',
      options: ['Print flyers earlier', 'Book the hall for January', 'Call the council'],
      subject: { kind: 'debrief', campaignId: 'heat-by-march' },
      authorId: 'U2',
    });
  });

  it('offers at most a dot vote’s five steps, each cut to 80 characters on whole characters', async () => {
    const long = `Paint the banner ${'🟩'.repeat(60)}`;
    const next = ['One', 'Two', 'Three', 'Four', long, 'Six'].join('\n');
    await send(
      viewSubmission('debrief', { worked: 'Turnout', next }, { user: COORDINATOR, channel: 'D1', state: `${TEAM}|${HOME}|general` }),
    );
    const debrief = (await items('Debrief')).find((d) => d.subject === 'general');
    const lookup = await t.deps.core.store.lookup({ platform: 'slack', id: TEAM }, HOME);
    if (lookup.kind !== 'found') throw new Error('no community');
    const draft = await subjectDraft(`debrief/${debrief.id}`, lookup.snapshot.community, t.deps.core);
    expect(draft?.options).toHaveLength(5);
    const cut = draft?.options?.[4] ?? '';
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut.startsWith('Paint the banner 🟩')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    // No half of an emoji left at the cut.
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
    expect(await subjectDraft('debrief/nope', lookup.snapshot.community, t.deps.core)).toBeUndefined();
    expect(await subjectDraft('campaign/nope', lookup.snapshot.community, t.deps.core)).toBeUndefined();
    expect(await subjectDraft('elsewhere', lookup.snapshot.community, t.deps.core)).toBeUndefined();
  });

  it('a button naming something that is not this community’s opens nothing about it', async () => {
    t.recorder.reset();
    await send(blockAction(proposeId('campaign/nope'), { user: COORDINATOR, channel: HOME }));
    const modal = view();
    expect(JSON.stringify(modal.blocks)).not.toContain('Adopt the plan');
  });
});

describe('Discord: the strategy proposed from its screen, adopted, and status says so', () => {
  const GUILD = '555555555555555555';
  const CHANNEL = '222222222222222222';
  const COORDINATOR = '333333333333333333';
  const MEMBER = '444444444444444401';
  let t: TestApp;
  let nextMessage = 920000000000000000n;
  beforeAll(async () => {
    t = await startTestApp('e2e-decisions-stages-discord');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }))
      .on('/threads', (call) => ({ body: { id: /messages\/(\d+)\/threads/.exec(call.path)?.[1] ?? 'thread', type: 11 } }))
      .on('/messages', (call) => ({ body: { id: call.method === 'PATCH' ? call.path.split('/').at(-1) : String(nextMessage++) } }));
    await send(discordCommand('setup', { name: 'Riverside' }, { user: COORDINATOR }));
    await send(discordCommand('join', {}, { user: MEMBER }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const buttons = (message: any) =>
    (message?.components ?? []).flatMap((row: any) => row.components ?? []).filter((c: any) => c.type === 2 && c.custom_id);
  const option = (modal: any, field: string, match: RegExp) => {
    const select = modal.components.find((c: any) => c.component?.custom_id === field)?.component;
    const found = (select?.options ?? []).find((o: any) => match.test(o.value) || match.test(o.label));
    if (!found) throw new Error(`no option ${match} in ${field}`);
    return found.value as string;
  };

  it('status says “not yet put to the community”, then “adopted by the community on …” once the proposal passed', async () => {
    await send(
      discordModalSubmit(
        'strategy',
        { goal: 'A park by May', change: 'If 200 sign, the council acts', tactics: 'Petition', timeline: 'By May' },
        { user: COORDINATOR },
      ),
    );
    const before = await send(discordCommand('status', {}, { user: MEMBER }));
    expect(String(before.body.data.content)).toContain(`Strategy: written by <@${COORDINATOR}>, not yet put to the community`);
    const screen = await send(discordCommand('strategy', {}, { user: MEMBER }));
    const propose = buttons(screen.body.data).find((b: any) => b.custom_id === proposeId('strategy', 'proposal', GUILD, CHANNEL));
    expect(propose?.label).toBe('Propose this strategy');
    const opened = await send(discordComponent(propose.custom_id, { user: COORDINATOR }));
    expect(opened.body.type).toBe(9);
    const modal = opened.body.data;
    expect(JSON.stringify(modal.components)).toContain('A park by May');
    const selects = { rule: option(modal, 'rule', /^consent$/), electorate: option(modal, 'electorate', /^everyone$/) };
    await send(
      discordModalSubmit(
        modal.custom_id,
        { title: 'Adopt our strategy', body: 'A park by May', closes: 'in 3 days' },
        { user: COORDINATOR, selects },
      ),
    );
    const [proposal] = await items('Decision');
    expect(proposal).toMatchObject({ title: 'Adopt our strategy', subject: { kind: 'strategy', version: 1 } });
    for (const user of [COORDINATOR, MEMBER]) {
      const position = await send(discordComponent(dec('pos', GUILD, CHANNEL, `${proposal.id}:0`), { user }));
      await send(discordModalSubmit(position.body.data.custom_id, { reason: '' }, { user }));
    }
    await send(discordComponent(dec('close', GUILD, CHANNEL, proposal.id), { user: COORDINATOR }));
    expect((await items('Community'))[0].strategyAdopted).toMatchObject({ version: 1, decisionId: proposal.id });
    const after = await send(discordCommand('status', {}, { user: MEMBER }));
    expect(String(after.body.data.content)).toMatch(/Strategy: adopted by the community on <t:\d+:D> \(decision “Adopt our strategy”\)/);
  });
});
