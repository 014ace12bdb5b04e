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

describe('playground sandbox and requests', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('e2e-playground-sandbox');
  });
  afterAll(() => t.stop());

  const post = (path: string, body: unknown) => fetch(`${t.url}${path}`, json(body));
  const sign = async (body: unknown) => {
    const answer = await post('/playground/request', body);
    return { status: answer.status, signed: answer.status === 200 ? ((await answer.json()) as Signed) : undefined };
  };
  const slackApi = async (method: string, body: unknown) => (await post(`/playground/api/slack/${method}`, body)).json() as Promise<any>;
  const discordApi = (verb: string, path: string, body?: unknown) =>
    fetch(`${t.url}/playground/api/discord${path}`, {
      method: verb,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const discordScene = {
    platform: 'discord',
    space: '900000000000000001',
    channel: '900000000000000101',
    user: '900000000000001002',
    locale: 'ru',
  };

  it('Slack slash text arrives escaped as with should_escape: a picked mention is <@U…|handle>, a typed name stays a word', async () => {
    const { signed } = await sign({
      scene,
      act: {
        kind: 'command',
        text: 'task Fix heating & <doors> for @Ben, not @Benny, in #general',
        mentions: ['UPLAYBEN', 'CPLAYGENERAL', 'UNKNOWN'],
      },
    });
    const text = new URLSearchParams(signed?.body).get('text');
    expect(text).toBe('task Fix heating &amp; &lt;doors&gt; for <@UPLAYBEN|ben>, not @Benny, in <#CPLAYGENERAL|general>');
    const { signed: unpicked } = await sign({ scene, act: { kind: 'command', text: 'assign @Ben treasurer' } });
    expect(new URLSearchParams(unpicked?.body).get('text')).toBe('assign @Ben treasurer');
  });

  it('Discord: a picked mention is sent as <@id>, which a user option takes as that person', async () => {
    const { signed } = await sign({
      scene: discordScene,
      act: { kind: 'command', text: 'assign @Ana treasurer', mentions: ['900000000000001001'] },
    });
    const options = JSON.parse(signed?.body ?? '{}').data.options[0].options;
    expect(options).toEqual(expect.arrayContaining([expect.objectContaining({ type: 6, value: '900000000000001001' })]));
  });

  it('users.list lists the workspace’s people with handle, display name and real name (and the bot as a bot)', async () => {
    const answer = await slackApi('users.list', { team_id: 'TPLAYGREEN' });
    expect(answer.ok).toBe(true);
    expect(answer.response_metadata.next_cursor).toBe('');
    const ben = answer.members.find((m: any) => m.id === 'UPLAYBEN');
    expect(ben).toMatchObject({
      name: 'ben',
      real_name: 'Ben',
      deleted: false,
      is_bot: false,
      profile: { display_name: 'Ben', real_name: 'Ben' },
    });
    expect(answer.members.filter((m: any) => !m.is_bot).map((m: any) => m.profile.display_name)).toEqual(['Ana', 'Ben', 'Chloé']);
    expect(answer.members.find((m: any) => m.is_bot)?.id).toBe('UPLAYBOT');
    expect((await slackApi('users.info', { user: 'UPLAYCHLOE' })).user.profile.display_name).toBe('Chloé');
  });

  it('Slack posts get increasing real-looking ts ids and their DM channel; history finds a post by its metadata; edits are recorded', async () => {
    const first = await slackApi('chat.postMessage', { channel: 'CPLAYGENERAL', text: 'one' });
    const second = await slackApi('chat.postMessage', {
      channel: 'CPLAYGENERAL',
      text: 'two',
      metadata: { event_type: 'organizer_delivery', event_payload: { key: 'k1' } },
    });
    expect(first).toMatchObject({ ok: true, channel: 'CPLAYGENERAL' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect((await slackApi('chat.postMessage', { channel: 'UPLAYBEN', text: 'dm' })).channel).toBe('DPLAYBEN');
    expect((await slackApi('conversations.open', { users: 'UPLAYBEN' })).channel.id).toBe('DPLAYBEN');
    // Several people share one group DM, whatever order they are named in.
    const group = (await slackApi('conversations.open', { users: 'UPLAYBEN,UPLAYANA,UPLAYCHLOE' })).channel.id;
    expect(group).toMatch(/^G[A-Z0-9]+$/);
    expect((await slackApi('conversations.open', { users: 'UPLAYCHLOE,UPLAYANA,UPLAYBEN' })).channel.id).toBe(group);
    expect((await slackApi('conversations.open', { users: 'UPLAYANA,UPLAYBEN' })).channel.id).not.toBe(group);
    const history = await slackApi('conversations.history', {
      channel: 'CPLAYGENERAL',
      oldest: '0',
      limit: 15,
      include_all_metadata: true,
    });
    expect(history.messages[0]).toMatchObject({ ts: second.ts, metadata: { event_payload: { key: 'k1' } } });

    await slackApi('chat.update', { channel: 'CPLAYGENERAL', ts: first.ts, text: 'one, edited' });
    await post(`/playground/api/slack/response_url?message=CPLAYGENERAL:${second.ts}`, { replace_original: true, text: 'two, replaced' });
    const { calls } = (await (await fetch(`${t.url}/playground/calls?since=0`)).json()) as { calls: any[] };
    expect(calls.find((c) => c.method === 'chat.postMessage' && c.body.text === 'one')?.answer).toMatchObject({
      ts: first.ts,
      channel: 'CPLAYGENERAL',
    });
    expect(calls.find((c) => c.method === 'chat.update')).toMatchObject({ body: { ts: first.ts, text: 'one, edited' } });
    expect(calls.find((c) => c.method === 'response_url')).toMatchObject({
      target: { channel: 'CPLAYGENERAL', ts: second.ts },
      body: { replace_original: true },
    });
  });

  it('Discord creates get snowflake ids (one id for a repeated nonce), edits keep the id, deletes answer 204, members can be searched', async () => {
    const create = async (nonce: string) =>
      (await (
        await discordApi('POST', '/channels/900000000000000101/messages', { content: 'hi', nonce, enforce_nonce: true })
      ).json()) as any;
    const a = await create('n1');
    expect(a.id).toMatch(/^\d{17,20}$/);
    expect(a.channel_id).toBe('900000000000000101');
    expect((await create('n1')).id).toBe(a.id);
    expect((await create('n2')).id).not.toBe(a.id);
    const edited = (await (await discordApi('PATCH', `/channels/900000000000000101/messages/${a.id}`, { content: 'hello' })).json()) as any;
    expect(edited).toMatchObject({ id: a.id, content: 'hello' });
    expect((await discordApi('DELETE', `/channels/900000000000000101/messages/${a.id}`)).status).toBe(204);
    expect(((await (await discordApi('POST', '/users/@me/channels', { recipient_id: '900000000000001002' })).json()) as any).id).toBe(
      '800000000000001002',
    );
    const found = (await (await discordApi('GET', '/guilds/900000000000000001/members/search?query=be&limit=5')).json()) as any[];
    expect(found.map((m) => m.user.global_name)).toEqual(['Ben']);
  });

  it('a click carries the message’s id and channel; a DM click is shaped as a DM; no other place is signed', async () => {
    const click = { kind: 'click', actionId: 'story:reflect:us|CPLAYGENERAL', messageId: '1764590000.000123', channelId: 'CPLAYORGANIZE' };
    const payload = JSON.parse(new URLSearchParams((await sign({ scene, act: click })).signed?.body).get('payload') ?? '{}');
    expect(payload.container).toEqual({
      type: 'message',
      message_ts: '1764590000.000123',
      channel_id: 'CPLAYORGANIZE',
      is_ephemeral: false,
    });
    expect(payload.message.ts).toBe('1764590000.000123');
    expect(payload.channel.id).toBe('CPLAYORGANIZE');
    expect(new URL(payload.response_url).searchParams.get('message')).toBe('CPLAYORGANIZE:1764590000.000123');

    const ephemeral = JSON.parse(
      new URLSearchParams((await sign({ scene, act: { ...click, ephemeral: true } })).signed?.body).get('payload') ?? '{}',
    );
    expect(ephemeral.container.is_ephemeral).toBe(true);
    expect(ephemeral.message).toBeUndefined();

    const inDm = JSON.parse(
      new URLSearchParams((await sign({ scene, act: { ...click, channelId: 'DPLAYBEN' } })).signed?.body).get('payload') ?? '{}',
    );
    expect(inDm.container.channel_id).toBe('DPLAYBEN');
    // Someone else's DM, a channel of another workspace, or anything else is refused.
    for (const channelId of ['DPLAYANA', 'CPLAYDOCKS', 'C2147483705'])
      expect((await sign({ scene, act: { ...click, channelId } })).status).toBe(400);

    const discordClick = {
      kind: 'click',
      actionId: 'offer:accept:900000000000000001:c:o',
      messageId: '1200000000000000001',
      channelId: '800000000000001002',
    };
    const interaction = JSON.parse((await sign({ scene: discordScene, act: discordClick })).signed?.body ?? '{}');
    expect(interaction.guild_id).toBeUndefined();
    expect(interaction.member).toBeUndefined();
    expect(interaction).toMatchObject({
      type: 3,
      locale: 'ru',
      channel_id: '800000000000001002',
      user: { id: '900000000000001002' },
      message: { id: '1200000000000000001' },
    });
    const inGuild = JSON.parse(
      (await sign({ scene: discordScene, act: { ...discordClick, channelId: '900000000000000102' } })).signed?.body ?? '{}',
    );
    expect(inGuild).toMatchObject({
      guild_id: '900000000000000001',
      channel_id: '900000000000000102',
      message: { id: '1200000000000000001', channel_id: '900000000000000102' },
    });
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
