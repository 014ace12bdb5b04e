import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../support/clock.ts';
import { A, at, B, C, COALITION, CODE, discordText, postsOf, ru, startCoalitionApp, type TestApp } from '../support/coalitions.ts';
import { discordGroupCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import type { RecordedCall } from '../support/recorder.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

/**
 * Communities that unite, as three new communities meet it: one on a Slack workspace forms a coalition and
 * invites; one on another workspace joins with the code typed loosely; one on a Discord server, in Russian,
 * joins with the Discord command. Each home channel hears who joined on its own platform (Slack on its own
 * workspace's token), the shared story of us is written in a modal, the board shows the same rows to all
 * three in each reader's language, and a community that leaves is gone from the board at once.
 */
const STORY_OF_US = 'Three blocks, one landlord: together we are too many to ignore.';

describe('Coalitions: communities on two Slack workspaces and a Discord server unite', () => {
  let t: TestApp;
  const present = testClock.now();
  beforeAll(async () => {
    t = await startCoalitionApp('e2e-coalitions', 930000000000000000n, [A, B]);
  });
  afterAll(async () => {
    testClock.set(present);
    await t.stop();
  });
  const send = sender(() => t.app);
  const { slackPosts, discordPosts } = postsOf(() => t);
  const posted = (call: RecordedCall) => `${call.body.text ?? ''}\n${call.body.blocks ?? ''}\n${call.body.content ?? ''}`;
  const coalitionItems = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Coalition') as any[];
  const settingsOf = async (tenant: string, id: string) =>
    (await allItems(t.db, t.tableName)).find((i) => i.pk === tenant && i.sk === `COMMUNITY#${id}#META`) as any;
  /**
   * The board's part about one member: from its name to the next member's name (the rows' order is the
   * order they joined), so a row's figures are checked against that row only.
   */
  const rowOf = (board: string, name: string, names: readonly string[]) => {
    const start = board.indexOf(name);
    expect(start, `${name} on the board:\n${board}`).toBeGreaterThanOrEqual(0);
    const ends = names.map((n) => board.indexOf(n, start + name.length)).filter((i) => i > start);
    return board.slice(start, Math.min(board.length, ...ends));
  };

  let code = '';
  it('the coordinator on Slack forms the coalition, and the invite gives a code with what to type on each platform', async () => {
    const created = await send(slashCommand(`coalition create ${COALITION}`, at(A)));
    expect(created.status).toBe(200);
    expect(created.body.response_type).toBe('ephemeral');
    expect(slackText(created.body)).toContain(COALITION);
    expect(slackText(created.body)).toContain('coalition invite');
    const [coalition] = await coalitionItems();
    expect(coalition).toMatchObject({ name: COALITION });
    expect(coalition.members.map((m: any) => m.communityId)).toEqual([A.channel]);
    expect((await settingsOf('slack#T0001', A.channel)).coalition).toEqual({ id: coalition.id, name: COALITION });

    const invite = await send(slashCommand('coalition invite', at(A)));
    expect(invite.body.response_type).toBe('ephemeral');
    const text = slackText(invite.body);
    code = CODE.exec(text)?.[1] ?? '';
    expect(code, text).toMatch(CODE);
    // What the other coordinator types, on Slack and on Discord, and until when the code holds.
    expect(text).toContain(`/community coalition join ${code}`);
    expect(text).toMatch(/coalition join code:/);
    expect(text).toMatch(/<!date\^\d+\^/);
  });

  it('a coordinator on another workspace joins with the code typed lower-case with spaces; each home channel hears it on its own token', async () => {
    t.recorder.reset();
    const loose = `${code.slice(0, 5)} ${code.slice(6)}`.toLowerCase();
    const joined = await send(slashCommand(`coalition join ${loose}`, at(B)));
    expect(joined.body.response_type).toBe('ephemeral');
    expect(slackText(joined.body)).toContain(COALITION);
    const [coalition] = await coalitionItems();
    expect(coalition.members.map((m: any) => [m.tenant.id, m.communityId])).toEqual([
      ['T0001', A.channel],
      ['T0002', B.channel],
    ]);
    expect((await settingsOf('slack#T0002', B.channel)).coalition).toEqual({ id: coalition.id, name: COALITION });
    for (const [channel, token] of [
      [A.channel, 'xoxb-elm-111'],
      [B.channel, 'xoxb-harbour-222'],
    ] as const) {
      const posts = slackPosts(channel);
      expect(posts, channel).toHaveLength(1);
      expect(posts[0]?.headers.authorization).toBe(`Bearer ${token}`);
      expect(posted(posts[0] as RecordedCall)).toContain(B.name);
    }
  });

  it('a code serves once: a second invite is drawn for Discord, where the coordinator joins in Russian', async () => {
    code = CODE.exec(slackText((await send(slashCommand('coalition invite', at(A)))).body))?.[1] ?? '';
    expect(code).toMatch(CODE);
    t.recorder.reset();
    const joined = await send(discordGroupCommand('coalition', 'join', { code }, ru));
    expect(joined.status).toBe(200);
    expect(joined.body.data.flags).toBe(64);
    expect(discordText(joined.body)).toContain(COALITION);
    expect(discordText(joined.body)).toMatch(/[А-Яа-яЁё]/);
    const [coalition] = await coalitionItems();
    expect(coalition.members.map((m: any) => m.communityId)).toEqual([A.channel, B.channel, C.channel]);
    // Each member's home channel hears of it once, on its own platform: two Slack workspaces, one Discord server.
    expect(slackPosts(A.channel).map(posted)).toEqual([expect.stringContaining(C.name)]);
    expect(slackPosts(B.channel).map(posted)).toEqual([expect.stringContaining(C.name)]);
    expect(slackPosts(B.channel)[0]?.headers.authorization).toBe('Bearer xoxb-harbour-222');
    const onDiscord = discordPosts(C.channel);
    expect(onDiscord).toHaveLength(1);
    expect(onDiscord[0]?.headers.authorization).toBe('Bot discord-test-token');
    // The Discord community speaks Russian: its post is in Russian.
    expect(String(onDiscord[0]?.body.content)).toMatch(/[А-Яа-яЁё]/);
  });

  it('the shared story of us is written in a modal and saved on the coalition', async () => {
    t.recorder.reset();
    await send(slashCommand('coalition story', at(A)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view ?? '{}'));
    const field = view.blocks?.find((b: any) => b.type === 'input')?.block_id;
    expect(field, JSON.stringify(view)).toBeTruthy();
    const state = JSON.parse(view.private_metadata).state;
    const saved = await send(
      viewSubmission(view.callback_id, { [field]: STORY_OF_US }, { team: A.team, user: A.coordinator, channel: A.channel, state }),
    );
    expect(saved.body?.errors).toBeUndefined();
    const [coalition] = await coalitionItems();
    expect(coalition.story).toMatchObject({ text: STORY_OF_US, by: A.coordinator });
  });

  // What each community did differs: A answered its four questions and vision, B wrote its strategy and adopted roles.
  const names = [A.name, B.name, C.name];
  let boardA = '';
  it('the board shows the same three rows to each member, with each one’s own progress, in English on Slack', async () => {
    await send(
      viewSubmission(
        'story',
        { goal: 'Warm flats', who: 'The tenants of Elm Court', how: 'A rent strike', when: 'This winter', vision: 'No one cold' },
        { team: A.team, user: A.coordinator, channel: A.channel },
      ),
    );
    await send(
      viewSubmission(
        'strategy',
        { goal: 'Boilers fixed by January', change: 'If 40 tenants sign, the landlord acts', tactics: 'Petition', timeline: 'By January' },
        { team: B.team, user: B.coordinator, channel: B.channel },
      ),
    );
    // B's coordinator adopts the suggested roles from the roles screen's button: four roles, each with its duties.
    const roles = await send(slashCommand('roles', at(B)));
    const adopt = (roles.body.blocks ?? []).flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === 'roles:adopt');
    expect(adopt).toBeTruthy();
    await send(blockAction(adopt.action_id, { team: B.team, user: B.coordinator, channel: B.channel }));
    const fromA = await send(slashCommand('coalition status', at(A)));
    expect(fromA.body.response_type).toBe('ephemeral');
    boardA = slackText(fromA.body);
    expect(boardA).toContain(COALITION);
    expect(boardA).toContain(STORY_OF_US);
    for (const name of names) expect(boardA).toContain(name);
    expect(boardA.indexOf(A.name)).toBeLessThan(boardA.indexOf(B.name));
    expect(boardA.indexOf(B.name)).toBeLessThan(boardA.indexOf(C.name));
    const [a, b, c] = names.map((n) => rowOf(boardA, n, names));
    // Story: A answered the questions and the vision (2 of 5), B and C nothing yet.
    expect(a).toContain('Story 🟡 2/5');
    expect(b).toContain('Story ⚪ 0/5');
    expect(c).toContain('Story ⚪ 0/5');
    // Strategy: B's is written (all four), A's and C's not.
    expect(b).toContain('Strategy ✅ 4/4');
    expect(a).toContain('Strategy ⚪ 0/4');
    expect(c).toContain('Strategy ⚪ 0/4');
    // Leadership team: B's roles are written (2 of 3: none has a lead yet); A and C have only a coordinator.
    expect(b).toContain('Leadership team 🟡 2/3');
    expect(a).toContain('Leadership team 🟡 1/3');
    // Each row names its platform.
    expect(a).toContain('Slack');
    expect(c).toContain('Discord');
    // The same board from the other workspace.
    const fromB = slackText((await send(slashCommand('coalition status', at(B)))).body);
    for (const name of names) expect(rowOf(fromB, name, names)).toBe(rowOf(boardA, name, names));
  });

  it('the same board on Discord, in Russian', async () => {
    const fromC = await send(discordGroupCommand('coalition', 'status', {}, ru));
    expect(fromC.body.data.flags).toBe(64);
    const board = discordText(fromC.body);
    expect(board).toContain(COALITION);
    expect(board).toContain(STORY_OF_US);
    const [a, b, c] = names.map((n) => rowOf(board, n, names));
    expect(a).toContain('История 🟡 2/5');
    expect(b).toContain('История ⚪ 0/5');
    expect(b).toContain('Стратегия ✅ 4/4');
    expect(c).toContain('Стратегия ⚪ 0/4');
    expect(board).toMatch(/Вместе: 3 сообщества/);
    expect(board).not.toContain('Strategy');
  });

  it('a community leaves at once: the board shows two rows, and it is in no coalition', async () => {
    t.recorder.reset();
    const left = await send(slashCommand('coalition leave', at(B)));
    expect(left.body.response_type).toBe('ephemeral');
    expect(slackText(left.body)).toContain(COALITION);
    const [coalition] = await coalitionItems();
    expect(coalition.members.map((m: any) => m.communityId)).toEqual([A.channel, C.channel]);
    expect((await settingsOf('slack#T0002', B.channel)).coalition).toBeUndefined();
    // The remaining members hear it; the one that left is told in its answer.
    expect(slackPosts(A.channel).map(posted)).toEqual([expect.stringContaining(B.name)]);
    expect(discordPosts(C.channel)).toHaveLength(1);
    expect(slackPosts(B.channel)).toEqual([]);

    const board = slackText((await send(slashCommand('coalition status', at(A)))).body);
    expect(board).toContain(A.name);
    expect(board).toContain(C.name);
    expect(board).not.toContain(B.name);
    const outside = slackText((await send(slashCommand('coalition status', at(B)))).body);
    expect(outside).not.toContain(COALITION);
    expect(outside).toMatch(/coalition create/);
    expect(outside).toMatch(/coalition join/);
  });

  it('sends each effect once: a repeated interaction and a second pass of the outbox post nothing more', async () => {
    code = CODE.exec(slackText((await send(slashCommand('coalition invite', at(A)))).body))?.[1] ?? '';
    t.recorder.reset();
    const joinRequest = slashCommand(`coalition join ${code}`, at(B));
    const repeat = joinRequest.clone();
    await send(joinRequest);
    // Slack sends a slash command once; a repeat of its very request (same trigger) is answered from the first.
    await send(repeat);
    await t.deps.wakeOutbox();
    await t.deps.idle();
    for (const channel of [A.channel, B.channel])
      expect(slackPosts(channel).map(posted), channel).toEqual([expect.stringContaining(B.name)]);
    expect(discordPosts(C.channel)).toHaveLength(1);
    const [coalition] = await coalitionItems();
    expect(coalition.members.map((m: any) => m.communityId)).toEqual([A.channel, C.channel, B.channel]);
    // Every outbox item was delivered and settled: none is left waiting for another attempt.
    expect((await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Outbox')).toEqual([]);
  });
});
