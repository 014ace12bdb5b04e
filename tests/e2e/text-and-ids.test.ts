import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand, discordComponent, discordDmComponent, discordDmModalSubmit, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const GENERIC = 'Something went wrong';
/** A lone surrogate (half an emoji) is what made the Slack client throw `URIError`. */
const encodable = (text: string) => {
  expect(() => encodeURIComponent(text)).not.toThrow();
  return text;
};

describe('Slack: contention, admin checks and text that cannot break or ping', () => {
  let t: TestApp;
  let ts = 7000;
  const adminAnswer = new Map<string, 'fail' | 'hang'>();
  beforeAll(async () => {
    t = await startTestApp('e2e-text-and-ids-slack');
    t.recorder
      .on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }))
      .on('users.info', (call) => {
        const user = String(call.body.user);
        const how = adminAnswer.get(user);
        if (how === 'fail') return { status: 500, body: { ok: false, error: 'internal_error' } };
        if (how === 'hang') return { delayMs: 10_000, body: { ok: true, user: { id: user, is_admin: true } } };
        return { body: { ok: true, user: { id: user, is_admin: user.startsWith('UADMIN'), is_owner: false } } };
      });
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];

  it('takes 30 Going clicks at once on a capacity-3 event: 3 go, 27 wait, nobody hears the generic error', async () => {
    const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 4 }).toISODate();
    await send(
      viewSubmission(
        'event',
        { title: 'Crowded', place: 'Hall', capacity: '3' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: Date.parse(`${day}T18:00:00Z`) / 1000 } } },
      ),
    );
    const [event] = await items('Event');
    t.recorder.reset();
    const users = Array.from({ length: 30 }, (_, i) => `U9${String(i).padStart(4, '0')}`);
    // Each request waits for its deferred work, and the card's 30 edits keep to Slack's pace in one channel: slow, not stuck.
    await Promise.all(users.map((user) => t.app.request(blockAction(`event:going:T0001:C1:${event.id}`, { user, channel: 'C1' }))));
    const [saved] = await items('Event');
    const replies = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(replies.filter((r) => !r.includes('You are going') && !r.includes('on the waitlist'))).toEqual([]);
    expect(saved.going).toHaveLength(3);
    expect(saved.waitlist).toHaveLength(27);
    expect([...saved.going, ...saved.waitlist].sort()).toEqual(users);
    expect(replies).toHaveLength(30);
    for (const reply of replies) expect(reply).not.toContain(GENERIC);
    expect(replies.filter((r) => r.includes('You are going'))).toHaveLength(3);
  }, 120_000);

  it('says it could not check admin rights when users.info fails or hangs, instead of "only leaders"', async () => {
    adminAnswer.set('UADMIN1', 'fail');
    const failed = slackText((await send(slashCommand('tz Europe/Moscow', as('UADMIN1')))).body);
    expect(failed).toContain('could not check your admin rights');
    expect(failed).not.toContain('Only leaders');
    adminAnswer.set('UADMIN2', 'hang');
    const started = Date.now();
    const hung = slackText((await send(slashCommand('tz Europe/Moscow', as('UADMIN2')))).body);
    expect(hung).toContain('could not check your admin rights');
    expect(Date.now() - started).toBeLessThan(2500);
    // A plain member whose rights Slack did confirm hears who may do it.
    expect(slackText((await send(slashCommand('tz Europe/Moscow', as('U5')))).body)).toContain('Only leaders');
    expect((await items('Community'))[0].timezone).not.toBe('Europe/Moscow');
  });

  it('remembers a recent answer: an admin stays an admin while Slack is briefly down', async () => {
    expect(slackText((await send(slashCommand('tz Europe/Moscow', as('UADMIN3')))).body)).not.toContain('Only leaders');
    const asked = t.recorder.callsTo('users.info').length;
    adminAnswer.set('UADMIN3', 'fail');
    const again = slackText((await send(slashCommand('tz Europe/Berlin', as('UADMIN3')))).body);
    expect(again).not.toContain('could not check');
    expect(again).not.toContain('Only leaders');
    expect(t.recorder.callsTo('users.info')).toHaveLength(asked);
  });

  it('posts an event card whose title someone typed with raw mentions, pinging nobody', async () => {
    const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 6 }).toISODate();
    t.recorder.reset();
    await send(
      viewSubmission(
        'event',
        { title: 'Party <@U999> <!channel>', place: 'Yard <!here>', capacity: '' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: Date.parse(`${day}T18:00:00Z`) / 1000 } } },
      ),
    );
    const card = t.recorder.callsTo('chat.postMessage').find((c) => String(c.body.blocks).includes('Party'));
    const posted = `${String(card?.body.text)} ${String(card?.body.blocks)}`;
    expect(posted).not.toMatch(/<@U999>|<!channel>|<!here>/);
    expect(posted.replaceAll('\u2060', '')).toContain('Party <@U999>'.replace('<', '&lt;').replace('>', '&gt;'));
  });

  it('posts a long celebration cut on whole characters, with typed mentions shown and only ours live', async () => {
    t.recorder.reset();
    // 501 units: a cut at 500 used to split the last 🎉 in two.
    const note = `thanks <@U7|bob> <@U8> <!channel> <!here> ${'👩‍👩‍👧'.repeat(60)}a🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉`;
    const reply = slackText((await send(slashCommand(`celebrate ${note}`, as(COORDINATOR)))).body);
    expect(reply).not.toContain(GENERIC);
    const [post] = t.recorder.callsTo('chat.postMessage');
    const text = encodable(String(post?.body.text));
    encodable(String(post?.body.blocks));
    expect(text).toContain(`<@${COORDINATOR}> celebrates`);
    expect(text).not.toMatch(/<@U7|<@U8>|<!channel>|<!here>/);
    expect(text.replaceAll('\u2060', '')).toContain('thanks @bob');
    expect(text).toContain('…');
  });
});

