import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import actionsFixture from '../fixtures/slack/block-actions.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import {
  discordCommand,
  discordComponent,
  discordDmComponent,
  discordGroupCommand,
  discordModalSubmit,
  discordRequest,
} from '../support/discord.ts';
import { itemsOf } from '../support/faults.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, newTriggerId, slackRequest, slashCommand, viewSubmission } from '../support/slack.ts';
import { stateItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const FORM = 'application/x-www-form-urlencoded';
const COORDINATOR = 'U2147483697';
const MEMBER = 'U2';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const GUILD = '555555555555555555';
const CHANNEL = '222222222222222222';
const LEAD = '333333333333333333';
const MARIA = '444444444444444444';

const slackButtons = (body: any): string[] =>
  (body?.blocks ?? []).filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements.map((e: any) => e.action_id));
const discordButtons = (body: any): string[] =>
  (body?.data?.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));
const discordText = (body: any): string =>
  [body?.data?.content ?? '', ...(body?.data?.embeds ?? []).map((e: any) => e.description ?? '')].join('\n');

/** The JSON a signed Discord request carries (its interaction token, to find the edit of its answer). */
const interactionOf = async (request: Request): Promise<any> => request.clone().json();
const ORIGINAL = (token: string) => `/discord/api/v10/webhooks/111111111111111111/${token}/messages/@original`;

/** `/community me home` typed in a direct message with the app: no guild, a `user` instead of a `member`. */
function discordDmCommand(user: string): Request {
  const id = String(2_000_000_000_000_000_000n + BigInt(testClock.seconds()));
  return discordRequest(
    JSON.stringify({
      type: 2,
      id,
      application_id: '111111111111111111',
      token: `token-${id}`,
      version: 1,
      channel_id: '999',
      channel: { id: '999', type: 1 },
      context: 1,
      locale: 'ru',
      user: { id: user, username: 'maria' },
      data: {
        id: '444444444444444440',
        name: 'community',
        type: 1,
        options: [{ type: 2, name: 'me', options: [{ type: 1, name: 'home' }] }],
      },
    }),
  );
}

