import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand, discordGroupCommand } from '../support/discord.ts';
import { itemsOf } from '../support/faults.ts';
import { slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const GUILD_USER = '444444444444444444';
const ORIGINAL = (token: string) => `/discord/api/v10/webhooks/111111111111111111/${token}/messages/@original`;
const MINUTE = 60_000;

/**
 * `/community me` answered later, at the edges: the interaction's token or url lives only in the outbox
 * job; an expired one is dropped after one refusal (not retried for hours); a job that waited past the
 * target's life is dropped without a call; a response_url on another host is never posted to.
 */
describe('/community me answered later: targets that expire or point elsewhere', () => {
  let t: TestApp;
  const outbox = () => itemsOf(t.db, t.tableName, 'Outbox');
  beforeAll(async () => {
    t = await startTestApp('e2e-me-later');
    await t.app.request(discordCommand('setup', { name: 'Riverside' }));
    await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: 'U1' }));
  });
  afterAll(() => t.stop());

  it('keeps the interaction token in no row once the answer is delivered', async () => {
    const request = discordGroupCommand('me', 'home', {}, { user: GUILD_USER });
    const { token } = (await request.clone().json()) as { token: string };
    const ack = await t.app.request(request);
    expect(await ack.json()).toEqual({ type: 5, data: { flags: 64 } });
    expect(t.recorder.calls.filter((c) => c.path === ORIGINAL(token))).toHaveLength(1);
    expect(JSON.stringify(await allItems(t.db, t.tableName))).not.toContain(token);
  });

  it('drops a Discord answer whose token expired (404 Unknown Webhook) after one try, and keeps nothing', async () => {
    const request = discordGroupCommand('me', 'home', {}, { user: GUILD_USER });
    const { token } = (await request.clone().json()) as { token: string };
    t.recorder.on(`${token}/messages/@original`, () => ({ status: 404, body: { message: 'Unknown Webhook', code: 10015 } }));
    await t.app.request(request);
    expect(t.recorder.calls.filter((c) => c.path === ORIGINAL(token))).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  it('drops a Slack answer whose response_url expired (404 expired_url) after one try', async () => {
    const path = '/commands/T0001/expired/hook';
    t.recorder.on(path, () => ({ status: 404, body: 'expired_url' }));
    const ack = await t.app.request(slashCommand('me', { channel_id: 'C1', user_id: 'U1', response_url: `${t.recorder.url}${path}` }));
    expect(((await ack.json()) as { text: string }).text).toBe('Drawing your view…');
    expect(t.recorder.calls.filter((c) => c.path === path)).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  it('tries again after a passing failure, and drops the answer unsent once the token’s 15 minutes are over', async () => {
    const request = discordGroupCommand('me', 'home', {}, { user: GUILD_USER });
    const { token } = (await request.clone().json()) as { token: string };
    t.recorder.on(`${token}/messages/@original`, () => ({ status: 503, body: { message: 'unavailable' } }));
    await t.app.request(request);
    const [waiting] = await outbox();
    expect(JSON.parse(waiting.job).kind).toBe('answer');
    // What the failure says names the status only, never the token.
    expect(waiting.lastError).toBe('Discord answer edit → 503');
    // Ready again after its first wait, but by then the token is past its life: dropped without a call.
    testClock.advance(16 * MINUTE);
    await t.deps.idle();
    expect(t.recorder.calls.filter((c) => c.path === ORIGINAL(token))).toHaveLength(1);
    expect(await outbox()).toEqual([]);
  });

  it('never posts to a response_url outside Slack or the configured API, and keeps nothing', async () => {
    const before = t.recorder.calls.length;
    const ack = await t.app.request(
      slashCommand('me', { channel_id: 'C1', user_id: 'U1', response_url: 'https://hooks.slack.com.evil.example/commands/T0001/1/x' }),
    );
    expect(ack.status).toBe(200);
    expect(t.recorder.calls.slice(before).filter((c) => c.path.includes('/commands/'))).toEqual([]);
    expect(await outbox()).toEqual([]);
  });
});
