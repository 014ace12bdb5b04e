import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { sender, slackText } from '../support/http.ts';
import { slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });

describe('the outbox across a restart: what was decided before it goes out after it, once', () => {
  let before: TestApp;
  let after: TestApp | undefined;
  beforeAll(async () => {
    before = await startTestApp('e2e-outbox-restart');
    // The platform is down while the first process runs.
    before.recorder.on('chat.postMessage', () => ({ status: 503, body: 'unavailable' }));
  });
  afterAll(async () => {
    await before.stop();
    await after?.stop();
  });

  it('keeps a DM the platform refused in the table, and a new process delivers it once when its retry is due', async () => {
    const send = sender(() => before.app);
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    const asked = await send(slashCommand('task <@U2|ben> Book the hall', as(COORDINATOR)));
    expect(slackText(asked.body)).toContain('Asked <@U2>');
    const outbox = async () => (await allItems(before.db, before.tableName)).filter((i) => i.entity === 'Outbox');
    expect(await outbox()).toEqual([expect.objectContaining({ attempts: 1, lastError: expect.any(String) })]);
    expect(before.recorder.callsTo('chat.postMessage').every((c) => c.body.channel === 'U2')).toBe(true);

    // The first process is gone; a new one starts on the same table with the platform back.
    await before.stop();
    after = await startTestApp('e2e-outbox-restart', {}, before);
    after.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: '1700000000.000100' } }));
    await after.deps.wakeOutbox();
    expect(after.recorder.callsTo('chat.postMessage')).toEqual([]);
    testClock.advance(60_000);
    await after.deps.wakeOutbox();
    const dms = after.recorder.callsTo('chat.postMessage');
    expect(dms.map((c) => c.body.channel)).toEqual(['U2']);
    expect(String(dms[0]?.body.text)).toContain('Book the hall');
    expect(await outbox()).toEqual([]);
    testClock.advance(3_600_000);
    await after.deps.wakeOutbox();
    expect(after.recorder.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
