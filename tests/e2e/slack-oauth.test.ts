import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeState } from '@organizer/slack';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { sender, slackText } from '../support/http.ts';
import { slackRequest, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

const STATE_SECRET = 'test-state-secret-of-some-length';
/** What Slack's oauth.v2.access answers for each code it handed out (one per workspace). */
const workspaces: Record<string, { team: string; name: string; token: string; bot: string }> = {
  'code-a': { team: 'TAAA', name: 'Green Street', token: 'xoxb-aaa-111', bot: 'BAAA' },
  'code-b': { team: 'TBBB', name: 'Harbour Club', token: 'xoxb-bbb-222', bot: 'BBBB' },
};

describe('Slack OAuth: many workspaces, each with its own token', () => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'organizer-oauth-'));
    t = await startTestApp('e2e-slack-oauth', {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: STATE_SECRET,
      PUBLIC_URL: 'https://organizer.example.org',
      DATA_DIR: dataDir,
    });
    t.recorder
      .on('oauth.v2.access', (call) => {
        const ws = workspaces[String(call.body.code)];
        if (!ws || call.body.client_secret !== 'client-secret') return { body: { ok: false, error: 'invalid_code' } };
        return {
          body: {
            ok: true,
            access_token: ws.token,
            token_type: 'bot',
            scope: 'commands,chat:write,users:read',
            bot_user_id: `U${ws.bot}`,
            app_id: 'A0APP',
            team: { id: ws.team, name: ws.name },
            enterprise: null,
            is_enterprise_install: false,
            authed_user: { id: 'UINSTALLER' },
          },
        };
      })
      .on('auth.test', (call) => {
        const ws = Object.values(workspaces).find((w) => call.headers.authorization === `Bearer ${w.token}`);
        return { body: ws ? { ok: true, team_id: ws.team, user_id: `U${ws.bot}`, bot_id: ws.bot } : { ok: false, error: 'invalid_auth' } };
      });
  });
  afterAll(() => t.stop());
  beforeEach(() => t.recorder.reset());

  const send = sender(() => t.app);
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(new Request(`http://localhost${path}`, { headers }));

  /** Opens the install page as a browser would: the Add to Slack link's state, and the cookie set with it. */
  async function startInstall() {
    const page = await get('/slack/install');
    const html = await page.text();
    const href = /id="add-to-slack" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    const link = new URL(href ?? '');
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { page, html, link, state: link.searchParams.get('state') ?? '', cookie };
  }
  const redirect = (code: string, state: string, cookie: string) =>
    get(`/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, { cookie });
  const installs = async () => (await allItems(t.db, t.tableName)).filter((i) => i.sk === 'INSTALL');

  it('shows an Add to Slack page whose link asks for our scopes and comes back to our redirect URL', async () => {
    const { page, link, cookie, html } = await startInstall();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('Add to Slack');
    expect(link.origin + link.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(link.searchParams.get('client_id')).toBe('1234.5678');
    expect(link.searchParams.get('redirect_uri')).toBe('https://organizer.example.org/slack/oauth_redirect');
    expect(link.searchParams.get('scope')?.split(',')).toEqual(expect.arrayContaining(['commands', 'chat:write']));
    expect(cookie).toMatch(/^organizer_slack_state=.+/);
    expect(page.headers.get('set-cookie')).toContain('HttpOnly');
    expect(page.headers.get('set-cookie')).toContain('Secure');
  });

  it('speaks the browser’s language', async () => {
    const html = await (await get('/slack/install', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' })).text();
    expect(html).toContain('Добавить в Slack');
    expect(html).toContain('lang="ru"');
  });

  it('installs two workspaces; each one’s calls carry its own token, which is encrypted at rest', async () => {
    for (const code of ['code-a', 'code-b']) {
      const { state, cookie } = await startInstall();
      const done = await redirect(code, state, cookie);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain(workspaces[code]?.name);
    }
    const access = t.recorder.callsTo('oauth.v2.access');
    expect(access.map((c) => c.body.code)).toEqual(['code-a', 'code-b']);
    expect(access[0]?.body.redirect_uri).toBe('https://organizer.example.org/slack/oauth_redirect');

    const rows = await installs();
    expect(rows.map((r) => r.pk).sort()).toEqual(['slack#TAAA', 'slack#TBBB']);
    for (const row of rows) {
      expect(row).toMatchObject({ entity: 'Installation', installerId: 'UINSTALLER' });
      expect(String(row.sealed)).toMatch(/^v1:local:/);
      expect(JSON.stringify(row)).not.toContain('xoxb-');
    }
    const keyFile = join(dataDir, 'token-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8').length).toBeGreaterThan(40);

    t.recorder.reset();
    await send(slashCommand('setup', { team_id: 'TAAA', channel_id: 'CA' }));
    await send(slashCommand('setup', { team_id: 'TBBB', channel_id: 'CB' }));
    const opens = t.recorder.callsTo('views.open');
    expect(opens.map((c) => c.headers.authorization)).toEqual(['Bearer xoxb-aaa-111', 'Bearer xoxb-bbb-222']);
  });

  it('refuses a forged, a replayed, an expired or another browser’s state, and exchanges nothing', async () => {
    const { state, cookie } = await startInstall();
    const [data, mac] = state.split('.');
    const forged = `${data}.${mac?.slice(0, -2)}xx`;
    const ours = makeState('someone-elses-secret', testClock.now());
    const expired = makeState(STATE_SECRET, new Date(testClock.now().getTime() - 11 * 60_000));
    for (const [s, c] of [
      [forged, cookie],
      [ours.state, `organizer_slack_state=${ours.nonce}`],
      [expired.state, `organizer_slack_state=${expired.nonce}`],
      [state, ''],
      [state, 'organizer_slack_state=not-this-one'],
      ['', cookie],
    ] as const) {
      const answer = await redirect('code-a', s, c);
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain('expired or was already used');
    }
    expect(t.recorder.callsTo('oauth.v2.access')).toEqual([]);

    // Good once; the same state again is a replay.
    expect((await redirect('code-a', state, cookie)).status).toBe(200);
    const replay = await redirect('code-a', state, cookie);
    expect(replay.status).toBe(400);
    expect(t.recorder.callsTo('oauth.v2.access')).toHaveLength(1);
  });

  it('tells the user when they cancelled, or when Slack refused the code, and stores nothing new', async () => {
    const before = await installs();
    const cancelled = await get('/slack/oauth_redirect?error=access_denied&state=x');
    expect(cancelled.status).toBe(200);
    expect(await cancelled.text()).toContain('cancelled');
    const { state, cookie } = await startInstall();
    const refused = await redirect('code-unknown', state, cookie);
    expect(refused.status).toBe(502);
    expect(await refused.text()).toContain('did not accept');
    expect(await installs()).toEqual(before);
  });

  it('an uninstalled workspace loses its token; the other keeps working; community data stays', async () => {
    await send(slashCommand('setup Green Street Tenants', { team_id: 'TAAA', channel_id: 'CA' }));
    const event = (type: string, id: string, extra: Record<string, unknown> = {}) =>
      slackRequest(
        JSON.stringify({
          token: 'x',
          team_id: 'TAAA',
          api_app_id: 'A0APP',
          type: 'event_callback',
          event_id: id,
          event_time: 1,
          event: { type, event_ts: '1.1', ...extra },
          authorizations: [{ enterprise_id: null, team_id: 'TAAA', user_id: 'UBAAA', is_bot: true, is_enterprise_install: false }],
        }),
        'application/json',
      );
    expect((await send(event('app_uninstalled', 'Ev-uninstall-1'))).status).toBe(200);
    expect((await installs()).map((r) => r.pk)).toEqual(['slack#TBBB']);
    const community = (await allItems(t.db, t.tableName)).filter((i) => i.pk === 'slack#TAAA' && i.sk === 'COMMUNITY#CA#META');
    expect(community).toHaveLength(1);

    t.recorder.reset();
    const gone = await send(slashCommand('setup', { team_id: 'TAAA', channel_id: 'CA2' }));
    expect(gone).toMatchObject({ status: 200, body: { response_type: 'ephemeral' } });
    expect(slackText(gone.body)).toContain('not installed in this workspace');
    await send(slashCommand('setup', { team_id: 'TBBB', channel_id: 'CB2' }));
    expect(t.recorder.callsTo('views.open').map((c) => c.headers.authorization)).toEqual(['Bearer xoxb-bbb-222']);

    const revocation = (id: string, tokens: unknown) =>
      slackRequest(
        JSON.stringify({
          token: 'x',
          team_id: 'TBBB',
          api_app_id: 'A0APP',
          type: 'event_callback',
          event_id: id,
          event_time: 1,
          event: { type: 'tokens_revoked', ...(tokens === undefined ? {} : { tokens }), event_ts: '1.2' },
          authorizations: [{ enterprise_id: null, team_id: 'TBBB', user_id: 'UBBBB', is_bot: true, is_enterprise_install: false }],
        }),
        'application/json',
      );
    // A revocation of user tokens only, or a signed but odd one, leaves the bot installed.
    for (const [id, tokens] of [
      ['Ev-revoked-users', { oauth: ['U1'] }],
      ['Ev-revoked-none', undefined],
      ['Ev-revoked-null', null],
    ] as const)
      expect((await send(revocation(id, tokens))).status, id).toBe(200);
    expect((await installs()).map((r) => r.pk)).toEqual(['slack#TBBB']);

    // tokens_revoked for the bot does the same for the other workspace.
    const revoked = revocation('Ev-revoked-1', { oauth: [], bot: ['UBBBB'] });
    expect((await send(revoked)).status).toBe(200);
    expect(await installs()).toEqual([]);
  });
});

describe('Slack OAuth: an organization-wide install', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-slack-oauth-org', {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: STATE_SECRET,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'organizer-oauth-org-')),
    });
    t.recorder
      .on('oauth.v2.access', () => ({
        body: {
          ok: true,
          access_token: 'xoxb-org-999',
          token_type: 'bot',
          scope: 'commands,chat:write',
          bot_user_id: 'UORGBOT',
          app_id: 'A0APP',
          team: null,
          enterprise: { id: 'E0001', name: 'Globular Construct Inc' },
          is_enterprise_install: true,
          authed_user: { id: 'UADMIN' },
        },
      }))
      .on('auth.test', () => ({ body: { ok: true, user_id: 'UORGBOT', bot_id: 'BORG' } }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);

  it('serves every workspace of the organization with its token, for requests and for later direct messages', async () => {
    const page = await t.app.request(new Request('http://organizer.test/slack/install'));
    const href = /id="add-to-slack" href="([^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, '&') ?? '';
    const link = new URL(href);
    // Without PUBLIC_URL the redirect is the address the page was reached on.
    expect(link.searchParams.get('redirect_uri')).toBe('http://organizer.test/slack/oauth_redirect');
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const back = await t.app.request(
      new Request(`http://organizer.test/slack/oauth_redirect?code=org&state=${encodeURIComponent(link.searchParams.get('state') ?? '')}`, {
        headers: { cookie },
      }),
    );
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('Globular Construct Inc');
    expect((await allItems(t.db, t.tableName)).filter((i) => i.sk === 'INSTALL').map((i) => i.pk)).toEqual(['slack#E0001']);

    // A workspace of the organization (the fixture's team T0001 in E0001) is served through it…
    t.recorder.reset();
    await send(slashCommand('setup Org Tenants', { channel_id: 'C1', user_id: 'U2147483697' }));
    await send(slashCommand('task <@U9> call the landlord', { channel_id: 'C1', user_id: 'U2147483697' }));
    // …and so is the direct message the worker sends later, found through the workspace's link to its organization.
    const dm = t.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === 'U9');
    expect(dm?.headers.authorization).toBe('Bearer xoxb-org-999');
    expect((await allItems(t.db, t.tableName)).find((i) => i.sk === 'INSTALL#ALIAS')).toMatchObject({ pk: 'slack#T0001', target: 'E0001' });
  });
});

describe('Slack install page in single-workspace mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-slack-oauth-off');
  });
  afterAll(() => t.stop());

  it('says installing here is not set up, and stores nothing', async () => {
    const page = await t.app.request(new Request('http://localhost/slack/install'));
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('runs for one workspace');
    const back = await t.app.request(new Request('http://localhost/slack/oauth_redirect?code=x&state=y'));
    expect(back.status).toBe(404);
    expect(t.recorder.calls).toEqual([]);
  });
});
