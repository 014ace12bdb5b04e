import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Connection, startSocketMode } from '../../functions/src/socket-mode.ts';
import joined from '../fixtures/slack/member-joined-channel.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { slackText } from '../support/http.ts';
import { blockAction, slackRequest, slashCommand, viewSubmission } from '../support/slack.ts';
import { envelopePayload, SlackSocketServer } from '../support/slack-socket.ts';
import { allItems, stateItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const APP_TOKEN = 'xapp-1-A123456-1234567890-test';
const COORDINATOR = 'U2147483697';

describe('Slack over Socket Mode (npm run dev, no public URL)', () => {
  let t: TestApp;
  let slack: SlackSocketServer;
  let socket: Connection | undefined;
  let opened: TestApp['recorder']['calls'] = [];
  beforeAll(async () => {
    slack = await new SlackSocketServer().start();
    t = await startTestApp('e2e-socket-mode', { SLACK_APP_TOKEN: APP_TOKEN });
    t.recorder.on('apps.connections.open', () => ({ body: { ok: true, url: slack.url } }));
    socket = startSocketMode(t.deps.config, t.deps);
    await socket.ready;
    opened = t.recorder.callsTo('apps.connections.open');
  });
  afterAll(async () => {
    await socket?.stop();
    await slack?.stop();
    await t?.stop();
  });
  beforeEach(() => t.recorder.reset());

  /** Sends what the HTTP test would POST as an envelope; resolves with the ack once the deferred work settled. */
  const send = async (type: string, request: Request, extra: Record<string, unknown> = {}) => {
    const ack = await slack.send(type, await envelopePayload(request), extra);
    await t.deps.idle();
    return ack;
  };
  const community = async (channel: string) => (await allItems(t.db, t.tableName)).find((i) => i.sk === `COMMUNITY#${channel}#META`);

  it('opens the connection with the app-level token through apps.connections.open on SLACK_API_URL', () => {
    expect(opened).toHaveLength(1);
    const [open] = opened;
    expect(open?.path).toBe('/slack/api/apps.connections.open');
    expect(open?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(slack.connections).toEqual(['/link/?ticket=test-ticket&app_id=A123456']);
  });

  it('sets up a community with a slash command and acks with the reply, then shows its status', async () => {
    const setup = await send('slash_commands', slashCommand('setup Green Street Tenants', { channel_id: 'C1' }));
    expect(setup).toEqual({
      envelope_id: expect.stringMatching(/^envelope-/),
      payload: expect.objectContaining({ response_type: 'in_channel' }),
    });
    expect(slackText(setup.payload)).toContain('Green Street Tenants');
    expect(await stateItems(t.db, t.tableName)).toEqual([
      expect.objectContaining({ pk: 'slack#T0001', sk: 'COMMUNITY#C1#META', name: 'Green Street Tenants', coordinatorId: COORDINATOR }),
    ]);

    const status = await send('slash_commands', slashCommand('status', { channel_id: 'C1' }));
    expect(status.payload?.response_type).toBe('ephemeral');
    const text = slackText(status.payload);
    for (const stage of [
      'Story',
      'Relationships',
      'Leadership team',
      'Strategy',
      'Expansion system',
      'Events and campaigns',
      'Next steps',
    ]) {
      expect(text).toContain(stage);
    }
    expect(text).toContain('Next: Answer the four questions');
  });

  it('opens the story modal through views.open and acks with nothing to show', async () => {
    const ack = await send('slash_commands', slashCommand('story questions', { channel_id: 'C1' }));
    expect(ack.payload).toEqual({});
    const [call] = t.recorder.callsTo('views.open');
    expect(call?.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(call?.body.trigger_id).toMatch(/^\d+\.738474920\.[0-9a-f]+$/);
    const view = JSON.parse(String(call?.body.view));
    expect(view.callback_id).toBe('story');
    expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['goal', 'who', 'how', 'when', 'vision']);
  });

  it('saves the story modal’s submission, and status shows the new progress', async () => {
    const answers = {
      goal: 'Fix the heating',
      who: 'Tenants of 12 Green St',
      how: 'Together, by asking the landlord',
      when: 'By March 2027',
      vision: 'Warm homes for every neighbour',
    };
    const saved = await send('interactive', viewSubmission('story', answers, { channel: 'C1' }));
    expect(saved.payload).toEqual({});
    const [ephemeral] = t.recorder.callsTo('chat.postEphemeral');
    expect(ephemeral?.body).toMatchObject({ channel: 'C1', user: COORDINATOR });
    expect(String(ephemeral?.body.text)).toContain('2/5');
    expect((await community('C1'))?.story).toEqual(answers);

    const status = await send('slash_commands', slashCommand('status', { channel_id: 'C1' }));
    expect(slackText(status.payload)).toContain('Warm homes for every neighbour');
    expect(slackText(status.payload)).toContain('*Story*: 2/5');
  });

  it('acks an invalid submission with the modal’s field errors and changes nothing', async () => {
    const ack = await send('interactive', viewSubmission('story', { goal: 'x'.repeat(1001), vision: 'two\nlines' }, { channel: 'C1' }));
    expect(ack.payload?.response_action).toBe('errors');
    expect(Object.keys(ack.payload?.errors).sort()).toEqual(['goal', 'vision']);
    expect((await community('C1'))?.story).toMatchObject({ goal: 'Fix the heating', vision: 'Warm homes for every neighbour' });
  });

  it('handles a button click: the coach’s “write your story of self” opens its modal', async () => {
    const ack = await send('interactive', blockAction('story:open:self', { user: 'U5', channel: 'C1' }));
    expect(ack.payload).toEqual({});
    const [call] = t.recorder.callsTo('views.open');
    expect(JSON.parse(String(call?.body.view)).callback_id).toBe('story.self');
  });

  it('answers a slash command with missing fields with the friendly message, as the route does', async () => {
    const ack = await send('slash_commands', slackRequest('command=%2Fcommunity&text=status', 'application/x-www-form-urlencoded'));
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(slackText(ack.payload)).not.toBe('');
    expect(t.recorder.calls).toEqual([]);
  });

  it('welcomes a member who joined the home channel once, though Slack retried the event twice', async () => {
    const event = slackRequest(JSON.stringify({ ...joined, event: { ...joined.event, user: 'U7', channel: 'C1' } }), 'application/json');
    const payload = await envelopePayload(event);
    const acks = [];
    for (const retry of [0, 1, 2]) {
      acks.push(await slack.send('events_api', payload, retry ? { retry_attempt: retry, retry_reason: 'timeout' } : { retry_attempt: 0 }));
      await t.deps.idle();
    }
    expect(acks.map((a) => a.payload)).toEqual([{}, {}, {}]);
    const dms = t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'U7');
    expect(dms).toHaveLength(1);
    expect(String(dms[0]?.body.text)).toContain('Welcome to *Green Street Tenants*');
    const items = await allItems(t.db, t.tableName);
    expect(items.filter((i) => i.entity === 'Idempotency').map((i) => i.sk)).toEqual([`KEY#slack#T0001#event#${joined.event_id}`]);
    expect((await community('C1'))?.welcomedCount).toBe(1);
  });

  it('closes the connection when stopped, and does not reconnect', async () => {
    const closed = slack.closed;
    await socket?.stop();
    socket = undefined;
    await closed;
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.connections).toHaveLength(1);
    expect(t.recorder.callsTo('apps.connections.open')).toEqual([]);
  });
});
