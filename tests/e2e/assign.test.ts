import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand, discordDmComponent, discordRequest } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';

describe('Slack: assignment with consent', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-assign-slack');
    await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
    await t.app.request(blockAction('roles:adopt', { user: COORDINATOR, channel: 'C1' }));
  });
  afterAll(() => t.stop());

  const send = sender(() => t.app);
  const roles = async () => ((await allItems(t.db, t.tableName)).find((i) => i.entity === 'Community') as any).roles;
  const offers = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Offer');
  const buttons = new Map<string, string[]>();
  /** The Accept/Decline buttons of the last direct message to `user` (kept across recorder resets). */
  const buttonsFor = (user: string) => {
    const dm = t.recorder
      .callsTo('chat.postMessage')
      .filter((c) => c.body.channel === user)
      .at(-1);
    if (dm)
      buttons.set(
        user,
        JSON.parse(String(dm.body.blocks))
          .find((b: any) => b.type === 'actions')
          .elements.map((e: any) => e.action_id),
      );
    return buttons.get(user) ?? [];
  };

  it('refuses a non-leader’s assign and changes nothing', async () => {
    const res = await send(slashCommand('assign <@U2|maria> Outreach and recruitment lead', { channel_id: 'C1', user_id: 'U9' }));
    expect(slackText(res.body)).toContain('Only leaders');
    expect(await offers()).toEqual([]);
    expect(t.recorder.callsTo('chat.postMessage')).toEqual([]);
  });

  it('offers a role by direct message with the role card, Accept and Decline, and assigns nothing yet', async () => {
    for (const [user, role] of [
      ['U2', 'Outreach and recruitment'],
      ['U3', 'Communications'],
      ['U4', 'Events and logistics'],
      ['U5', 'Finance and resources'],
    ]) {
      const res = await send(slashCommand(`assign <@${user}|someone> ${role} lead`, { channel_id: 'C1', user_id: COORDINATOR }));
      expect(slackText(res.body)).toContain(`Asked <@${user}> to lead *${role}*`);
    }
    const dm = t.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === 'U2');
    expect(String(dm?.body.text)).toContain('asks you to lead *Outreach and recruitment*');
    expect(String(dm?.body.text)).toContain('Welcome newcomers within a week');
    expect(buttonsFor('U2')).toEqual([expect.stringMatching(/^offer:accept:T0001:C1:/), expect.stringMatching(/^offer:decline:T0001:C1:/)]);
    for (const user of ['U3', 'U4', 'U5']) expect(buttonsFor(user)).toHaveLength(2);
    expect(await offers()).toHaveLength(4);
    expect((await roles())['outreach-and-recruitment'].leadId).toBeUndefined();
    const again = await send(slashCommand('assign <@U2> Outreach and recruitment lead', { channel_id: 'C1', user_id: COORDINATOR }));
    expect(slackText(again.body)).toContain('has not answered yet');
  });

  it('accepts once on a double click: one assignment, one note in the community channel', async () => {
    const [accept] = buttonsFor('U2');
    t.recorder.reset();
    const [first, second] = await Promise.all([
      send(blockAction(accept as string, { user: 'U2', channel: 'D2' })),
      send(blockAction(accept as string, { user: 'U2', channel: 'D2' })),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect((await roles())['outreach-and-recruitment'].leadId).toBe('U2');
    const notes = t.recorder.callsTo('chat.postMessage');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toMatchObject({ channel: 'C1' });
    expect(String(notes[0]?.body.text)).toContain('<@U2> now leads *Outreach and recruitment*');
    const answers = t.recorder.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    // The loser hears either that it was already accepted or, when it read the community before the winner
    // wrote and the offer after, that the offer is no longer open: both true, neither assigns twice.
    expect(answers.filter((a) => a.includes('Thank you'))).toHaveLength(1);
    expect(answers.filter((a) => /already accepted|no longer open/.test(a))).toHaveLength(1);
  });

  it('lets nobody else accept someone’s offer', async () => {
    const [accept] = buttonsFor('U4');
    t.recorder.reset();
    await send(blockAction(accept as string, { user: 'U9', channel: 'D9' }));
    expect(String(t.recorder.callsTo('chat.postEphemeral')[0]?.body.text)).toContain('made to someone else');
    expect((await roles())['events-and-logistics'].leadId).toBeUndefined();
  });

  it('declines through a short modal and tells the leader who asked, with the reason', async () => {
    const [, decline] = buttonsFor('U3');
    t.recorder.reset();
    await send(blockAction(decline as string, { user: 'U3', channel: 'D3' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view.callback_id).toBe('decline');
    const { state } = JSON.parse(view.private_metadata);
    await send(viewSubmission('decline', { reason: 'Too busy until spring' }, { user: 'U3', channel: 'D3', state }));
    const toLeader = t.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === COORDINATOR);
    expect(String(toLeader?.body.text)).toContain('<@U3> declined *Communications*');
    expect(String(toLeader?.body.text)).toContain('Too busy until spring');
    expect((await roles()).communications.leadId).toBeUndefined();
    expect((await offers()).some((o) => o.userId === 'U3')).toBe(false);
  });

  it('completes stage 3 when every role has a lead who accepted, and unassigns', async () => {
    await send(slashCommand('assign <@U6> Communications lead', { channel_id: 'C1', user_id: COORDINATOR }));
    expect(buttonsFor('U6')).toHaveLength(2);
    for (const user of ['U4', 'U5', 'U6']) await send(blockAction(buttonsFor(user)[0] as string, { user, channel: `D${user}` }));
    const status = await send(slashCommand('status', { channel_id: 'C1', user_id: 'U9' }));
    expect(slackText(status.body)).toContain('*Leadership team*: done');
    // A role lead is a leader now: U2 may take U6 off Communications.
    const res = await send(slashCommand('unassign <@U6> Communications', { channel_id: 'C1', user_id: 'U2' }));
    expect(slackText(res.body)).toContain('no longer in *Communications*');
    expect((await roles()).communications.leadId).toBeUndefined();
  });
});

describe('Discord: assignment with consent, answered in a direct message', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-assign-discord');
    t.recorder.on('/users/@me/channels', () => ({ body: { id: '999', type: 1 } })).on('/messages', () => ({ body: { id: '1000' } }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse(await res.text()) };
  };

  it('offers through the USER option, then accepts from a DM without a guild', async () => {
    await send(discordCommand('setup', { name: 'Ливадия соседи' }, { locale: 'ru' }));
    expect((await t.app.request(discordCommand('role'))).status).toBe(200); // a malformed group is answered, never a 5xx
    const add = discordRequest(
      JSON.stringify({
        type: 2,
        id: '1300000000000000001',
        application_id: '111111111111111111',
        token: 't',
        version: 1,
        guild_id: '555555555555555555',
        channel_id: '222222222222222222',
        locale: 'ru',
        member: { user: { id: '333333333333333333' }, permissions: '0' },
        data: {
          id: '1',
          name: 'community',
          type: 1,
          options: [
            { type: 2, name: 'role', options: [{ type: 1, name: 'add', options: [{ type: 3, name: 'name', value: 'Привлечение' }] }] },
          ],
        },
      }),
    );
    await send(add);
    t.recorder.reset();
    const offered = await send(discordCommand('assign', { user: '444444444444444444', role: 'привлечение' }, { locale: 'ru' }));
    expect(offered.body.data.content).toContain('Предложили <@444444444444444444> войти в роль «Привлечение»');
    expect(t.recorder.calls[0]?.body).toEqual({ recipient_id: '444444444444444444' });
    const card = t.recorder.calls[1]?.body as any;
    const accept = card.components[0].components[0].custom_id as string;
    expect(accept).toMatch(/^offer:accept:555555555555555555:222222222222222222:/);

    t.recorder.reset();
    const click = await send(discordDmComponent(accept, '444444444444444444', 'ru'));
    expect(click.body.data.content).toContain('Теперь вы в роли «Привлечение»');
    expect(t.recorder.calls[0]?.path).toBe('/discord/api/v10/channels/222222222222222222/messages');
    const community = (await allItems(t.db, t.tableName)).find((i) => i.entity === 'Community') as any;
    expect([...community.roles.привлечение.memberIds]).toEqual(['444444444444444444']);
  });
});
