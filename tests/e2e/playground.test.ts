import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { startTestServer } from '../support/server.ts';
import { allItems } from '../support/table.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
type Signed = { url: string; headers: Record<string, string>; body: string };
const scene = { platform: 'slack', space: 'TPLAYGREEN', channel: 'CPLAYGENERAL', user: 'UPLAYBEN', locale: 'en' };

describe('playground endpoints', () => {
  // A real port: the app's outbound calls for playground tenants go to its own sandbox on that port.
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('e2e-playground');
  });
  afterAll(() => t.stop());

  const post = (path: string, body: unknown) => fetch(`${t.url}${path}`, json(body));
  const replay = async (signed: Signed) => fetch(`${t.url}${signed.url}`, { method: 'POST', headers: signed.headers, body: signed.body });

  it('serves the page in the browser’s language, with the playground’s workspaces', async () => {
    const page = await fetch(`${t.url}/`, { headers: { 'accept-language': 'ru,en;q=0.8' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Песочница Organizer');
    expect(html).toContain('TPLAYGREEN');
  });

  it('signs only the playground’s own workspaces, channels and people', async () => {
    for (const other of [
      { ...scene, space: 'T0001' },
      { ...scene, channel: 'C2147483705' },
      { ...scene, user: 'U2147483697' },
      { ...scene, platform: 'discord' },
      { ...scene, platform: 'teams' },
    ]) {
      const refused = await post('/playground/request', { scene: other, act: { kind: 'command', text: 'setup Forged' } });
      expect(refused.status).toBe(400);
    }
    expect((await post('/playground/request', { scene, act: { kind: 'dance' } })).status).toBe(400);
    // Odd shapes are refused too, never a 5xx.
    for (const odd of [
      null,
      [],
      { scene: null },
      { scene, act: { kind: 'submit', modal: 'x' } },
      { scene, act: { kind: 'click', actionId: 5 } },
      { scene: { ...scene, space: 42 }, act: { kind: 'command', text: 'help' } },
    ])
      expect((await post('/playground/request', odd)).status, JSON.stringify(odd)).toBe(400);
    const loose = await post('/playground/request', {
      scene,
      act: {
        kind: 'submit',
        modal: { callback_id: 'story', blocks: [null, { type: 'input', block_id: 'x', element: null }] },
        values: null,
      },
    });
    expect(loose.status).toBe(200);
    const garbage = await fetch(`${t.url}/playground/request`, { method: 'POST', body: '{' });
    expect(garbage.status).toBe(400);
    expect(await allItems(t.db, t.tableName)).toEqual([]);
  });

  it('a signed request runs through the real route, and its outbound calls reach the sandbox, not the platform', async () => {
    const signed = (await (await post('/playground/request', { scene, act: { kind: 'command', text: 'setup' } })).json()) as Signed;
    expect(signed.url).toBe('/slack/events');
    const answer = await replay(signed);
    expect(answer.status).toBe(200);
    const { calls } = (await (await fetch(`${t.url}/playground/calls?since=0`)).json()) as { calls: { method: string; body: any }[] };
    expect(calls.map((c) => c.method)).toContain('views.open');
    expect(calls.find((c) => c.method === 'views.open')?.body.view.callback_id).toBe('setup');
    // Nothing went to the configured Slack API (the recorder).
    expect(t.recorder.callsTo('views.open')).toEqual([]);

    // Replaying the same signed body with a changed team is refused: the signature covers it.
    const forged = { ...signed, body: signed.body.replace('TPLAYGREEN', 'T0001') };
    expect((await replay(forged)).status).toBe(401);
  });

  it('a modal sent back from the page cannot name another workspace', async () => {
    const modal = {
      callback_id: 'story',
      private_metadata: '{"channelId":"CPLAYGENERAL"}',
      app_installed_team_id: 'T0001',
      team_id: 'T0001',
      blocks: [],
    };
    const signed = (await (await post('/playground/request', { scene, act: { kind: 'submit', modal, values: {} } })).json()) as Signed;
    const payload = JSON.parse(new URLSearchParams(signed.body).get('payload') ?? '{}');
    expect(payload.team.id).toBe('TPLAYGREEN');
    expect(payload.view).toMatchObject({ team_id: 'TPLAYGREEN', app_installed_team_id: 'TPLAYGREEN', callback_id: 'story' });
  });

  it('Discord: typed words become the command’s options; the playground key is accepted', async () => {
    const discordScene = {
      platform: 'discord',
      space: '900000000000000001',
      channel: '900000000000000101',
      user: '900000000000001001',
      locale: 'ru',
    };
    const signed = (await (
      await post('/playground/request', { scene: discordScene, act: { kind: 'command', text: 'setup Жильцы Зелёной' } })
    ).json()) as Signed;
    const interaction = JSON.parse(signed.body);
    expect(interaction.data.options).toEqual([{ type: 1, name: 'setup', options: [{ type: 3, name: 'name', value: 'Жильцы Зелёной' }] }]);
    expect(interaction.locale).toBe('ru');
    const answer = await replay(signed);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as any).data.content).toContain('Жильцы Зелёной');
    expect(await allItems(t.db, t.tableName)).toEqual(
      expect.arrayContaining([expect.objectContaining({ pk: 'discord#900000000000000001', name: 'Жильцы Зелёной' })]),
    );
  });
});

describe('playground off', () => {
  for (const [label, env] of [
    ['PLAYGROUND=false', { PLAYGROUND: 'false' }],
    ['on AWS (a worker function)', { WORKER_FUNCTION_NAME: 'organizer-worker' }],
    ['on AWS (secrets in SSM)', { SECRETS_SSM_PREFIX: '/organizer/' }],
  ] as const) {
    it(`is not served: ${label}`, async () => {
      const t = await startTestApp('e2e-playground-off', env);
      try {
        expect((await t.app.request(new Request('http://localhost/'))).status).toBe(404);
        const signed = await t.app.request(
          new Request('http://localhost/playground/request', json({ scene, act: { kind: 'command', text: 'setup' } })),
        );
        expect(signed.status).toBe(404);
      } finally {
        await t.stop();
      }
    });
  }
});
