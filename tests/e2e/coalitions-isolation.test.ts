import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { A, at, B, COALITION, CODE, type SlackPlace as Place, setUpOnSlack, type TestApp } from '../support/coalitions.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems, stateItems } from '../support/table.ts';

/**
 * What a coalition keeps apart: a community outside it sees nothing of it; a code serves once, for fifteen
 * minutes, to a coordinator, and cannot be guessed (five failed tries per place and window); a community
 * belongs to one coalition at most; the board carries no story of self, no one-on-one note and no member
 * id of another community; a forged story modal naming another coalition writes nothing.
 */

/** Outside every coalition, on A's own workspace. */
const D: Place = { team: 'T0001', channel: 'C4', coordinator: 'UDCOORD', name: 'Maple Row Tenants' };
/** Tries a used and an expired code, then joins from a place other than the guesser's. */
const E: Place = { team: 'T0003', channel: 'C3', coordinator: 'UECOORD', name: 'Canal Side Tenants' };
/** Guesses codes; later forms a coalition of its own. */
const G: Place = { team: 'T0004', channel: 'C5', coordinator: 'UGCOORD', name: 'Hillside Tenants' };
/** Has a member who is not its coordinator. */
const F: Place = { team: 'T0005', channel: 'C6', coordinator: 'UFCOORD', name: 'Station Road Tenants' };
const F_MEMBER = 'UFMEMBER7';
const B_MEMBER = 'UBMEMBER2';
const OTHER = 'Hillside Coalition';
const SELF_CHALLENGE = 'My radiator burst the week my daughter was born';
const SELF_CALLING = 'I promised her a warm home';
const NOTE_MINE = 'Ask the caretaker about the damp in flat 12';
const NOTE_THEIRS = 'Bring the petition to the Tuesday meeting';
const MINUTE = 60_000;

