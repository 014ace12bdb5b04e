import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

describe('Slack: one-on-ones with commitments, private notes and shared values (stage 2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-oneonones');
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  /** `followUp` is Slack's date picker: it sends the picked day. */
  const log = async (user: string, partner: string, { followUp, ...values }: Record<string, string>, share = false) => {
    t.recorder.reset();
    await send(slashCommand(`1on1 log <@${partner}|x>${share ? ' share' : ''}`, as(user)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    const state = JSON.parse(view.private_metadata).state;
    return send(
      viewSubmission('oneonone', values, {
        user,
        channel: 'C1',
        state,
        ...(followUp ? { pickers: { followUp: { date: followUp } } } : {}),
      }),
    );
  };

  it('opens a five-field modal for a partner, and refuses logging one with yourself', async () => {
    expect(slackText((await send(slashCommand('1on1 log <@U2|me>', as('U2')))).body)).toContain('Say who you met');
    t.recorder.reset();
    await send(slashCommand('1on1 log <@U3|ivan>', as('U2')));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(['values', 'notes', 'mine', 'theirs', 'followUp']);
  });

  it('logs a one-on-one: my commitments become my tasks, theirs are offered, both count on the ladder, a follow-up is planned', async () => {
    await log('U2', 'U3', {
      values: 'Fairness, Safety',
      notes: 'Has a car; knows the landlord',
      mine: 'Send the petition by friday',
      theirs: 'Bring 3 neighbours',
      followUp: DateTime.fromJSDate(testClock.now()).toUTC().plus({ weeks: 1 }).toISODate() ?? '',
    });
    const [o] = await items('OneOnOne');
    expect(o).toMatchObject({
      loggerId: 'U2',
      partnerId: 'U3',
      values: ['Fairness', 'Safety'],
      mine: ['Send the petition by friday'],
      shared: false,
    });
    const tasks = await items('Task');
    expect(tasks.find((x) => x.ownerId === 'U2')).toMatchObject({ title: 'Send the petition', status: 'accepted', createdBy: 'U2' });
    expect(tasks.find((x) => x.ownerId === 'U3')).toMatchObject({ title: 'Bring 3 neighbours', status: 'proposed', createdBy: 'U2' });
    expect(
      t.recorder.callsTo('chat.postMessage').some((c) => c.body.channel === 'U3' && String(c.body.text).includes('Bring 3 neighbours')),
    ).toBe(true);
    const members = await items('Member');
    for (const user of ['U2', 'U3']) expect(members.find((m) => m.userId === user)?.act_oneOnOnes).toBe(1);
    expect((await items('Due')).filter((d) => d.kind === 'oneonone')).toHaveLength(1);
    expect((await items('Community'))[0]).toMatchObject({ oneOnOneCount: 1, valueCount: 2 });
  });

  it('keeps notes private: the logger sees theirs, the coordinator only what was shared, others only counts', async () => {
    await log('U3', 'U4', { values: 'fairness, family', notes: 'Night shifts, free on Sundays' }, true);
    const other = slackText((await send(slashCommand('1on1s', as('U4')))).body);
    expect(other).toContain('One-on-ones in the community: 2 of 5');
    expect(other).not.toContain('Has a car');
    expect(other).not.toContain('Night shifts');
    const own = slackText((await send(slashCommand('1on1s', as('U2')))).body);
    expect(own).toContain('Has a car');
    expect(own).not.toContain('Night shifts');
    const coordinator = slackText((await send(slashCommand('1on1s', as(COORDINATOR)))).body);
    expect(coordinator).toContain('Night shifts');
    expect(coordinator).not.toContain('Has a car');
    expect(coordinator).toContain('No one-on-one yet');
    const otherTenant = slackText((await send(slashCommand('1on1s', { channel_id: 'C1', user_id: 'U2', team_id: 'T0002' }))).body);
    expect(otherTenant).not.toContain('Has a car');
  });

  it('shows the most shared values without names', async () => {
    const values = slackText((await send(slashCommand('values', as('U9')))).body);
    expect(values.split('\n').find((l) => l.includes('fairness'))).toContain('named 2 times');
    expect(values).not.toMatch(/<@U/);
  });

  it('completes stage 2 once the coordinator’s target is met and three values were named', async () => {
    expect(slackText((await send(slashCommand('1on1 target 2', as('U2')))).body)).toContain('Only the coordinator');
    expect(slackText((await send(slashCommand('1on1 target 2', as(COORDINATOR)))).body)).toContain('2 one-on-ones');
    expect(slackText((await send(slashCommand('status', as('U2')))).body)).toContain('✅ 2. *Relationships*: done');
  });
});

describe('erase: a community’s one-on-one follow-ups and pairing rounds go with it', () => {
  let t: TestApp;
  const here = (user: string) => ({ channel_id: 'C7', user_id: user });
  beforeAll(async () => {
    t = await startTestApp('e2e-oneonones-erase');
    await t.app.request(slashCommand('setup Harbour Club', here(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const dueOf = async (kind: string) =>
    (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Due' && i.kind === kind && String(i.sk).startsWith('COMMUNITY#C7#'));

  it('leaves no oneonone or pair due item behind and sends nothing when the tick passes their minutes', async () => {
    await send(slashCommand('1on1 log <@U3|x>', here('U2')));
    const view = JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
    const followUp = DateTime.fromJSDate(testClock.now()).toUTC().plus({ days: 3 }).toISODate() ?? '';
    await send(
      viewSubmission(
        'oneonone',
        { values: 'Fairness' },
        { user: 'U2', channel: 'C7', state: JSON.parse(view.private_metadata).state, pickers: { followUp: { date: followUp } } },
      ),
    );
    for (const user of ['U2', 'U3', 'U4']) await send(slashCommand('pair join', here(user)));
    await send(slashCommand('pair start 1', here(COORDINATOR)));
    expect(await dueOf('oneonone')).toHaveLength(1);
    expect(await dueOf('pair')).toHaveLength(1);

    await send(viewSubmission('erase', { name: 'Harbour Club' }, { channel: 'C7', user: COORDINATOR }));
    expect(await dueOf('oneonone')).toEqual([]);
    expect(await dueOf('pair')).toEqual([]);

    // Work still in flight at the erase (a follow-up being planned, a round moving on) may write its item again.
    const tenant = { platform: 'slack', id: 'T0001' } as const;
    const soon = new Date(testClock.now().getTime() + 5 * 60_000).toISOString().slice(0, 16);
    await t.deps.core.due.put({ tenant, communityId: 'C7', kind: 'oneonone', ref: 'U2#late', minute: soon });
    await t.deps.core.due.put({ tenant, communityId: 'C7', kind: 'pair', ref: 'round', minute: soon });
    expect(await dueOf('oneonone')).toHaveLength(1);

    t.recorder.reset();
    await tickAt(t.deps, new Date(testClock.now().getTime() + 8 * 86_400_000));
    expect(await dueOf('oneonone')).toEqual([]);
    expect(await dueOf('pair')).toEqual([]);
    expect(t.recorder.callsTo('chat.postMessage')).toEqual([]);
    expect(t.recorder.callsTo('conversations.open')).toEqual([]);
  });
});
