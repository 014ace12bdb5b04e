import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { itemsOf, slackConversations, timed } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import type { RecordedAnswer } from '../support/recorder.ts';
import { blockAction, slashCommand } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const HOUR = 3_600_000;
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
/** Every block starts from the same instant: the one that gives up moves the clock most of a day ahead. */
const START = testClock.now();

/** How Slack answers a post to one member: as usual, or one of the failures below. */
type Answer = 'ok' | '500' | '429' | 'hang' | 'cannot_dm_bot' | 'user_not_found' | 'passing';
/** Longer than the worker's 10 s per call (`TIMEOUT_MS.patient` in the Slack messenger; no knob reaches it from config). */
const HANG_MS = 12_000;

describe('Faults: a post Slack fails is delivered later, once; one it refuses for good is taken back', () => {
  let t: TestApp;
  const slack = slackConversations();
  const answers = new Map<string, Answer>();
  beforeAll(async () => {
    testClock.set(START);
    t = await startTestApp('e2e-faults-delivery');
    t.recorder.on('conversations.history', (call) => slack.history(call));
    t.recorder.on('chat.postMessage', (call): RecordedAnswer => {
      const answer = answers.get(String(call.body.channel)) ?? 'ok';
      if (answer === '500') return { status: 500, body: { ok: false, error: 'internal_error' } };
      if (answer === '429') return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
      // Slack's "not this time" in the body (what `SLACK_PASSING` lists), which the worker does not retry inline.
      if (answer === 'passing') return { body: { ok: false, error: 'ratelimited' } };
      if (answer === 'cannot_dm_bot' || answer === 'user_not_found') return { body: { ok: false, error: answer } };
      if (answer === 'hang') {
        // The post lands, but its answer comes only after the worker stopped waiting; later posts answer at once.
        answers.set(String(call.body.channel), 'ok');
        return { ...slack.land(call), delayMs: HANG_MS };
      }
      return slack.land(call);
    });
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    await t.app.request(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = (entity: string) => itemsOf(t.db, t.tableName, entity);
  const postsTo = (member: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === member);
  const taskOf = async (owner: string) => (await items('Task')).find((task) => task.ownerId === owner);

  /** Offers a task to `member` as the coordinator: answered at once, whatever Slack does with the DM afterwards. */
  const offer = async (member: string, title: string) => {
    const reply = await timed(t.app, slashCommand(`task <@${member}|someone> ${title}`, as(COORDINATOR)));
    expect(reply.status).toBe(200);
    expect(slackText(reply.body)).toContain(`Asked <@${member}> to take: ${title}`);
    expect(reply.ms).toBeLessThan(3000);
    await t.deps.idle();
  };
  /** Moves the clock just past the waiting item's next attempt and lets the outbox deliver what is ready. */
  const afterBackoff = async () => {
    const [item] = await items('Outbox');
    expect(item).toBeDefined();
    testClock.set(new Date(Date.parse(item.readyAt) + 1000));
    await t.deps.wakeOutbox();
  };

  for (const failure of ['500', '429'] as const) {
    it(`keeps a DM offer Slack answered ${failure} to in the outbox, and delivers it once after the backoff`, async () => {
      const member = failure === '500' ? 'U2' : 'U3';
      answers.set(member, failure);
      await offer(member, `Print the flyers (${failure})`);
      // The worker's own five tries all refused; none landed.
      expect(postsTo(member)).toHaveLength(5);
      expect(slack.to(member)).toHaveLength(0);
      const [waiting] = await items('Outbox');
      expect(await items('Outbox')).toHaveLength(1);
      expect(waiting).toMatchObject({ attempts: 1, lastError: expect.any(String) });
      // The first wait is 30 s and up to a fifth more.
      const wait = Date.parse(waiting.readyAt) - testClock.now().getTime();
      expect(wait).toBeGreaterThan(20_000);
      expect(wait).toBeLessThanOrEqual(36_000);
      // Before the wait is over, nothing is tried again.
      await t.deps.wakeOutbox();
      expect(postsTo(member)).toHaveLength(5);

      answers.set(member, 'ok');
      await afterBackoff();
      expect(postsTo(member)).toHaveLength(6);
      expect(slack.to(member)).toHaveLength(1);
      expect(await items('Outbox')).toEqual([]);
      expect((await taskOf(member)).status).toBe('proposed');
      // Another drain finds nothing to send twice.
      testClock.advance(HOUR);
      await t.deps.wakeOutbox();
      expect(postsTo(member)).toHaveLength(6);
    });
  }

  it('settles a DM whose answer never came (the post landed) by reading the conversation back: no second post', async () => {
    answers.set('U4', 'hang');
    await offer('U4', 'Book the hall');
    expect(postsTo('U4')).toHaveLength(1);
    expect(slack.to('U4')).toHaveLength(1);
    // Looked for by its delivery key, found, and done.
    const look = t.recorder.callsTo('conversations.history').filter((c) => c.body.channel === 'U4');
    expect(look).toHaveLength(1);
    expect(look[0]?.body.include_all_metadata).toBe('true');
    expect(await items('Outbox')).toEqual([]);
    testClock.advance(HOUR);
    await t.deps.wakeOutbox();
    expect(postsTo('U4')).toHaveLength(1);
  }, 30_000);

  it('takes back a task whose owner Slack cannot DM (cannot_dm_bot) and tells the leader, with no retries', async () => {
    answers.set('U5', 'cannot_dm_bot');
    const toLeader = postsTo(COORDINATOR).length;
    await offer('U5', 'Call the landlord');
    expect(postsTo('U5')).toHaveLength(1);
    expect((await taskOf('U5')).status).toBe('declined');
    const told = postsTo(COORDINATOR).slice(toLeader);
    expect(told).toHaveLength(1);
    expect(String(told[0]?.body.text)).toContain('I could not send <@U5> a direct message, so the task was not handed out');
    expect(await items('Outbox')).toEqual([]);
    testClock.advance(HOUR);
    await t.deps.wakeOutbox();
    expect(postsTo('U5')).toHaveLength(1);
  });

  it('withdraws a role offer to a user Slack does not know (user_not_found) and tells the leader', async () => {
    answers.set('U6', 'user_not_found');
    const toLeader = postsTo(COORDINATOR).length;
    const reply = await send(slashCommand('assign <@U6|ghost> Communications lead', as(COORDINATOR)));
    expect(slackText(reply.body)).toContain('Asked <@U6> to lead *Communications*');
    expect(postsTo('U6')).toHaveLength(1);
    expect(await items('Offer')).toEqual([]);
    const told = postsTo(COORDINATOR).slice(toLeader);
    expect(told).toHaveLength(1);
    expect(String(told[0]?.body.text)).toContain('I could not send <@U6> a direct message, so nothing was offered');
    expect(await items('Outbox')).toEqual([]);
  });

  it('gives up on a DM that never goes through after about 17 hours of attempts, and keeps it aside', async () => {
    answers.set('U7', 'passing');
    const started = testClock.now().getTime();
    await offer('U7', 'Water the plants');
    let rounds = 0;
    for (; rounds < 15; rounds++) {
      const [item] = await items('Outbox');
      if (item?.state === 'failed') break;
      await afterBackoff();
    }
    const [failed, ...more] = await items('Outbox');
    expect(more).toEqual([]);
    expect(failed).toMatchObject({ state: 'failed', attempts: 10, lastError: expect.stringContaining('ratelimited') });
    // Out of the ready index: nothing picks it up again.
    expect(failed.gsi1pk).toBeUndefined();
    expect(rounds).toBe(9);
    expect(postsTo('U7')).toHaveLength(10);
    const tried = testClock.now().getTime() - started;
    expect(tried).toBeGreaterThan(15.8 * HOUR);
    expect(tried).toBeLessThan(19.1 * HOUR);
    testClock.advance(24 * HOUR);
    await t.deps.wakeOutbox();
    expect(postsTo('U7')).toHaveLength(10);
  }, 30_000);

  it('counts the DM it gave up on on the community (undeliveredCount 1), hands the task back and tells the leader', async () => {
    const [community] = await items('Community');
    expect(community.undeliveredCount).toBe(1);
    expect((await taskOf('U7')).status).toBe('declined');
    expect(postsTo(COORDINATOR).some((c) => String(c.body.text).includes('I could not send <@U7> a direct message'))).toBe(true);
    const status = await send(slashCommand('status', as(COORDINATOR)));
    expect(slackText(status.body)).toContain('1 message could not be delivered');
  });
});