describe('Coalitions keep apart what is not shared, and their codes cannot be reused, outlived or guessed', () => {
  let t: TestApp;
  const present = testClock.now();
  beforeAll(async () => {
    t = await startTestApp('e2e-coalitions-isolation');
    await setUpOnSlack(send, [A, B, D, E, G, F]);
    await send(slashCommand('join', at(F, F_MEMBER)));
    await send(slashCommand('join', at(B, B_MEMBER)));
    await send(slashCommand(`coalition create ${COALITION}`, at(A)));
  });
  afterAll(async () => {
    testClock.set(present);
    await t.stop();
  });
  const send = sender(() => t.app);
  const say = async (p: Place, text: string, user = p.coordinator) => {
    const res = await send(slashCommand(text, at(p, user)));
    expect(res.status).toBe(200);
    expect(res.body.response_type).toBe('ephemeral');
    return slackText(res.body);
  };
  const invite = async () => {
    const code = CODE.exec(await say(A, 'coalition invite'))?.[1];
    expect(code).toMatch(CODE);
    return code as string;
  };
  const coalitions = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Coalition') as any[];
  const membersOf = async (name: string) =>
    ((await coalitions()).find((c) => c.name === name)?.members ?? []).map((m: any) => m.communityId) as string[];

  it('a community outside the coalition sees nothing of it, though its workspace holds a member', async () => {
    // A names its coalition in status; D, on the same workspace, hears of none.
    expect(await say(A, 'status')).toContain(COALITION);
    const status = await say(D, 'status');
    expect(status).toContain(D.name);
    expect(status).not.toContain(COALITION);
    const board = await say(D, 'coalition status');
    expect(board).not.toContain(COALITION);
    expect(board).not.toContain(A.name);
    expect(board).toMatch(/coalition create/);
    expect(board).toMatch(/coalition join/);
  });

  it('a code serves once: the second to use it is refused', async () => {
    const code = await invite();
    expect(await say(B, `coalition join ${code}`)).toContain(COALITION);
    expect(await membersOf(COALITION)).toEqual([A.channel, B.channel]);
    const reused = await say(E, `coalition join ${code}`);
    expect(reused).toContain('I know no such code, or it was used already: each code works once.');
    expect(await membersOf(COALITION)).toEqual([A.channel, B.channel]);
  });

  it('a code expires after fifteen minutes', async () => {
    const code = await invite();
    testClock.advance(15 * MINUTE + 30_000);
    const expired = await say(E, `coalition join ${code}`);
    expect(expired).toContain('That code has expired: a code works for 15 minutes.');
    expect(await membersOf(COALITION)).toEqual([A.channel, B.channel]);
  });

  it('five wrong codes from one place, and the right one is refused there too; from another place it still works', async () => {
    const code = await invite();
    const guesses = ['ABCDE-FGHJK', 'MNPQR-STVWX', '00000-00000', 'ZZZZZ-ZZZZZ', '12345-67890'].filter((g) => g !== code);
    for (const guess of guesses.slice(0, 5)) {
      expect(await say(G, `coalition join ${guess}`)).toContain('I know no such code');
    }
    const blocked = await say(G, `coalition join ${code}`);
    expect(blocked).toContain('Too many wrong codes were tried from this channel. Wait 15 minutes');
    expect(blocked).not.toContain(COALITION);
    expect(await membersOf(COALITION)).toEqual([A.channel, B.channel]);
    // Nothing was looked up for the blocked try, so the code is still good from another place.
    expect(await say(E, `coalition join ${code}`)).toContain(COALITION);
    expect(await membersOf(COALITION)).toEqual([A.channel, B.channel, E.channel]);
  });

  it('a member who is not the coordinator cannot join for the community, and the code still works for the coordinator', async () => {
    const code = await invite();
    const refused = await say(F, `coalition join ${code}`, F_MEMBER);
    expect(refused).toContain(`Only the coordinator of *${F.name}*`);
    expect(await membersOf(COALITION)).toEqual([A.channel, B.channel, E.channel]);
    expect(await say(F, `coalition join ${code}`)).toContain(COALITION);
    expect(await membersOf(COALITION)).toEqual([A.channel, B.channel, E.channel, F.channel]);
  });

  it('a community in a coalition can neither form another nor join another', async () => {
    // Past the guesser's window, G forms a coalition of its own.
    testClock.advance(15 * MINUTE + 30_000);
    expect(await say(G, `coalition create ${OTHER}`)).toContain(OTHER);
    const busy = await say(A, 'coalition create Second Coalition');
    expect(busy).toContain(`is in the coalition *${COALITION}* already`);
    expect((await coalitions()).map((c) => c.name).sort()).toEqual([OTHER, COALITION].sort());
    const otherCode = CODE.exec(await say(G, 'coalition invite'))?.[1] ?? '';
    expect(otherCode).toMatch(CODE);
    const already = await say(B, `coalition join ${otherCode}`);
    expect(already).toContain(`is in the coalition *${COALITION}* already`);
    expect(await membersOf(OTHER)).toEqual([G.channel]);
    expect(await membersOf(COALITION)).toEqual([A.channel, B.channel, E.channel, F.channel]);
    const settingsB = (await allItems(t.db, t.tableName)).find((i) => i.pk === 'slack#T0002' && i.sk === `COMMUNITY#${B.channel}#META`);
    expect((settingsB as any)?.coalition?.name).toBe(COALITION);
  });

  it('the board shows no story of self, no one-on-one note and no member id of another community', async () => {
    await send(
      viewSubmission(
        'story.self',
        { challenge: SELF_CHALLENGE, calling: SELF_CALLING },
        { team: B.team, user: B_MEMBER, channel: B.channel },
      ),
    );
    t.recorder.reset();
    await send(slashCommand(`1on1 log <@${B_MEMBER}|sam>`, at(B)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    await send(
      viewSubmission(
        'oneonone',
        { values: 'dignity, fairness', mine: NOTE_MINE, theirs: NOTE_THEIRS },
        { team: B.team, user: B.coordinator, channel: B.channel, state: JSON.parse(view.private_metadata).state },
      ),
    );
    // They were written, in B's own partition.
    const written = JSON.stringify(await allItems(t.db, t.tableName));
    for (const secret of [SELF_CHALLENGE, NOTE_MINE]) expect(written).toContain(secret);

    const board = await say(A, 'coalition status');
    expect(board).toContain(B.name);
    // B's progress shows its counts: a story of self and a one-on-one are counted, never shown.
    for (const hidden of [
      SELF_CHALLENGE,
      SELF_CALLING,
      NOTE_MINE,
      NOTE_THEIRS,
      'dignity',
      B_MEMBER,
      B.coordinator,
      F_MEMBER,
      F.coordinator,
    ]) {
      expect(board).not.toContain(hidden);
    }
  });

  it('a story modal whose state names another coalition is refused, and nothing is written', async () => {
    t.recorder.reset();
    await send(slashCommand('coalition story', at(A)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view ?? '{}'));
    const field = view.blocks?.find((b: any) => b.type === 'input')?.block_id;
    const state = String(JSON.parse(view.private_metadata).state);
    const all = await coalitions();
    const mine = all.find((c) => c.name === COALITION);
    const theirs = all.find((c) => c.name === OTHER);
    expect(state).toContain(mine.id);
    const forged = state.split(mine.id).join(theirs.id);
    const before = await stateItems(t.db, t.tableName);
    t.recorder.reset();
    const res = await send(
      viewSubmission(
        view.callback_id,
        { [field]: 'We take over your coalition' },
        { team: A.team, user: A.coordinator, channel: A.channel, state: forged },
      ),
    );
    expect(res.status).toBe(200);
    const told = [JSON.stringify(res.body ?? {}), ...t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text))].join('\n');
    expect(told).toContain('This button is not for you, so nothing was changed');
    expect(await stateItems(t.db, t.tableName)).toEqual(before);
  });

  it('the outsider still sees nothing at the end', async () => {
    expect(await say(D, 'coalition status')).not.toMatch(new RegExp(`${COALITION}|${OTHER}|${A.name}|${G.name}`));
    expect(await say(D, 'status')).not.toContain('Coalition');
  });
});
