import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';
import { allItems } from '../support/table.ts';

/**
 * Deciding together in the playground, as the page does it: every act signed by `/playground/request`
 * and sent to the app's real route, the app's outbound calls read back from `/playground/calls` (the
 * sandbox, never a platform). A proposal made, a position taken through its reason modal (the card edited
 * in place, the reason in its thread), a poll voted on, closed, and the log read.
 */
type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Signed = { url: string; headers: Record<string, string>; body: string };
type Call = { n: number; platform: string; method: string; body: any; answer?: any };

const ANA = 'UPLAYANA';
const BEN = 'UPLAYBEN';
const GENERAL = 'CPLAYGENERAL';
const scene = (user: string) => ({ platform: 'slack', space: 'TPLAYGREEN', channel: GENERAL, user, locale: 'en' });
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const blocksOf = (body: any): any[] => (typeof body?.blocks === 'string' ? JSON.parse(body.blocks) : (body?.blocks ?? []));
const buttonsOf = (body: any) =>
  blocksOf(body)
    .flatMap((b: any) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e: any) => e.type === 'button');
const textOf = (body: any) => `${body?.text ?? ''}\n${JSON.stringify(blocksOf(body))}`;

describe('playground: a proposal and a poll, end to end', () => {
  let t: TestServer;
  let since = 0;
  beforeAll(async () => {
    t = await startTestServer('e2e-playground-decisions');
  });
  afterAll(() => t.stop());

  /** What the page does for one act: have it signed, send it to the app, read the answer. */
  async function act(user: string | Record<string, string>, what: Record<string, unknown>) {
    const asked = await fetch(`${t.url}/playground/request`, json({ scene: typeof user === 'string' ? scene(user) : user, act: what }));
    expect(asked.status).toBe(200);
    const signed = (await asked.json()) as Signed;
    const res = await fetch(`${t.url}${signed.url}`, { method: 'POST', headers: signed.headers, body: signed.body });
    expect(res.status).toBe(200);
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  }
  /** The sandbox's calls since the last look, once `enough` says they have all arrived (deferred work runs after the answer). */
  async function callsUntil(enough: (calls: Call[]) => boolean): Promise<Call[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { calls } = (await (await fetch(`${t.url}/playground/calls?since=${since}`)).json()) as { calls: Call[] };
      if (enough(calls) || Date.now() > deadline) {
        since = Math.max(since, ...calls.map((c) => c.n));
        return calls;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const modalOf = async () =>
    (await callsUntil((calls) => calls.some((c) => c.method === 'views.open'))).find((c) => c.method === 'views.open')?.body.view;
  /** A modal filled in as the page fills it: text by block id, selects by an option's value. */
  const submit = (user: string | Record<string, string>, modal: any, values: Record<string, string>) =>
    act(user, { kind: 'submit', modal, values });
  const pick = (modal: any, block: string, match: RegExp) => {
    const options: any[] = modal.blocks.find((b: any) => b.block_id === block)?.element?.options ?? [];
    return String(options.find((o) => match.test(o.value) || match.test(o.text.text))?.value ?? '');
  };
  const decisions = async () => (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Decision') as any[];

  it('proposes, takes a position, polls, closes and reads the log', async () => {
    await act(ANA, { kind: 'command', text: 'setup Green Street Tenants' });
    await act(BEN, { kind: 'command', text: 'join' });
    await callsUntil(() => true);

    await act(ANA, { kind: 'command', text: 'propose' });
    const propose = await modalOf();
    expect(propose.callback_id).toBe('propose');
    const selects = ['rule', 'electorate', 'anonymous'].filter((b) => propose.blocks.some((x: any) => x.block_id === b));
    const chosen: Record<string, string> = {
      rule: pick(propose, 'rule', /consent/i),
      electorate: pick(propose, 'electorate', /everyone/i),
      anonymous: pick(propose, 'anonymous', /no/i),
    };
    const answer = await submit(ANA, propose, {
      title: 'Paint the stairwell',
      body: 'Green, by spring',
      closes: 'in 3 days',
      ...Object.fromEntries(selects.map((s) => [s, chosen[s] ?? ''])),
    });
    expect(answer?.response_action).not.toBe('errors');
    const [proposal] = await decisions();
    expect(proposal).toMatchObject({ title: 'Paint the stairwell', kind: 'proposal', status: 'open' });
    const posted = await callsUntil((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === GENERAL));
    const card = posted.find((c) => c.method === 'chat.postMessage' && c.body.channel === GENERAL);
    const agree = buttonsOf(card?.body).find((b: any) => b.text.text === 'Agree');
    expect(agree?.action_id).toBe(`dec:pos:TPLAYGREEN:${proposal.communityId}:${proposal.id}:0`);

    // Ben clicks Agree on the card the page shows (its ts from the sandbox), gives a reason in the modal.
    await act(BEN, { kind: 'click', actionId: agree.action_id, label: 'Agree', messageId: card?.answer.ts, channelId: GENERAL });
    const reason = await modalOf();
    expect(reason.callback_id).toBe('decision.reason');
    await submit(BEN, reason, { reason: 'Green is calm' });
    const after = await callsUntil(
      (calls) => calls.some((c) => c.method === 'chat.update') && calls.some((c) => c.method === 'chat.postMessage' && c.body.thread_ts),
    );
    const update = after.filter((c) => c.method === 'chat.update').at(-1);
    expect(update?.body).toMatchObject({ channel: GENERAL, ts: card?.answer.ts });
    expect(textOf(update?.body)).toContain(BEN);
    const thread = after.find((c) => c.method === 'chat.postMessage' && c.body.thread_ts === card?.answer.ts);
    expect(textOf(thread?.body)).toContain('Green is calm');

    await act(ANA, { kind: 'command', text: 'poll simple' });
    const pollModal = await modalOf();
    expect(pollModal.callback_id).toBe('poll');
    const anonymous = pollModal.blocks.some((b: any) => b.block_id === 'anonymous')
      ? { anonymous: pick(pollModal, 'anonymous', /no/i) }
      : ({} as Record<string, string>);
    await submit(ANA, pollModal, { title: 'Which green?', options: 'Sage\nMint', closes: 'in 2 days', ...anonymous });
    const poll = (await decisions()).find((d) => d.title === 'Which green?');
    const pollCard = (await callsUntil((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === GENERAL))).find(
      (c) => c.method === 'chat.postMessage' && c.body.channel === GENERAL,
    );
    const mint = buttonsOf(pollCard?.body).find((b: any) => b.text.text === 'Mint');
    await act(BEN, { kind: 'click', actionId: mint.action_id, label: 'Mint', messageId: pollCard?.answer.ts, channelId: GENERAL });
    await callsUntil((calls) => calls.some((c) => c.method === 'chat.update'));
    const close = buttonsOf(pollCard?.body).find((b: any) => String(b.action_id).startsWith('dec:close:'));
    await act(ANA, {
      kind: 'click',
      actionId: close.action_id,
      label: close.text.text,
      messageId: pollCard?.answer.ts,
      channelId: GENERAL,
    });
    const closing = await callsUntil((calls) =>
      calls.some((c) => c.method === 'chat.postMessage' && c.body.thread_ts === pollCard?.answer.ts),
    );
    expect(textOf(closing.find((c) => c.body.thread_ts === pollCard?.answer.ts)?.body)).toContain('Mint');
    expect((await decisions()).find((d) => d.id === poll.id)).toMatchObject({ status: 'closed', outcome: { winners: [1] } });

    const log = await act(BEN, { kind: 'command', text: 'decisions' });
    expect(textOf(log)).toContain('Paint the stairwell');
    expect(textOf(log)).toContain('Which green?');
  }, 120_000);
  it('Discord, in Russian: decide propose opens the modal with its selects, a position edits the card, the reason goes to its thread', async () => {
    const guild = '900000000000000001';
    const general = '900000000000000101';
    const discord = (user: string) => ({ platform: 'discord', space: guild, channel: general, user, locale: 'ru' });
    const ana = discord('900000000000001001');
    const ben = discord('900000000000001002');
    await act(ana, { kind: 'command', text: 'setup Жильцы Зелёной' });
    await act(ben, { kind: 'command', text: 'join' });
    await callsUntil(() => true);
    // `decide propose` typed in the page becomes the group's subcommand, answered with the modal itself.
    const modal = (await act(ana, { kind: 'command', text: 'decide propose' })).data;
    expect(modal.custom_id.split('|')[0]).toBe('propose');
    const selects = modal.components.filter((c: any) => c.component?.type === 3).map((c: any) => c.component.custom_id);
    expect(selects).toEqual(['rule', 'electorate']);
    const saved = await submit(ana, modal, {
      title: 'Покрасить подъезд',
      body: 'В зелёный, к весне',
      closes: 'через 3 дня',
      rule: 'consent',
      electorate: 'everyone',
    });
    expect(saved.type).toBe(4);
    const proposal = (await decisions()).find((d) => d.title === 'Покрасить подъезд');
    expect(proposal).toMatchObject({ rule: 'consent', status: 'open', channelId: general });
    const created = await callsUntil((calls) => calls.some((c) => c.method === `POST /channels/${general}/messages`));
    const card = created.find((c) => c.method === `POST /channels/${general}/messages`);
    const agree = (card?.body.components ?? []).flatMap((r: any) => r.components).find((b: any) => b.label === 'Согласен');
    expect(agree?.custom_id).toBe(`dec:pos:${guild}:${general}:${proposal.id}:0`);

    const reason = await act(ben, {
      kind: 'click',
      actionId: agree.custom_id,
      label: agree.label,
      messageId: card?.answer.id,
      channelId: general,
    });
    expect(reason.type).toBe(9);
    await submit(ben, reason.data, { reason: 'Зелёный успокаивает' });
    const after = await callsUntil(
      (calls) =>
        calls.some((c) => c.method.startsWith('PATCH ')) && calls.some((c) => c.method === `POST /channels/${card?.answer.id}/messages`),
    );
    const edit = after.filter((c) => c.method === `PATCH /channels/${general}/messages/${card?.answer.id}`).at(-1);
    expect(JSON.stringify(edit?.body)).toContain('<@900000000000001002>');
    expect(JSON.stringify(after.find((c) => c.method === `POST /channels/${card?.answer.id}/messages`)?.body)).toContain(
      'Зелёный успокаивает',
    );
    const log = await act(ben, { kind: 'command', text: 'decide log' });
    expect(String(log.data.content)).toContain('Покрасить подъезд');
  }, 120_000);
});
