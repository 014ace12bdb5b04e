import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { tickAt } from '../support/clock.ts';
import { discordCommand, discordComponent } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const items = async (t: TestApp, entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
/** A tick at the minute a due item names (each instant comes from the due index, never the hour the test runs at). */
const tickDue = async (t: TestApp, ref: string) => {
  const due = (await items(t, 'Due')).find((d) => d.kind === 'pair' && d.ref === ref);
  expect(due).toBeDefined();
  await tickAt(t.deps, new Date(`${due.minute}:05Z`));
  return due.minute as string;
};

describe('Slack: a pair or trio meets in one group DM', () => {
  const COORDINATOR = 'U2147483697';
  const MEMBERS = ['UA', 'UB', 'UC', 'UD', 'UE'];
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });
  let t: TestApp;
  let ts = 1000;
  beforeAll(async () => {
    t = await startTestApp('e2e-pairing-groups-slack');
    // A group DM's id is Slack's for those people: the same users, the same conversation.
    t.recorder.on('conversations.open', (call) => ({
      body: { ok: true, channel: { id: `G${String(call.body.users).split(',').sort().join('')}` } },
    }));
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.000100` } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const posts = () => t.recorder.callsTo('chat.postMessage');

  it('opens one group DM per group with all of them, and introduces them there once', async () => {
    for (const user of MEMBERS) await send(slashCommand('pair join', as(user)));
    expect(slackText((await send(slashCommand('pair start 1', as(COORDINATOR)))).body)).toContain('every week');
    t.recorder.reset();
    const minute = await tickDue(t, 'round');
    await tickAt(t.deps, new Date(`${minute}:40Z`));
    const [pairing] = await items(t, 'Pairing');
    const groups: string[][] = pairing.rounds[0].groups;
    expect(groups.map((g) => g.length).sort()).toEqual([2, 3]);
    const opened = t.recorder.callsTo('conversations.open').map((c) => String(c.body.users).split(',').sort());
    expect(opened.sort()).toEqual(groups.map((g) => [...g].sort()).sort());
    const channels = groups.map((g) => `G${[...g].sort().join('')}`);
    expect(pairing.rounds[0].conversations).toEqual({ 0: channels[0], 1: channels[1] });
    // One introduction per group, in its group DM, naming everyone; none to anyone alone.
    expect(
      posts()
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual([...channels].sort());
    for (const [i, group] of groups.entries()) {
      const text = String(posts().find((c) => c.body.channel === channels[i])?.body.text);
      expect(text).toContain('meet each other');
      for (const user of group) expect(text).toContain(`<@${user}>`);
    }
    // The round's item found again at its minute (its move on lost after delivery): nothing opened or posted twice.
    const [community] = await items(t, 'Community');
    const tenant = { platform: 'slack' as const, id: 'T0001' };
    const next = (await items(t, 'Due')).find((d) => d.ref === 'round');
    await t.deps.core.due.put({ tenant, communityId: community.id, kind: 'pair', ref: 'round', minute });
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${minute}:50Z`));
    expect(posts()).toEqual([]);
    expect(t.recorder.callsTo('conversations.open')).toEqual([]);
    expect((await items(t, 'Due')).find((d) => d.ref === 'round')?.minute).toBe(next.minute);
  });

  it('checks in a week later in the same group DM; one press logs the group’s one-on-ones once', async () => {
    const [pairing] = await items(t, 'Pairing');
    const trio = pairing.rounds[0].groups.findIndex((g: string[]) => g.length === 3);
    const members: string[] = pairing.rounds[0].groups[trio];
    const channel = pairing.rounds[0].conversations[trio];
    t.recorder.reset();
    const minute = await tickDue(t, 'checkin#1');
    await tickAt(t.deps, new Date(`${minute}:40Z`));
    // Weekly rounds: the next round may fall due before the check-in's 09:00 and go out with it.
    const checkins = posts().filter((c) => String(c.body.text).includes('Did you meet'));
    expect(checkins).toHaveLength(2);
    const checkin = checkins.find((c) => c.body.channel === channel);
    expect(String(checkin?.body.text)).toContain('Did you meet');
    const buttons = JSON.parse(String(checkin?.body.blocks))
      .at(-1)
      .elements.map((e: any) => e.action_id);
    expect(buttons).toEqual(['met', 'notyet', 'skip'].map((a) => `pair:${a}:T0001:C1:1.${trio}`));
    t.recorder.reset();
    await send(blockAction(`pair:met:T0001:C1:1.${trio}`, { user: members[0], channel }));
    await send(blockAction(`pair:met:T0001:C1:1.${trio}`, { user: members[1], channel }));
    const replies = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(replies.filter((r) => r.includes('logged as a one-on-one'))).toHaveLength(1);
    expect(replies.filter((r) => r.includes('Already logged'))).toHaveLength(1);
    const logged = await items(t, 'OneOnOne');
    expect(logged.map((o) => [o.loggerId, o.partnerId].sort().join('+')).sort()).toEqual(
      members
        .filter((u) => u !== members[0])
        .map((u) => [members[0], u].sort().join('+'))
        .sort(),
    );
  });
});

