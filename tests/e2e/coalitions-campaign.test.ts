import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../support/clock.ts';
import {
  A,
  at,
  B,
  C,
  COALITION,
  discordText,
  formCoalition,
  postsOf,
  ru,
  type SlackPlace,
  startCoalitionApp,
  type TestApp,
} from '../support/coalitions.ts';
import { discordCommand, discordComponent, discordDmComponent, discordGroupCommand, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems, stateItems } from '../support/table.ts';

/**
 * A coalition's shared campaign, across two Slack workspaces and a Russian Discord server: A's coordinator
 * sets it in a modal; B and C each get it in their home channel on their own platform, with "Run it here";
 * B runs it (twice pressed: one campaign) and C on Discord too; each community's tasks stay its own; the
 * board shows the campaign and who runs it in which phase. Outsiders, non-coordinators and forged ids are refused.
 */

/** A community on A's workspace that is in no coalition. */
const O: SlackPlace = { team: 'T0001', channel: 'C9', coordinator: 'UOCOORD', name: 'Outside Lane' };
const B_MEMBER = 'UBMEMBER';
const CAMPAIGN = 'Heat by January';
const GOAL = '300 households across our blocks sign the heating petition';
const PHASES = ['Recruit door to door', 'Petition drive', 'March to the landlord'];
const TASK = 'Knock on every door of block 4';
const DAY = 86_400_000;

