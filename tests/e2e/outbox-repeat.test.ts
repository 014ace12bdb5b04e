import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { itemsOf, slackConversations } from '../support/faults.ts';
import type { RecordedAnswer } from '../support/recorder.ts';
import { blockAction, slashCommand } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const HOUR = 3_600_000;
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

describe('Outbox redelivery: a later attempt looks before posting, so a message that landed is not posted again', () => {
  let t: TestApp;
  const slack = slackConversations();
  /** How the next post to a member goes wrong: it lands but Slack answers 500, or it is lost with a 500. */
  const failNext = new Map<string, 'landed' | 'lost'>();
  /** Conversations whose history Slack cannot serve for now (a 500), so no settling inside the attempt. */
  const unreadable = new Set<string>();
  beforeAll(async () => {
    t = await startTestApp('e2e-outbox-repeat');
    t.recorder.on('conversations.history', (call): RecordedAnswer => {
      if (unreadable.has(String(call.body.channel))) return { status: 500, body: { ok: false, error: 'internal_error' } };
      return slack.history(call);
    });
    t.recorder.on('chat.postMessage', (call): RecordedAnswer => {
      const channel = String(call.body.channel);
      const failure = failNext.get(channel);
      failNext.delete(channel);
      if (failure === 'landed') return { ...slack.land(call), status: 500 };
      if (failure === 'lost') return { status: 500, body: { ok: false, error: 'internal_error' } };
      return slack.land(call);
    });
    await t.app.request(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    await t.app.request(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
  });
  afterAll(() => t.stop());
  const items = (entity: string) => itemsOf(t.db, t.tableName, entity);
  const postsTo = (member: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === member);
  const looksIn = (member: string) => t.recorder.callsTo('conversations.history').filter((c) => c.body.channel === member);

  /** Offers `member` a task: its DM goes out from the outbox, and this first attempt fails as set up. */
  const offerFailing = async (member: string, title: string) => {
    await t.app.request(slashCommand(`task <@${member}|someone> ${title}`, as(COORDINATOR)));
    await t.deps.idle();
    const [waiting] = await items('Outbox');
    expect(waiting).toMatchObject({ attempts: 1, lastError: expect.any(String) });
    return waiting;
  };
  /** Moves the clock past the waiting item's next attempt and lets the outbox deliver it. */
  const redeliver = async (readyAt: string) => {
    testClock.set(new Date(Date.parse(readyAt) + 1000));
    await t.deps.wakeOutbox();
  };

  it('finds the DM that landed before its attempt failed, and posts nothing more', async () => {
    failNext.set('U6', 'landed');
    unreadable.add('U6');
    const waiting = await offerFailing('U6', 'Book the hall');
    // One post, which landed; every look inside that attempt failed, so the attempt failed as a whole.
    expect(postsTo('U6')).toHaveLength(1);
    expect(slack.to('U6')).toHaveLength(1);
    const looked = looksIn('U6').length;
    expect(looked).toBeGreaterThan(0);

    unreadable.delete('U6');
    await redeliver(waiting.readyAt);
    expect(looksIn('U6')).toHaveLength(looked + 1);
    expect(postsTo('U6')).toHaveLength(1);
    expect(slack.to('U6')).toHaveLength(1);
    expect(await items('Outbox')).toEqual([]);
    testClock.advance(HOUR);
    await t.deps.wakeOutbox();
    expect(postsTo('U6')).toHaveLength(1);
  }, 30_000);

  it('looks, finds nothing, and posts once when the earlier attempt’s post was lost', async () => {
    failNext.set('U7', 'lost');
    unreadable.add('U7');
    const waiting = await offerFailing('U7', 'Print the flyers');
    expect(postsTo('U7')).toHaveLength(1);
    expect(slack.to('U7')).toHaveLength(0);
    const looked = looksIn('U7').length;

    unreadable.delete('U7');
    await redeliver(waiting.readyAt);
    expect(looksIn('U7')).toHaveLength(looked + 1);
    expect(postsTo('U7')).toHaveLength(2);
    expect(slack.to('U7')).toHaveLength(1);
    expect(await items('Outbox')).toEqual([]);
  }, 30_000);
});
