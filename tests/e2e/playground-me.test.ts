import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Signed = { url: string; headers: Record<string, string>; body: string };
type Call = { method: string; body: any };

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const slackScene = { platform: 'slack', space: 'TPLAYGREEN', channel: 'CPLAYGENERAL', user: 'UPLAYBEN', locale: 'en' };
const discordScene = {
  platform: 'discord',
  space: '900000000000000001',
  channel: '900000000000000101',
  user: '900000000000001001',
  locale: 'en',
};

/**
 * `/community me` in the playground: answered at once, then drawn by the in-process worker and sent where
 * the platform would take it, the playground's own sandbox (Slack's response_url, Discord's @original edit).
 */
describe('playground: /community me answered later', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('e2e-playground-me');
  });
  afterAll(() => t.stop());

  const run = async (scene: unknown, text: string) => {
    const signed = (await (await fetch(`${t.url}/playground/request`, json({ scene, act: { kind: 'command', text } }))).json()) as Signed;
    const answer = await fetch(`${t.url}${signed.url}`, { method: 'POST', headers: signed.headers, body: signed.body });
    return { signed, answer: (await answer.json()) as any };
  };
  /** The sandbox's calls, waited for until one matches (the worker runs just after the answer). */
  const callMatching = async (match: (call: Call) => boolean): Promise<Call | undefined> => {
    for (let tries = 0; tries < 50; tries++) {
      const { calls } = (await (await fetch(`${t.url}/playground/calls?since=0`)).json()) as { calls: Call[] };
      const found = calls.find(match);
      if (found) return found;
      await new Promise((done) => setTimeout(done, 100));
    }
    return undefined;
  };

  it('Slack: "Drawing your view…" at once, then the view replaces it through the response_url', async () => {
    await run(slackScene, 'setup Green Street');
    const { answer } = await run(slackScene, 'me');
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: 'Drawing your view…' });
    const posted = await callMatching((c) => c.method === 'response_url' && JSON.stringify(c.body).includes('Green Street'));
    expect(posted?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
  });

  it('Discord: "thinking…" (deferred, ephemeral), then that answer edited with the view', async () => {
    await run(discordScene, 'setup Riverside');
    const { signed, answer } = await run(discordScene, 'me home');
    expect(answer).toEqual({ type: 5, data: { flags: 64 } });
    const { token, application_id } = JSON.parse(signed.body);
    const edited = await callMatching((c) => c.method === `PATCH /webhooks/${application_id}/${token}/messages/@original`);
    expect(JSON.stringify(edited?.body)).toContain('Riverside');
  });
});
