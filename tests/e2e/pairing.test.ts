import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { tickAt } from '../support/clock.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const MEMBERS = ['UA', 'UB', 'UC', 'UD', 'UE', 'UF', 'UG'];
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

describe('Slack: pairing rounds with a check-in that logs one-on-ones', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-pairing');
    // Each group meets in one group DM, Slack's for those people.
    t.recorder.on('conversations.open', (call) => ({
      body: { ok: true, channel: { id: `G${String(call.body.users).split(',').sort().join('')}` } },
    }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const tick = async (minute: string) => {
    await tickAt(t.deps, new Date(`${minute}:00Z`));
  };
  const dms = () => t.recorder.callsTo('chat.postMessage').filter((c) => MEMBERS.includes(String(c.body.channel)));
  /** Posts into group DMs, and who each one is for. */
  const groupPosts = () =>
    t.recorder
      .callsTo('chat.postMessage')
      .filter((c) => String(c.body.channel).startsWith('G'))
      .map((c) => ({
        call: c,
        people: (String(c.body.channel)
          .slice(1)
          .match(/U[A-Z]/g) ?? []) as string[],
      }));

  it('lets members join and only leaders start rounds', async () => {
    for (const user of MEMBERS) expect(slackText((await send(slashCommand('pair join', as(user)))).body)).toContain('You are in');
    expect(slackText((await send(slashCommand('pair start 2', as('UA')))).body)).toContain('Only leaders');
    expect(slackText((await send(slashCommand('pair start 2', as(COORDINATOR)))).body)).toContain('every 2 weeks');
    expect((await items('Pairing'))[0]).toMatchObject({ active: true, everyWeeks: 2 });
  });

  it('pairs seven into two pairs and a trio at the round’s minute, once, and moves on two weeks', async () => {
    const due = (await items('Due')).find((d) => d.kind === 'pair');
    t.recorder.reset();
    await tick(due.minute);
    await tick(due.minute);
    // One introduction per group, in the group DM of its two or three: everyone once, no one alone.
    expect(dms()).toEqual([]);
    expect(
      groupPosts()
        .flatMap((p) => p.people)
        .sort(),
    ).toEqual([...MEMBERS].sort());
    const [pairing] = await items('Pairing');
    expect(pairing.rounds[0].groups.map((g: string[]) => g.length).sort()).toEqual([2, 2, 3]);
    expect(groupPosts()).toHaveLength(3);
    expect(String(groupPosts()[0]?.call.body.text)).toContain('meet each other');
    const next = (await items('Due')).find((d) => d.ref === 'round');
    expect(Date.parse(`${next.minute}:00Z`) - Date.parse(`${due.minute}:00Z`)).toBe(14 * 86_400_000);
  });

  it('checks in a week later; "We met" logs a one-on-one for the group once, whoever clicks', async () => {
    const checkin = (await items('Due')).find((d) => d.ref === 'checkin#1');
    t.recorder.reset();
    await tick(checkin.minute);
    expect(groupPosts()).toHaveLength(3);
    const [pairing] = await items('Pairing');
    const pair = pairing.rounds[0].groups.findIndex((g: string[]) => g.length === 2);
    const [first, second] = pairing.rounds[0].groups[pair];
    const buttons = JSON.parse(String(groupPosts().find((p) => p.people.includes(first))?.call.body.blocks))
      .at(-1)
      .elements.map((e: any) => e.action_id);
    expect(buttons).toEqual(['met', 'notyet', 'skip'].map((a) => `pair:${a}:T0001:C1:1.${pair}`));
    t.recorder.reset();
    await send(blockAction(`pair:met:T0001:C1:1.${pair}`, { user: first, channel: 'D1' }));
    await send(blockAction(`pair:met:T0001:C1:1.${pair}`, { user: second, channel: 'D2' }));
    const replies = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(replies.some((r) => r.includes('logged as a one-on-one'))).toBe(true);
    expect(replies.some((r) => r.includes('Already logged'))).toBe(true);
    const logged = await items('OneOnOne');
    expect(logged).toHaveLength(1);
    expect([logged[0].loggerId, logged[0].partnerId].sort()).toEqual([first, second].sort());
    const members = await items('Member');
    for (const user of [first, second]) expect(members.find((m) => m.userId === user)?.act_oneOnOnes).toBe(1);
    expect((await items('Community'))[0].oneOnOneCount).toBe(1);
  });

  it('leaves out who snoozed, and avoids pairing people who met last round', async () => {
    expect(slackText((await send(slashCommand('pair snooze until 2099-01-01', as('UG')))).body)).toContain('2099');
    t.recorder.reset();
    await send(slashCommand('pair now', as(COORDINATOR)));
    expect(groupPosts().flatMap((p) => p.people)).toHaveLength(6);
    expect(groupPosts().flatMap((p) => p.people)).not.toContain('UG');
    const [pairing] = await items('Pairing');
    const [round1, round2] = pairing.rounds;
    const met = new Set(round1.groups.flatMap((g: string[]) => g.flatMap((a) => g.map((b) => `${a}|${b}`))));
    const again = round2.groups.flatMap((g: string[]) => g.flatMap((a, i) => g.slice(i + 1).filter((b) => met.has(`${a}|${b}`))));
    expect(again).toEqual([]);
    expect(slackText((await send(slashCommand('pair status', as('UA')))).body)).toContain('number 2');
  });
});
