import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { discordCommand, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

describe('Slack: strategy (stage 4) and campaigns planned backwards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-strategy-slack');
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const community = async () => (await items('Community'))[0];
  const view = () => JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));

  it('lets everyone read the strategy and only leaders edit it', async () => {
    expect(slackText((await send(slashCommand('strategy', as('U2')))).body)).toContain('There is no strategy yet');
    expect(slackText((await send(slashCommand('strategy edit', as('U2')))).body)).toContain('Only leaders');
    t.recorder.reset();
    await send(slashCommand('strategy edit', as(COORDINATOR)));
    expect(view().blocks.map((b: any) => b.block_id)).toEqual(['goal', 'change', 'tactics', 'timeline']);
    const refused = await send(viewSubmission('strategy', { goal: 'x' }, { user: 'U2', channel: 'C1' }));
    expect(refused.status).toBe(200);
    expect((await community()).strategyVersion ?? 0).toBe(0);
  });

  it('keeps every version of the strategy and moves stage 4', async () => {
    await send(
      viewSubmission(
        'strategy',
        { goal: '30 tenants sign', change: 'If we organise then the landlord acts' },
        { user: COORDINATOR, channel: 'C1' },
      ),
    );
    await send(
      viewSubmission(
        'strategy',
        { goal: '40 tenants sign', change: 'If we organise then the landlord acts', tactics: 'Petition\nDelegation', timeline: 'By March' },
        { user: COORDINATOR, channel: 'C1' },
      ),
    );
    expect(await community()).toMatchObject({ strategyVersion: 2, strategy: { goal: '40 tenants sign', timeline: 'By March' } });
    expect((await items('StoryVersion')).filter((v) => v.kind === 'strategy')).toHaveLength(2);
    const read = slackText((await send(slashCommand('strategy', as('U2')))).body);
    expect(read).toContain('40 tenants sign');
    const old = slackText((await send(slashCommand('strategy history 1', as('U2')))).body);
    expect(old).toContain('30 tenants sign');
    expect(slackText((await send(slashCommand('status', as('U2')))).body)).toContain('✅ 4. *Strategy*: done');
  });

  it('creates a campaign ending in 8 weeks with five phases dated backwards, and counts it', async () => {
    t.recorder.reset();
    await send(slashCommand('campaign new Heat by March', as(COORDINATOR)));
    const modal = view();
    expect(modal.blocks.find((b: any) => b.block_id === 'goal').element.initial_value).toBe('40 tenants sign');
    // Slack's date picker sends a day, never words: a day already gone is what can go wrong.
    const campaignOn = (date: string) =>
      viewSubmission(
        'campaign',
        { name: 'Heat by March', goal: 'Heating fixed' },
        { user: COORDINATOR, channel: 'C1', pickers: { end: { date } } },
      );
    const bad = await send(campaignOn('2020-01-20'));
    expect(bad.body.errors.end).toContain('already passed');
    expect(await items('Campaign')).toEqual([]);
    await send(campaignOn(DateTime.fromJSDate(testClock.now()).toUTC().plus({ weeks: 8 }).toISODate() ?? ''));
    const [campaign] = await items('Campaign');
    const today = DateTime.fromJSDate(testClock.now()).toUTC().toISODate();
    expect(campaign.phases.map((p: any) => p.id)).toEqual(['foundation', 'kickoff', 'building', 'peak', 'resolution']);
    expect(campaign.phases[0].start).toBe(today);
    expect(campaign.endDate).toBe(DateTime.fromJSDate(testClock.now()).toUTC().plus({ weeks: 8 }).toISODate());
    expect(campaign.phases.at(-1).end).toBe(campaign.endDate);
    expect(await community()).toMatchObject({ campaignCount: 1, campaign: { id: 'heat-by-march' } });
    const posted = t.recorder.callsTo('chat.postEphemeral').at(-1);
    expect(String(posted?.body.text)).toContain('Foundation');
  });

  it('attaches tasks to the campaign and shows them in the timeline with the current phase marked', async () => {
    await send(slashCommand('task <@U2|maria> Print the flyers by tomorrow campaign:heat-by-march', as(COORDINATOR)));
    await send(slashCommand('task <@U3|ivan> Book the hall campaign:nope', as(COORDINATOR)));
    const tasks = await items('Task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0].campaignId).toBe('heat-by-march');
    const shown = slackText((await send(slashCommand('campaign show', as('U2')))).body);
    expect(shown).toContain('▶ *Foundation*');
    expect(shown).toContain('Print the flyers · <@U2> · asked');
    expect(slackText((await send(slashCommand('campaign list', as('U2')))).body)).toContain('Heat by March');
  });

  it('lets a leader adjust the phase dates, refusing dates out of order', async () => {
    const [campaign] = await items('Campaign');
    t.recorder.reset();
    await send(blockAction('campaign:dates:heat-by-march', { user: COORDINATOR, channel: 'C1' }));
    const modal = view();
    expect(modal.blocks.map((b: any) => b.element.initial_value)).toEqual(campaign.phases.map((p: any) => p.start));
    const state = JSON.parse(modal.private_metadata).state;
    const starts = campaign.phases.map((p: any) => p.start);
    const swapped = { foundation: starts[0], kickoff: starts[2], building: starts[1], peak: starts[3], resolution: starts[4] };
    const bad = await send(viewSubmission('campaign.dates', swapped, { user: COORDINATOR, channel: 'C1', state }));
    expect(bad.body.errors.foundation).toContain('in order');
    const moved = { foundation: starts[0], kickoff: starts[1], building: starts[2], peak: starts[3], resolution: campaign.endDate };
    await send(viewSubmission('campaign.dates', moved, { user: COORDINATOR, channel: 'C1', state }));
    const [after] = await items('Campaign');
    expect(after.phases.at(-1)).toMatchObject({ start: campaign.endDate, end: campaign.endDate });
    expect((await community()).campaign.phases.at(-1).start).toBe(campaign.endDate);
  });

  it('reads phase dates typed in words like every other date (“15.01.2027”, “15 January 2027”)', async () => {
    const [campaign] = await items('Campaign');
    await send(blockAction('campaign:dates:heat-by-march', { user: COORDINATOR, channel: 'C1' }));
    const state = JSON.parse(view().private_metadata).state;
    const starts: string[] = campaign.phases.map((p: any) => p.start);
    const [s0 = '', s1 = '', s2 = '', s3 = '', s4 = ''] = starts;
    const [y1, m1, d1] = s1.split('-');
    const words = new Date(`${s2}T12:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const typed = { foundation: s0, kickoff: `${d1}.${m1}.${y1}`, building: words, peak: s3, resolution: s4 };
    const saved = await send(viewSubmission('campaign.dates', typed, { user: COORDINATOR, channel: 'C1', state }));
    expect(saved.body?.errors).toBeUndefined();
    const [after] = await items('Campaign');
    expect(after.phases.map((p: any) => p.start)).toEqual(starts);
    const nonsense = await send(
      viewSubmission('campaign.dates', { ...typed, kickoff: 'soonish' }, { user: COORDINATOR, channel: 'C1', state }),
    );
    expect(nonsense.body.errors.foundation).toContain('in order');
    expect((await items('Campaign'))[0].phases).toEqual(after.phases);
  });

  it('adds milestones inside the campaign and shows them in their phase', async () => {
    const [campaign] = await items('Campaign');
    const day = campaign.phases[2].start;
    expect(slackText((await send(slashCommand(`campaign milestone 100 signatures by ${day}`, as(COORDINATOR)))).body)).toContain(
      'Milestone added',
    );
    expect(slackText((await send(slashCommand('campaign milestone 5 doors by 2099-01-01', as(COORDINATOR)))).body)).toContain(
      'outside the campaign',
    );
    expect(slackText((await send(slashCommand('campaign milestone whenever', as(COORDINATOR)))).body)).toContain('Say what and by when');
    expect((await items('Campaign'))[0].milestones).toEqual([{ text: '100 signatures', date: day }]);
    const shown = slackText((await send(slashCommand('campaign show heat-by-march', as('U2')))).body);
    expect(shown).toMatch(/Building peaks\* [^\n]*\n\s+◆ 100 signatures/);
  });

  it('asks the organizer for a debrief the morning after each phase ends, once', async () => {
    const due = (await items('Due')).filter((d) => d.kind === 'campaign');
    expect(due.map((d) => d.ref.split('#')[1]).sort()).toEqual(['building', 'foundation', 'kickoff', 'peak', 'resolution']);
    const foundation = due.find((d) => d.ref.endsWith('#foundation'));
    const present = testClock.now();
    t.recorder.reset();
    for (let i = 0; i < 2; i++) {
      await tickAt(t.deps, new Date(`${foundation.minute}:00Z`));
    }
    const dms = t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === COORDINATOR);
    expect(dms).toHaveLength(1);
    expect(String(dms[0]?.body.text)).toContain('The Foundation phase of *Heat by March* has ended');
    expect(String(dms[0]?.body.blocks)).toContain('debrief:open:T0001:C1:campaign.heat-by-march');
    // Back to the foundation phase for the tests after this one.
    testClock.set(present);
  });

  it('makes a leader’s next action in status follow the campaign’s current phase, and a member’s their own', async () => {
    const status = slackText((await send(slashCommand('status', as(COORDINATOR)))).body);
    expect(status).toContain('Heat by March is in its Foundation phase');
    // A member cannot hand out pieces of the campaign: their next step is the task they were offered.
    const member = slackText((await send(slashCommand('status', as('U2')))).body);
    expect(member).not.toContain('Give each piece an owner');
    expect(member).toContain('Print the flyers');
  });
});

describe('Discord: strategy and campaign commands', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-strategy-discord');
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse((await res.text()) || '{}') };
  };

  it('opens the strategy and campaign modals within Discord’s limits and saves them', async () => {
    await send(discordCommand('setup', { name: 'Riverside' }));
    const strategy = await send(discordCommand('strategy', { action: 'edit' }));
    expect(strategy.body.type).toBe(9);
    for (const c of strategy.body.data.components) expect(c.label.length).toBeLessThanOrEqual(45);
    await send(discordModalSubmit('strategy', { goal: 'A park', change: 'If we…', tactics: 'Petition', timeline: 'Spring' }));
    const campaign = await send(discordCommand('campaign', { action: 'new' }));
    expect(campaign.body.data.components.map((c: any) => c.component.custom_id)).toEqual(['name', 'goal', 'end']);
    const saved = await send(discordModalSubmit('campaign', { name: 'Park', goal: 'A park', end: 'через 8 недель' }));
    expect(saved.body.data.content).toContain('Foundation');
    expect(saved.body.data.components[0].components[0].custom_id).toBe('campaign:dates:park');
  });
});