describe('Coalitions: a shared campaign, each member running it as its own', () => {
  let t: TestApp;
  const present = testClock.now();
  beforeAll(async () => {
    t = await startCoalitionApp('e2e-coalitions-campaign', 940000000000000000n, [A, B, O]);
    await send(slashCommand('join', at(B, B_MEMBER)));
    await formCoalition(send);
  });
  afterAll(async () => {
    testClock.set(present);
    await t.stop();
  });
  const send = sender(() => t.app);
  const { slackPosts, discordPosts } = postsOf(() => t);
  const posted = (call: RecordedCall) =>
    [
      call.body.text,
      call.body.blocks,
      call.body.content,
      JSON.stringify(call.body.embeds ?? ''),
      JSON.stringify(call.body.components ?? ''),
    ].join('\n');
  /** What Slack showed the person after a click or a modal: the response itself, or the ephemeral message it caused. */
  const told = (res: { body: unknown }) =>
    [JSON.stringify(res.body ?? {}), ...t.recorder.callsTo('chat.postEphemeral').map((c) => `${c.body.text}\n${c.body.blocks ?? ''}`)].join(
      '\n',
    );
  const items = () => allItems(t.db, t.tableName) as Promise<any[]>;
  const coalition = async () => (await items()).find((i) => i.entity === 'Coalition' && i.name === COALITION);
  const campaignsOf = async (pk: string) => (await items()).filter((i) => i.entity === 'Campaign' && i.pk === pk);
  /** "Run it here" on a Slack post: its action id, as the blocks carry it. */
  const slackButton = (call: RecordedCall | undefined) => {
    const blocks = JSON.parse(String(call?.body.blocks ?? '[]'));
    return blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.type === 'button')?.action_id as string | undefined;
  };
  const discordButton = (call: RecordedCall | undefined) =>
    ((call?.body.components ?? []) as any[]).flatMap((row: any) => row.components ?? []).find((c: any) => c.type === 2)?.custom_id as
      | string
      | undefined;
  /** The end date: eight weeks from now, in the coordinator's own calendar day (UTC zone by default). */
  const end = () => new Date(testClock.now().getTime() + 56 * DAY).toISOString().slice(0, 10);

  let state = '';
  /** "Run it here" as each member's post carries it. */
  let runB = '';
  let runC = '';
  it('a coordinator of a member sets the shared campaign in a modal; each member gets it on its own platform', async () => {
    t.recorder.reset();
    await send(slashCommand('coalition campaign', at(A)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view ?? '{}'));
    expect(view.blocks?.map((b: any) => b.block_id)).toEqual(['name', 'goal', 'end', 'phases']);
    state = JSON.parse(view.private_metadata).state;
    const before = await stateItems(t.db, t.tableName);
    // Seven phases and a goal left empty: told under each field, nothing saved.
    const bad = await send(
      viewSubmission(
        view.callback_id,
        { name: CAMPAIGN, goal: ' ', phases: 'a\nb\nc\nd\ne\nf\ng' },
        { team: A.team, user: A.coordinator, channel: A.channel, state, pickers: { end: { date: end() } } },
      ),
    );
    expect(bad.body.response_action).toBe('errors');
    expect(bad.body.errors.goal).toMatch(/shared goal/);
    expect(bad.body.errors.phases).toMatch(/at most 6/);
    expect(await stateItems(t.db, t.tableName)).toEqual(before);

    t.recorder.reset();
    const saved = await send(
      viewSubmission(
        view.callback_id,
        { name: CAMPAIGN, goal: GOAL, phases: PHASES.join('\n') },
        { team: A.team, user: A.coordinator, channel: A.channel, state, pickers: { end: { date: end() } } },
      ),
    );
    expect(saved.body?.errors).toBeUndefined();
    const shared = (await coalition()).campaign;
    expect(shared).toMatchObject({ name: CAMPAIGN, goal: GOAL, endDate: end(), by: A.coordinator });
    expect(shared.phases.map((p: any) => p.name)).toEqual(PHASES);
    expect(shared.phases[0].start).toBe(testClock.now().toISOString().slice(0, 10));
    expect(shared.phases.at(-1).end).toBe(end());
    await t.deps.idle();
    for (const [channel, token] of [
      [A.channel, 'xoxb-elm-111'],
      [B.channel, 'xoxb-harbour-222'],
    ] as const) {
      const posts = slackPosts(channel);
      expect(posts, channel).toHaveLength(1);
      expect(posts[0]?.headers.authorization).toBe(`Bearer ${token}`);
      for (const text of [CAMPAIGN, GOAL, end(), ...PHASES, 'Run it here']) expect(posted(posts[0] as RecordedCall)).toContain(text);
    }
    const onDiscord = discordPosts(C.channel);
    expect(onDiscord).toHaveLength(1);
    expect(posted(onDiscord[0] as RecordedCall)).toContain(CAMPAIGN);
    expect(posted(onDiscord[0] as RecordedCall)).toContain('Начать у нас');
    expect(slackPosts(O.channel)).toEqual([]);
    runB = slackButton(slackPosts(B.channel)[0]) ?? '';
    runC = discordButton(onDiscord[0]) ?? '';
  });

  it('a second save on the same opened modal is not written over the first: it is told so', async () => {
    const before = await coalition();
    t.recorder.reset();
    const again = await send(
      viewSubmission(
        'coalition.campaign',
        { name: 'Something else', goal: GOAL, phases: 'One' },
        { team: B.team, user: B.coordinator, channel: B.channel, state, pickers: { end: { date: end() } } },
      ),
    );
    expect(told(again)).toContain(`saved the shared campaign of *${COALITION}* meanwhile`);
    expect((await coalition()).campaign).toEqual(before.campaign);
  });

  it('B’s member may not run it; B’s coordinator runs it, pressed twice: one campaign of B’s own, with the shared phases', async () => {
    expect(runB).toMatch(/^coalition:run:T0002:C2:/);
    t.recorder.reset();
    const member = await send(blockAction(runB, { team: B.team, user: B_MEMBER, channel: B.channel }));
    expect(told(member)).toContain(`Only the coordinator of *${B.name}* (<@${B.coordinator}>)`);
    expect(await campaignsOf('slack#T0002')).toEqual([]);
    for (let press = 0; press < 2; press++) {
      t.recorder.reset();
      const ran = await send(blockAction(runB, { team: B.team, user: B.coordinator, channel: B.channel }));
      expect(told(ran)).toContain(press === 0 ? `now runs in *${B.name}*` : `runs in *${B.name}* already`);
    }
    const [own, ...more] = await campaignsOf('slack#T0002');
    expect(more).toEqual([]);
    const shared = (await coalition()).campaign;
    expect(own).toMatchObject({ name: CAMPAIGN, goal: GOAL, endDate: end(), communityId: B.channel, createdBy: B.coordinator });
    expect(own.id).toContain((await coalition()).id);
    expect(own.milestones.map((m: any) => m.text)).toEqual(PHASES);
    expect(own.milestones.map((m: any) => m.date)).toEqual(shared.phases.map((p: any) => p.end));
    const settings = (await items()).find((i) => i.pk === 'slack#T0002' && i.sk === `COMMUNITY#${B.channel}#META`);
    expect(settings.campaign.id).toBe(own.id);
    expect(settings.campaignCount).toBe(1);
  });

  it('C runs it on Discord; B’s button pressed in C’s server, or from a direct message, is refused', async () => {
    expect(runC).toMatch(/^coalition:run:555555555555555555:/);
    const before = await stateItems(t.db, t.tableName);
    const foreign = await send(discordComponent(runB, { user: C.coordinator, channel: C.channel, guild: C.guild, locale: 'ru' }));
    expect(discordText(foreign.body)).toMatch(/[А-Яа-яЁё]/);
    expect(foreign.body.data.flags).toBe(64);
    const dm = await send(discordDmComponent(runC, '999999999999999999'));
    expect(dm.body.data.flags).toBe(64);
    const after = await stateItems(t.db, t.tableName);
    // Only the kernel's note of who was seen (a profile's last visit) is new: no campaign, no coalition change.
    const made = after.filter((i) => !before.some((b) => JSON.stringify(b) === JSON.stringify(i)));
    expect(made.map((i) => i.entity)).toEqual(['Profile']);
    const ran = await send(discordComponent(runC, { user: C.coordinator, channel: C.channel, guild: C.guild, locale: 'ru' }));
    expect(discordText(ran.body)).toContain('теперь идёт');
    expect((await campaignsOf(`discord#${C.guild}`)).map((c) => c.name)).toEqual([CAMPAIGN]);
    expect(await campaignsOf('slack#T0001')).toEqual([]);
  });

  it('a task made in B stays B’s: neither A nor C sees it', async () => {
    await send(slashCommand(`task <@${B_MEMBER}|ben> ${TASK} by friday`, at(B)));
    const tasks = (await items()).filter((i) => i.entity === 'Task');
    expect(tasks.map((i) => [i.pk, i.title])).toEqual([['slack#T0002', TASK]]);
    expect(slackText((await send(slashCommand('tasks', at(B)))).body)).toContain(TASK);
    expect(slackText((await send(slashCommand('tasks', at(A)))).body)).not.toContain(TASK);
    expect(discordText((await send(discordCommand('tasks', {}, ru))).body)).not.toContain(TASK);
  });

  it('the board shows the shared campaign, B and C running it in their phase, A not yet', async () => {
    const blocks = (await send(slashCommand('coalition status', at(A)))).body.blocks ?? [];
    const board = blocks.map((b: any) => b.text?.text ?? (b.elements ?? []).map((e: any) => e.text).join('\n')).join('\n');
    expect(board).toContain(`Shared campaign *${CAMPAIGN}* · until ${end()}`);
    expect(board).toContain(GOAL);
    for (const phase of PHASES) expect(board).toContain(phase);
    const rows = board.split(/\*(?:Elm Court Tenants|Harbour Street Tenants|Жильцы Заречья)\*/).slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Not running the shared campaign yet');
    expect(rows[1]).toContain(`Runs the shared campaign · phase: ${PHASES[0]}`);
    expect(rows[2]).toContain(`Runs the shared campaign · phase: ${PHASES[0]}`);
    const ruBoard = discordText((await send(discordGroupCommand('coalition', 'status', {}, ru))).body);
    expect(ruBoard).toContain(`Ведёт общую кампанию · этап: ${PHASES[0]}`);
  });

  it('a community outside the coalition cannot open it, and a modal state naming another coalition is refused', async () => {
    expect(slackText((await send(slashCommand('coalition campaign', at(O)))).body)).toMatch(/coalition create/);
    // O forms its own coalition, then submits the shared modal with Riverside's state: refused, nothing written.
    const riverside = (await coalition()).id;
    await send(slashCommand('coalition create Other Street', at(O)));
    const all = (await items()).filter((i) => i.entity === 'Coalition');
    expect(all.map((c) => c.name).sort()).toEqual(['Other Street', COALITION]);
    const before = await stateItems(t.db, t.tableName);
    t.recorder.reset();
    const forged = await send(
      viewSubmission(
        'coalition.campaign',
        { name: 'Taken over', goal: GOAL, phases: 'One' },
        {
          team: O.team,
          user: O.coordinator,
          channel: O.channel,
          state: `${riverside}|${(await coalition()).version}`,
          pickers: { end: { date: end() } },
        },
      ),
    );
    expect(told(forged)).toContain('This button is not for you');
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
    // Russian Discord modal on the right state, read by the one date reader in Russian.
    const open = await send(discordGroupCommand('coalition', 'campaign', {}, ru));
    expect(open.body.type).toBe(9);
    const modal = open.body.data;
    const shortEnd = await send(discordModalSubmit(modal.custom_id, { name: CAMPAIGN, goal: GOAL, end: 'через 2 дня', phases: 'Раз' }, ru));
    expect(JSON.stringify(shortEnd.body)).toMatch(/не меньше 5 дней/);
  });
});