describe('Discord: ids from direct messages are checked against who may use them', () => {
  let t: TestApp;
  const GUILD = '555555555555555555';
  const CHANNEL = '222222222222222222';
  const MEMBER = '444444444444444444';
  const OUTSIDER = '888888888888888888';
  beforeAll(async () => {
    t = await startTestApp('e2e-text-and-ids-discord');
    t.recorder.on('/messages', () => ({ body: { id: '900000000000000001' } }));
    await t.app.request(discordCommand('setup', { name: 'Riverside' }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse((await res.text()) || '{}') };
  };
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];

  it('refuses an RSVP from a DM by someone the event is not open to, and takes one from a member', async () => {
    const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 5 }).toISODate();
    await send(discordModalSubmit('event', { title: 'Cleanup', when: `${day} 10:00`, place: 'Park', capacity: '', description: '' }));
    const [event] = await items('Event');
    const id = `event:going:${GUILD}:${CHANNEL}:${event.id}`;
    const forged = await send(discordDmComponent(id, OUTSIDER));
    expect(forged.body.data.content).toContain('not for you');
    expect(forged.body.data.allowed_mentions).toEqual({ parse: [] });
    expect((await items('Event'))[0].going).toEqual([]);
    // Someone who answered in the server's channel may change their answer from a reminder DM.
    await send(discordComponent(`event:maybe:${GUILD}:${CHANNEL}:${event.id}`, { user: MEMBER }));
    const fromDm = await send(discordDmComponent(id, MEMBER));
    expect(fromDm.body.data.content).toContain('You are going');
    expect((await items('Event'))[0].going).toEqual([MEMBER]);
  });

  it('logs a pairing check-in only for someone in that group', async () => {
    const [community] = await items('Community');
    const tenant = { platform: 'discord' as const, id: GUILD };
    const pairing = await t.deps.core.pairing.get(tenant, community.id);
    const round = { number: 1, date: '2026-11-24', groups: [[MEMBER, '444444444444444445']] };
    expect(await t.deps.core.pairing.save(tenant, { ...pairing, active: true, rounds: [round], version: pairing.version + 1 })).toBe(
      'saved',
    );
    const id = `pair:met:${GUILD}:${community.id}:1.0`;
    expect((await send(discordDmComponent(id, OUTSIDER))).body.data.content).toContain('not for you');
    expect((await send(discordDmComponent(id, MEMBER))).body.data.content).not.toContain('not for you');
  });

  it('lets only a stand-up run’s participants answer or skip it from a DM', async () => {
    const [community] = await items('Community');
    const runId = '2026-12-01.evening';
    await t.deps.core.standups.createRun(
      { platform: 'discord', id: GUILD },
      {
        id: runId,
        scheduleId: 'evening',
        communityId: community.id,
        date: '2026-12-01',
        name: 'Evening',
        questions: ['Done?', 'Next?'],
        locale: 'en',
        channelId: CHANNEL,
        participants: [MEMBER],
        skipped: [],
        postedAt: testClock.now().toISOString(),
      },
    );
    const open = await send(discordDmComponent(`standup:answer:${GUILD}:${community.id}:${runId}`, OUTSIDER));
    expect(open.body.type).toBe(4);
    expect(open.body.data.content).toContain('not for you');
    const skip = await send(discordDmComponent(`standup:skip:${GUILD}:${community.id}:${runId}`, OUTSIDER));
    expect(skip.body.data.content).toContain('not for you');
    const submit = await send(
      discordDmModalSubmit(`standup.answer|${GUILD}|${community.id}|${runId}`, { q0: 'forged', q1: 'x' }, OUTSIDER),
    );
    expect(submit.body.data.content).toContain('not for you');
    expect(await items('StandupAnswer')).toEqual([]);
    const [run] = await items('StandupRun');
    expect(run.skipped ?? []).toEqual([]);
    // The participant it was sent to gets the modal.
    expect((await send(discordDmComponent(`standup:answer:${GUILD}:${community.id}:${runId}`, MEMBER))).body.type).toBe(9);
  });
});
