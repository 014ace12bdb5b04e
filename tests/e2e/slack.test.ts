import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import eventCallback from '../fixtures/slack/event-callback.json' with { type: 'json' };
import urlVerification from '../fixtures/slack/url-verification.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { sender } from '../support/http.ts';
import { slackRequest, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

describe('Slack /community end to end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-slack');
  });
  afterAll(() => t.stop());
  beforeEach(() => t.recorder.reset());

  const send = sender(() => t.app);
  const textOf = (body: { text?: string; blocks?: { text?: { text?: string } }[] }) =>
    [body.text ?? '', ...(body.blocks ?? []).map((b) => b.text?.text ?? '')].join('\n');

  it('answers Slack’s URL handshake with the challenge and the certificate check with 200', async () => {
    const body = JSON.stringify(urlVerification);
    expect(await send(slackRequest(body, 'application/json'))).toEqual({ status: 200, body: { challenge: urlVerification.challenge } });
    const ssl = await send(slackRequest('ssl_check=1&token=x', 'application/x-www-form-urlencoded'));
    expect(ssl.status).toBe(200);
  });

  it('refuses unsigned, wrongly signed and stale requests with 401 and writes nothing', async () => {
    const unsigned = new Request('http://localhost/slack/events', { method: 'POST', body: 'command=%2Fcommunity&text=setup+X' });
    expect((await t.app.request(unsigned)).status).toBe(401);
    expect((await send(slashCommand('setup Forged', {}, { secret: 'wrong' }))).status).toBe(401);
    const old = testClock.seconds() - 6 * 60;
    expect((await send(slashCommand('setup Stale', {}, { timestamp: old }))).status).toBe(401);
    expect(await allItems(t.db, t.tableName)).toEqual([]);
    expect(t.recorder.calls).toEqual([]);
  });

  it('shows the help, ephemeral, for help and for unknown subcommands', async () => {
    const help = await send(slashCommand('help'));
    expect(help.body.response_type).toBe('ephemeral');
    expect(textOf(help.body)).toContain('/community');
    const unknown = await send(slashCommand('dance'));
    expect(unknown.body.response_type).toBe('ephemeral');
    expect(textOf(unknown.body)).toContain('`dance`');
  });

  it('sets up a community in the channel, then shows its status with all seven stages', async () => {
    const setup = await send(slashCommand('setup Green Street Tenants', { channel_id: 'C1' }));
    expect(setup.status).toBe(200);
    expect(setup.body.response_type).toBe('in_channel');
    expect(textOf(setup.body)).toContain('Green Street Tenants');
    const items = await allItems(t.db, t.tableName);
    // The community, and the interaction's record (claimed before it ran, holding the answer a repeat gets).
    expect(items).toEqual([
      expect.objectContaining({ pk: 'slack#T0001', sk: 'COMMUNITY#C1#META', name: 'Green Street Tenants', coordinatorId: 'U2147483697' }),
      expect.objectContaining({ pk: expect.stringMatching(/^slack#T0001#INTERACTION#/), entity: 'Interaction', state: 'done' }),
    ]);

    const status = await send(slashCommand('status', { channel_id: 'C1' }));
    expect(status.body.response_type).toBe('ephemeral');
    const text = textOf(status.body);
    expect(text).toContain('Green Street Tenants');
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

  it('refuses a second setup in the same channel without overwriting', async () => {
    const again = await send(slashCommand('setup Impostors', { channel_id: 'C1', user_id: 'U999' }));
    expect(again.body.response_type).toBe('ephemeral');
    expect(textOf(again.body)).toContain('already has a community');
    const items = await allItems(t.db, t.tableName);
    expect(items.filter((i) => i.entity === 'Community')).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: 'Green Street Tenants', coordinatorId: 'U2147483697' });
  });

  it('opens the setup modal through views.open when no name is given', async () => {
    const res = await send(slashCommand('setup', { channel_id: 'C7' }));
    expect(res).toEqual({ status: 200, body: undefined });
    const [call] = t.recorder.callsTo('views.open');
    expect(call?.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(call?.body.trigger_id).toMatch(/^\d+\.738474920\.[0-9a-f]+$/);
    const view = JSON.parse(String(call?.body.view));
    expect(view).toMatchObject({ type: 'modal', callback_id: 'setup', private_metadata: JSON.stringify({ channelId: 'C7' }) });
    // The timezone field too (prefilled from the Slack profile when it names a zone: see language.test.ts).
    expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['name', 'goal', 'zone']);
  });

  it('creates the community from the setup modal and announces it in the channel', async () => {
    const res = await send(viewSubmission('setup', { name: 'Riverside Volunteers', goal: 'Clean the river banks' }, { channel: 'C7' }));
    expect(res.status).toBe(200);
    const [post] = t.recorder.callsTo('chat.postMessage');
    expect(post?.body.channel).toBe('C7');
    expect(String(post?.body.text)).toContain('Riverside Volunteers');
    const items = await allItems(t.db, t.tableName);
    expect(items.find((i) => i.sk === 'COMMUNITY#C7#META')).toMatchObject({ name: 'Riverside Volunteers', goal: 'Clean the river banks' });
  });

  it('keeps the setup modal open with a field error when the name is missing', async () => {
    const res = await send(viewSubmission('setup', { name: '  ', goal: '' }, { channel: 'C8' }));
    expect(res.body).toMatchObject({ response_action: 'errors', errors: { name: expect.stringContaining('name') } });
    expect((await allItems(t.db, t.tableName)).some((i) => String(i.sk).startsWith('COMMUNITY#C8#'))).toBe(false);
  });

  it('opens the story modal for the coordinator and saves the answers, updating Story progress', async () => {
    await send(slashCommand('story questions', { channel_id: 'C1' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('story');
    expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['goal', 'who', 'how', 'when', 'vision']);

    const answers = {
      goal: 'Fix the heating',
      who: 'Tenants of 12 Green St',
      how: 'Together, by asking the landlord',
      when: 'By March 2027',
      vision: 'Warm homes for every neighbour',
    };
    const saved = await send(viewSubmission('story', answers, { channel: 'C1' }));
    expect(saved.status).toBe(200);
    const [ephemeral] = t.recorder.callsTo('chat.postEphemeral');
    expect(ephemeral?.body).toMatchObject({ channel: 'C1', user: 'U2147483697' });
    expect(String(ephemeral?.body.text)).toContain('2/5');
    const community = (await allItems(t.db, t.tableName)).find((i) => i.sk === 'COMMUNITY#C1#META');
    expect(community?.story).toEqual(answers);

    const status = await send(slashCommand('status', { channel_id: 'C1' }));
    expect(textOf(status.body)).toContain('Warm homes for every neighbour');
    expect(textOf(status.body)).toContain('*Story*: 2/5');
  });

  it('refuses the story to a member who is not a leader, asking Slack whether they are an admin', async () => {
    const res = await send(slashCommand('story questions', { channel_id: 'C1', user_id: 'U555' }));
    expect(res.body.response_type).toBe('ephemeral');
    expect(textOf(res.body)).toContain('Only leaders');
    expect(t.recorder.callsTo('users.info')[0]?.body.user).toBe('U555');
    expect(t.recorder.callsTo('views.open')).toEqual([]);
  });

  it('lets a workspace admin open the story', async () => {
    await send(slashCommand('story questions', { channel_id: 'C1', user_id: 'UADMIN' }));
    expect(t.recorder.callsTo('views.open')).toHaveLength(1);
  });

  it('refuses story answers over the limit field by field and changes nothing', async () => {
    const res = await send(viewSubmission('story', { goal: 'x'.repeat(1001), vision: 'two\nlines' }, { channel: 'C1' }));
    expect(res.body.response_action).toBe('errors');
    expect(Object.keys(res.body.errors).sort()).toEqual(['goal', 'vision']);
    const community = (await allItems(t.db, t.tableName)).find((i) => i.sk === 'COMMUNITY#C1#META');
    expect((community?.story as { goal?: string } | undefined)?.goal).toBe('Fix the heating');
  });

  it('switches the community to Russian with lang ru and answers status in Russian', async () => {
    const res = await send(slashCommand('lang ru', { channel_id: 'C1' }));
    expect(textOf(res.body)).toContain('по-русски');
    const status = await send(slashCommand('status', { channel_id: 'C1' }));
    expect(textOf(status.body)).toContain('История');
    const bad = await send(slashCommand('lang fr', { channel_id: 'C1' }));
    expect(textOf(bad.body)).toContain('`en`');
  });

  it('acts on the workspace’s only community elsewhere, and lists home channels when there are several', async () => {
    const other = await send(slashCommand('status', { channel_id: 'C5', team_id: 'T0002' }));
    expect(textOf(other.body)).toContain('no community here');
    const many = await send(slashCommand('status', { channel_id: 'C99' }));
    expect(textOf(many.body)).toMatch(/<#C1>.*<#C7>/);
  });

  it('never lets another workspace see the community', async () => {
    const res = await send(slashCommand('status', { channel_id: 'C1', team_id: 'T0002' }));
    expect(textOf(res.body)).not.toContain('Green Street');
    const items = await allItems(t.db, t.tableName);
    expect(items.every((i) => String(i.pk).startsWith('slack#T0001'))).toBe(true);
  });

  it('processes an Events API delivery once, even when Slack retries it', async () => {
    const body = JSON.stringify(eventCallback);
    expect((await send(slackRequest(body, 'application/json'))).status).toBe(200);
    expect(
      (
        await send(
          slackRequest(body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
        )
      ).status,
    ).toBe(200);
    const claims = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Idempotency');
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ sk: 'KEY#slack#T0001#event#Ev0PV52K21' });
  });

  it('answers signed garbage with 4xx or a friendly message, never 5xx', async () => {
    const bodies: [string, string][] = [
      ['not json at all', 'application/json'],
      ['[]', 'application/json'],
      ['{"type":"event_callback"}', 'application/json'],
      ['', 'application/x-www-form-urlencoded'],
      ['payload=%7Bbroken', 'application/x-www-form-urlencoded'],
      ['payload=%7B%22type%22%3A%22view_submission%22%7D', 'application/x-www-form-urlencoded'],
      ['payload=%7B%22type%22%3A%22block_actions%22%2C%22team%22%3A%7B%22id%22%3A%22T0001%22%7D%7D', 'application/x-www-form-urlencoded'],
      ['command=%2Fcommunity&text=status', 'application/x-www-form-urlencoded'],
      ['command=%2Fcommunity&text=setup&team_id=T0001&channel_id=C3&user_id=U1', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, type] of bodies) {
      const res = await t.app.request(slackRequest(body, type));
      expect(res.status, body).toBeLessThan(500);
    }
  });
});