describe('Slack: a group DM that cannot be opened falls back to direct messages', () => {
  const COORDINATOR = 'U2147483697';
  const MEMBERS = ['UA', 'UB', 'UC'];
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-pairing-groups-fallback');
    // An install from before the group DM scope: Slack refuses for good.
    t.recorder.on('conversations.open', () => ({ body: { ok: false, error: 'missing_scope', needed: 'mpim:write' } }));
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const dms = () => t.recorder.callsTo('chat.postMessage').filter((c) => MEMBERS.includes(String(c.body.channel)));

  it('introduces each of the trio by direct message, once, and checks in the same way', async () => {
    for (const user of MEMBERS) await send(slashCommand('pair join', as(user)));
    await send(slashCommand('pair start 2', as(COORDINATOR)));
    t.recorder.reset();
    const minute = await tickDue(t, 'round');
    await tickAt(t.deps, new Date(`${minute}:40Z`));
    expect(t.recorder.callsTo('conversations.open')).toHaveLength(1);
    expect(
      dms()
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual(MEMBERS);
    expect(t.recorder.callsTo('chat.postMessage')).toHaveLength(3);
    expect(String(dms()[0]?.body.text)).toContain('meet <@');
    const [pairing] = await items(t, 'Pairing');
    expect(pairing.rounds[0].conversations).toEqual({ 0: 'dm' });
    t.recorder.reset();
    await tickDue(t, 'checkin#1');
    // Recorded as direct messages: the check-in does not try the group DM again.
    expect(t.recorder.callsTo('conversations.open')).toEqual([]);
    expect(
      dms()
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual(MEMBERS);
  });
});

describe('Discord: a pair meets in a private thread of the home channel', () => {
  const GUILD = '555555555555555555';
  const HOME = '222222222222222222';
  const COORDINATOR = '333333333333333333';
  const MEMBERS = ['444444444444444441', '444444444444444442'];
  let t: TestApp;
  let threads = 0;
  beforeAll(async () => {
    t = await startTestApp('e2e-pairing-groups-discord');
    t.recorder.on(`/channels/${HOME}/threads`, () => ({ body: { id: `88888888888888888${++threads}`, type: 12, parent_id: HOME } }));
    await t.app.request(discordCommand('setup', { name: 'Riverside' }, { user: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const created = () => t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${HOME}/threads`));

  it('creates one private thread, adds both, and posts the introduction there once', async () => {
    for (const user of MEMBERS) await send(discordCommand('pair', { action: 'join' }, { user }));
    await send(discordCommand('pair', { action: 'start' }, { user: COORDINATOR }));
    t.recorder.reset();
    const minute = await tickDue(t, 'round');
    await tickAt(t.deps, new Date(`${minute}:40Z`));
    expect(created()).toHaveLength(1);
    expect(created()[0]?.body).toMatchObject({ type: 12, invitable: false, name: 'Pairing round 1, group 1' });
    const thread = '888888888888888881';
    const added = t.recorder.calls.filter((c) => c.method === 'PUT' && c.path.includes(`/channels/${thread}/thread-members/`));
    expect(added.map((c) => c.path.split('/').at(-1)).sort()).toEqual([...MEMBERS].sort());
    const intros = t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    expect(intros.map((c) => c.path)).toEqual([expect.stringContaining(`/channels/${thread}/messages`)]);
    expect(JSON.stringify(intros[0]?.body)).toContain('meet each other');
    // No direct message channel was opened for anyone.
    expect(t.recorder.callsTo('/users/@me/channels')).toEqual([]);
    const [pairing] = await items(t, 'Pairing');
    expect(pairing.rounds[0].conversations).toEqual({ 0: thread });
  });

  it('checks in inside the same thread, and a press there logs the one-on-one', async () => {
    const [community] = await items(t, 'Community');
    t.recorder.reset();
    await tickDue(t, 'checkin#1');
    const posted = t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    expect(posted.map((c) => c.path)).toEqual([expect.stringContaining('/channels/888888888888888881/messages')]);
    expect(created()).toEqual([]);
    await send(discordComponent(`pair:met:${GUILD}:${community.id}:1.0`, { user: MEMBERS[0], channel: '888888888888888881' }));
    const logged = await items(t, 'OneOnOne');
    expect(logged).toHaveLength(1);
    expect([logged[0].loggerId, logged[0].partnerId].sort()).toEqual([...MEMBERS].sort());
  });
});

describe('Discord: a thread whose creation may have landed, and one refused', () => {
  const HOME = '222222222222222222';
  const COORDINATOR = '333333333333333333';
  const MEMBERS = ['444444444444444441', '444444444444444442'];
  let t: TestApp;
  let refuse = false;
  let made: { id: string; name: string } | undefined;
  beforeAll(async () => {
    t = await startTestApp('e2e-pairing-groups-discord-faults');
    t.recorder
      // The first create makes the thread but answers 500, as when Discord's answer is lost.
      .on(`/channels/${HOME}/threads`, (call) => {
        if (refuse) return { status: 403, body: { code: 50001, message: 'Missing Access' } };
        made = { id: '888888888888888899', name: String(call.body.name) };
        return { status: 500, body: { message: 'Internal Server Error' } };
      })
      .on('/threads/active', () => ({
        body: { threads: made ? [{ id: made.id, type: 12, parent_id: HOME, name: made.name }] : [], members: [] },
      }))
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }));
    await t.app.request(discordCommand('setup', { name: 'Riverside' }, { user: COORDINATOR }));
    for (const user of MEMBERS) await t.app.request(discordCommand('pair', { action: 'join' }, { user }));
    await t.app.request(discordCommand('pair', { action: 'start' }, { user: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const creates = () => t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${HOME}/threads`));
  const messages = () => t.recorder.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));

  it('finds the thread an attempt made before making another, and introduces the pair there once', async () => {
    t.recorder.reset();
    const minute = await tickDue(t, 'round');
    expect(creates()).toHaveLength(1);
    expect(messages()).toEqual([]);
    // The round's retry, when its held item is looked at again.
    await tickAt(t.deps, new Date(Date.parse(`${minute}:00Z`) + 6 * 60_000));
    expect(creates()).toHaveLength(1);
    expect(t.recorder.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/threads/active'))).toHaveLength(1);
    expect(messages().map((c) => c.path)).toEqual([expect.stringContaining(`/channels/${made?.id}/messages`)]);
    const added = t.recorder.calls.filter((c) => c.method === 'PUT' && c.path.includes(`/channels/${made?.id}/thread-members/`));
    expect(added.map((c) => c.path.split('/').at(-1)).sort()).toEqual([...MEMBERS].sort());
    expect((await items(t, 'Pairing'))[0].rounds[0].conversations).toEqual({ 0: made?.id });
  });

  it('writes to each by direct message when threads are refused for good', async () => {
    refuse = true;
    t.recorder.reset();
    await t.app.request(discordCommand('pair', { action: 'now' }, { user: COORDINATOR }));
    await t.deps.idle();
    expect(creates()).toHaveLength(1);
    expect(
      messages()
        .map((c) => c.path.split('/').at(-2))
        .sort(),
    ).toEqual(MEMBERS.map((u) => `dm-${u}`).sort());
    const [pairing] = await items(t, 'Pairing');
    expect(pairing.rounds[1].conversations).toEqual({ 0: 'dm' });
  });
});