describe('/community me: one’s Home as an ephemeral answer, with the usual buttons', () => {
  let t: TestApp;
  let nextMessage = 900000000000000000n;
  const send = sender(() => t.app);
  const tasks = () => itemsOf(t.db, t.tableName, 'Task');
  let hooks = 0;
  /**
   * Slack's `/community me`: the command is acknowledged at once with a short ephemeral line, and the view
   * the worker drew reaches the command's response_url (on the recorder), replacing that line.
   */
  const slackMe = async (over: Record<string, string>, text = 'me') => {
    const path = `/commands/${over.team_id ?? 'T0001'}/me-${++hooks}/hook`;
    const ack = await send(slashCommand(text, { ...over, response_url: `${t.recorder.url}${path}` }));
    const posts = t.recorder.calls.filter((c) => c.path === path);
    return { ack, posts, view: posts[0]?.body as any };
  };
  /** Discord's `me home`: answered "thinking…" (type 5, ephemeral), then that answer edited by the worker. */
  const discordMe = async (user: string) => {
    const request = discordGroupCommand('me', 'home', {}, { user });
    const { token } = await interactionOf(request);
    const ack = await send(request);
    const edits = t.recorder.calls.filter((c) => c.path === ORIGINAL(token));
    return { ack, edits, token, view: { data: edits[0]?.body as any } };
  };
  beforeAll(async () => {
    t = await startTestApp('e2e-me-view');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }))
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }));
  });
  afterAll(() => t.stop());

  describe('Slack: bare /community me', () => {
    beforeAll(async () => {
      await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
      await send(slashCommand(`task <@${MEMBER}|maria> Print the flyers by friday`, as(COORDINATOR)));
      await send(slashCommand(`task <@${MEMBER}|maria> Call the landlord`, as(COORDINATOR)));
      const printing = (await tasks()).find((task) => task.title === 'Print the flyers');
      await send(blockAction(`task:accept:T0001:C1:${printing.id}`, { user: MEMBER, channel: 'D2' }));
      await send(
        viewSubmission(
          'standup',
          { name: 'Daily', when: 'daily 09:00 UTC', questions: 'Done?\nNext?' },
          { user: COORDINATOR, channel: 'C1', selects: { participants: 'optin', delivery: 'channel' } },
        ),
      );
      await send(slashCommand('standup join', as(MEMBER)));
      await send(slashCommand('standup now', as(COORDINATOR)));
    });

    it('shows a member their open task, the offer waiting for them and today’s stand-up, ephemerally, with their buttons', async () => {
      const { ack, posts, view } = await slackMe(as(MEMBER));
      expect(ack.status).toBe(200);
      expect(ack.body.response_type).toBe('ephemeral');
      expect(ack.body.text).toBe('Drawing your view…');
      // Drawn once by the worker, posted once to the response_url, ephemeral, in place of the acknowledgement.
      expect(posts).toHaveLength(1);
      expect(posts[0]?.method).toBe('POST');
      expect(view).toMatchObject({ response_type: 'ephemeral', replace_original: true });
      expect(view.blocks.length).toBeLessThanOrEqual(50);
      const res = { body: view };
      const text = slackText(res.body);
      expect(text).toContain('Green Street Tenants');
      expect(text).toMatch(/\d\. 🟢 \*Print the flyers\*/);
      expect(text).toContain('<@U2147483697> asks you to take *Call the landlord*');
      expect(text).toContain('*Daily* is open');
      expect(text).not.toContain('For leaders');
      const [printing, calling] = await Promise.all(
        ['Print the flyers', 'Call the landlord'].map(async (title) => (await tasks()).find((task) => task.title === title)),
      );
      const [run] = await itemsOf(t.db, t.tableName, 'StandupRun');
      expect(slackButtons(res.body)).toEqual(
        expect.arrayContaining([
          `task:done:T0001:C1:${printing.id}`,
          `task:handBack:T0001:C1:${printing.id}`,
          `task:accept:T0001:C1:${calling.id}`,
          `task:decline:T0001:C1:${calling.id}`,
          `standup:answer:T0001:C1:${run.id}`,
        ]),
      );
      // The other `me` words still do what they did.
      expect(slackText((await send(slashCommand('me calendar', as(MEMBER)))).body)).toContain('Calendar feeds');
      expect(slackText((await send(slashCommand('help', as(MEMBER)))).body)).toContain('`me` what is yours to do');
    });

    it('Done from that answer marks the task done and says so, once however often Slack sends the click', async () => {
      const printing = (await tasks()).find((task) => task.title === 'Print the flyers');
      const url = `${t.recorder.url}/actions/T0001/4242/hook`;
      // A button on an ephemeral message: Slack sends its response_url and no message.
      const payload = structuredClone(actionsFixture) as Record<string, any>;
      payload.trigger_id = newTriggerId();
      payload.actions[0].action_id = `task:done:T0001:C1:${printing.id}`;
      payload.actions[0].value = payload.actions[0].action_id;
      payload.user.id = MEMBER;
      payload.channel.id = 'C1';
      payload.container = { type: 'message', message_ts: '1548261231.000300', channel_id: 'C1', is_ephemeral: true };
      delete payload.message;
      payload.response_url = url;
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const click = await send(slackRequest(body, FORM));
      expect(click.status).toBe(200);
      expect((await tasks()).find((task) => task.id === printing.id).status).toBe('done');
      const answers = [
        slackText(click.body ?? {}),
        ...t.recorder.calls
          .filter((c) => c.path === new URL(url).pathname || c.path.endsWith('chat.postEphemeral'))
          .map((c) => JSON.stringify(c.body)),
      ].join('\n');
      expect(answers).toContain('Print the flyers');
      const doneBefore = (await tasks()).filter((task) => task.status === 'done').length;
      await send(slackRequest(body, FORM, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }));
      expect((await tasks()).filter((task) => task.status === 'done')).toHaveLength(doneBefore);
      // The view drawn again no longer offers Done for it.
      expect(slackButtons((await slackMe(as(MEMBER))).view)).not.toContain(`task:done:T0001:C1:${printing.id}`);
    });

    it('adds the seven-stage board and roles without a lead for the coordinator, in Russian when they chose it', async () => {
      await send(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
      const en = slackText((await slackMe(as(COORDINATOR))).view);
      expect(en).toContain('For leaders');
      expect(en).toContain('where we are');
      expect(en).toMatch(/Roles without a lead:\* .*Outreach/);
      await send(slashCommand('me lang ru', as(COORDINATOR)));
      const ru = await slackMe(as(COORDINATOR));
      expect(ru.ack.body.text).toBe('Собираю вашу сводку…');
      expect(ru.view.response_type).toBe('ephemeral');
      expect(slackText(ru.view)).toContain('Для лидеров');
    });

    it('shows each of the workspace’s communities under its own heading outside them, only the channel’s own inside one', async () => {
      const at = (channel: string) => ({ channel_id: channel, user_id: 'U5', team_id: 'T0002' });
      await send(slashCommand('setup North Tenants', at('C5')));
      await send(slashCommand('setup South Tenants', at('C6')));
      const fromDm = { body: (await slackMe(at('D5'))).view };
      expect(fromDm.body.response_type).toBe('ephemeral');
      // Each community's own heading (the coordinator's board has headings of its own).
      const homes = (body: any) =>
        body.blocks.filter((b: any) => b.type === 'header' && b.text.text.startsWith('🏠')).map((b: any) => b.text.text);
      const headers = homes(fromDm.body);
      expect(headers).toEqual(['🏠 North Tenants', '🏠 South Tenants']);
      expect(fromDm.body.blocks.some((b: any) => b.type === 'divider')).toBe(true);
      const inside = { body: (await slackMe(at('C6'))).view };
      expect(homes(inside.body)).toEqual(['🏠 South Tenants']);
    });

    it('tells someone in a workspace with no community how to start one, changing nothing', async () => {
      const before = await stateItems(t.db, t.tableName);
      const { ack: res, posts } = await slackMe({ channel_id: 'C7', user_id: 'U7', team_id: 'T0404' });
      expect(res.body.response_type).toBe('ephemeral');
      expect(slackText(res.body)).toContain('There is no community here yet');
      // Said at once: nothing handed to the worker, nothing posted later.
      expect(posts).toEqual([]);
      expect(await stateItems(t.db, t.tableName)).toEqual(before);
    });
  });

  describe('Discord: /community me home', () => {
    beforeAll(async () => {
      await send(discordCommand('setup', { name: 'Riverside' }));
      await send(discordCommand('task', { user: MARIA, what: 'Book the hall', due: 'friday' }));
      await send(discordCommand('task', { user: MARIA, what: 'Bring chairs' }));
      const hall = (await tasks()).find((task) => task.title === 'Book the hall');
      await send(discordDmComponent(`task:accept:${GUILD}:${CHANNEL}:${hall.id}`, MARIA));
      await send(
        discordModalSubmit(
          'standup',
          { name: 'Evening', when: 'daily 18:00 UTC', questions: 'Done?\nNext?' },
          { user: LEAD, selects: { participants: 'optin', delivery: 'channel' } },
        ),
      );
      await send(discordCommand('standup', { action: 'join' }, { user: MARIA }));
      await send(discordCommand('standup', { action: 'now' }, { user: LEAD }));
    });

    it('answers a member in the guild channel with flags 64: their task, the offer and today’s stand-up, numbered rows of buttons', async () => {
      const { ack, edits, view: res } = await discordMe(MARIA);
      expect(ack.status).toBe(200);
      // Deferred and ephemeral ("thinking…" only the member sees), then edited once by the worker.
      expect(ack.body).toEqual({ type: 5, data: { flags: 64 } });
      expect(edits).toHaveLength(1);
      expect(edits[0]?.method).toBe('PATCH');
      // The interaction's token is the credential: no bot token goes with the edit.
      expect(edits[0]?.headers.authorization).toBeUndefined();
      const text = discordText(res);
      expect(text).toContain('Riverside');
      expect(text).toMatch(/\d\. 🟢 \*\*Book the hall\*\*/);
      expect(text).toContain(`<@${LEAD}> asks you to take **Bring chairs**`);
      expect(text).toContain('**Evening** is open');
      expect(text).not.toContain('For leaders');
      const [hall, chairs] = await Promise.all(
        ['Book the hall', 'Bring chairs'].map(async (title) => (await tasks()).find((task) => task.title === title)),
      );
      const run = (await itemsOf(t.db, t.tableName, 'StandupRun')).find((r) => r.pk === `discord#${GUILD}`);
      expect(res.data.components.length).toBeLessThanOrEqual(5);
      expect(discordButtons(res)).toEqual(
        expect.arrayContaining([
          `task:done:${GUILD}:${CHANNEL}:${hall.id}`,
          `task:accept:${GUILD}:${CHANNEL}:${chairs.id}`,
          `standup:answer:${GUILD}:${CHANNEL}:${run.id}`,
        ]),
      );
      const labels = res.data.components.map((row: any) => row.components[0].label);
      expect(labels.every((label: string) => /^\d\. /.test(label))).toBe(true);
    });

    it('Done from that answer marks the task done and answers the member', async () => {
      const hall = (await tasks()).find((task) => task.title === 'Book the hall');
      expect(discordButtons((await discordMe(MARIA)).view)).toContain(`task:done:${GUILD}:${CHANNEL}:${hall.id}`);
      const click = await send(discordComponent(`task:done:${GUILD}:${CHANNEL}:${hall.id}`, { user: MARIA }));
      expect(click.status).toBe(200);
      expect([4, 7]).toContain(click.body.type);
      expect(discordText(click.body)).toContain('Book the hall');
      expect((await tasks()).find((task) => task.id === hall.id).status).toBe('done');
    });

    it('adds the board for the coordinator', async () => {
      const { ack, view } = await discordMe(LEAD);
      expect(ack.body.data.flags).toBe(64);
      const text = discordText(view);
      expect(text).toContain('For leaders');
      expect(text).toContain('Riverside: where we are');
      const help = discordText((await send(discordCommand('help', {}, { user: MARIA }))).body);
      expect(help).toContain('`me home` what is yours to do');
    });

    it('in a direct message (no guild) answers a friendly hint in the person’s language, ephemerally, changing nothing', async () => {
      const before = await stateItems(t.db, t.tableName);
      const res = await send(discordDmCommand(MARIA));
      expect(res.status).toBe(200);
      expect(res.body.type).toBe(4);
      expect(res.body.data.flags).toBe(64);
      expect(discordText(res.body)).toContain('Organizer работает на сервере');
      expect(await stateItems(t.db, t.tableName)).toEqual(before);
    });
  });
});
