import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand, viewSubmission } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';

describe('standup now, asked twice in a day', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-standup-now');
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: '1700000000.000100' } }));
    await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
    await t.app.request(
      viewSubmission(
        'standup',
        { name: 'Daily', when: 'daily 09:00 UTC', questions: 'Done?\nNext?' },
        { user: COORDINATOR, channel: 'C1', selects: { participants: 'optin', delivery: 'channel' } },
      ),
    );
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);

  it('posts once, and the second time says where today’s already is', async () => {
    t.recorder.reset();
    const first = await send(slashCommand('standup now', { channel_id: 'C1', user_id: COORDINATOR }));
    expect(slackText(first.body)).toContain('Posting *Daily* now');
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1')).toHaveLength(1);

    const second = await send(slashCommand('standup now', { channel_id: 'C1', user_id: COORDINATOR }));
    expect(second.body.response_type).toBe('ephemeral');
    expect(slackText(second.body)).toContain('already went out today in <#C1>');
    expect(t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1')).toHaveLength(1);
  });
});
