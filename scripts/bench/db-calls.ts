import { COALITION_MAX, type Decision, type DecisionKind, newCommunity, offerActionId, offerId, taskButtonId } from '@organizer/core';
import { inWorker } from '../../functions/src/deferred.ts';
import actionsFixture from '../../tests/fixtures/slack/block-actions.json' with { type: 'json' };
import homeOpened from '../../tests/fixtures/slack/event-callback.json' with { type: 'json' };
import viewFixture from '../../tests/fixtures/slack/view-submission.json' with { type: 'json' };
import type { SignedRequest } from './requests.ts';
import { slackCommand, slackSigned } from './requests.ts';
import type { BenchServer } from './server.ts';

// The document client's commands reach the client's middleware under their low-level names
// (PutCommand as PutItemCommand); both spellings are listed so the count holds either way.
const KIND: Record<string, 'read' | 'write'> = {
  GetItemCommand: 'read',
  GetCommand: 'read',
  QueryCommand: 'read',
  ScanCommand: 'read',
  BatchGetItemCommand: 'read',
  BatchGetCommand: 'read',
  TransactGetItemsCommand: 'read',
  TransactGetCommand: 'read',
  PutItemCommand: 'write',
  PutCommand: 'write',
  UpdateItemCommand: 'write',
  UpdateCommand: 'write',
  DeleteItemCommand: 'write',
  DeleteCommand: 'write',
  BatchWriteItemCommand: 'write',
  BatchWriteCommand: 'write',
  TransactWriteItemsCommand: 'write',
  TransactWriteCommand: 'write',
};

/** Each interaction has its own trigger id, as Slack sends it. */
let triggers = 0;

/** A transaction or batch counts as its items: each is billed and can conflict on its own. */
function itemsOf(input: { TransactItems?: unknown[]; RequestItems?: Record<string, unknown[] | { Keys?: unknown[] }> }): number {
  if (input.TransactItems) return input.TransactItems.length;
  if (input.RequestItems)
    return Object.values(input.RequestItems).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : (v.Keys?.length ?? 0)), 0);
  return 1;
}

/** The interaction's record and outbox items a request writes: the cost of effects as data, reported apart. */
function outboxItemsOf(input: Record<string, any>): number {
  const isOutbox = (pk: unknown) => typeof pk === 'string' && (pk.startsWith('OUTBOX#') || pk.includes('#INTERACTION#'));
  const pkOf = (op: Record<string, any> | undefined) => op?.Item?.pk ?? op?.Key?.pk;
  if (input.TransactItems)
    return input.TransactItems.filter((t: Record<string, any>) => isOutbox(pkOf(t.Put ?? t.Update ?? t.Delete))).length;
  if (input.RequestItems)
    return Object.values(input.RequestItems as Record<string, any[]>)
      .flat()
      .filter((r) => isOutbox(pkOf(r.PutRequest ?? r.DeleteRequest))).length;
  return isOutbox(pkOf(input)) ? 1 : 0;
}

/**
 * The board of a full coalition reads 51 items: the coalition and each member's settings. Its goal counts
 * round trips, not items: the caller's community (as every command reads it), then the board itself in at
 * most two (the coalition, one BatchGetItem of its members).
 */
export const LINKED_STATUS = 'status from a place linked to the community (another workspace)';
export const COALITION_STATUS = 'coalition status (coalition of 50; board ≤ 2 round trips)';

export interface DbCalls {
  readonly command: string;
  readonly reads: number;
  /** The command's own writes (its state), without `outbox`. */
  readonly writes: number;
  /** Writes of the interaction's record and the outbox items committed with it. */
  readonly outbox: number;
  readonly operations: string[];
}

function storySubmission(callbackId = 'story', fields = ['goal', 'who', 'how', 'when', 'vision']): SignedRequest {
  return modalSubmission(callbackId, Object.fromEntries(fields.map((k) => [k, `bench ${k}`])));
}

/** A modal submitted by `user` (U1 unless said) from channel C1, with text values, chosen options and the modal's state. */
function modalSubmission(
  callbackId: string,
  values: Record<string, string>,
  selects: Record<string, string> = {},
  state?: string,
  user = 'U1',
): SignedRequest {
  const payload = structuredClone(viewFixture) as Record<string, any>;
  payload.user.id = user;
  payload.trigger_id = `${++triggers}.2.bench`;
  payload.view.callback_id = callbackId;
  payload.view.private_metadata = JSON.stringify({ channelId: 'C1', ...(state ? { state } : {}) });
  payload.view.state.values = {
    ...Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value: { value } }])),
    ...Object.fromEntries(Object.entries(selects).map(([k, value]) => [k, { value: { selected_option: { value } } }])),
  };
  return slackSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/** A button click by `user`, by default in a direct message (where offers are answered). */
function buttonClick(id: string, user: string, channel = 'D1'): SignedRequest {
  const payload = structuredClone(actionsFixture) as Record<string, any>;
  payload.trigger_id = `${++triggers}.3.bench`;
  payload.actions[0].action_id = id;
  payload.user.id = user;
  payload.channel.id = channel;
  payload.container.channel_id = channel;
  return slackSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/**
 * An open decision of the bench community, put straight into its store before the request (so only the
 * vote is counted): closing in three days, by the bench's own clock.
 */
async function seedDecision(server: BenchServer, id: string, kind: DecisionKind, options: string[]): Promise<void> {
  const now = server.deps.core.now();
  const decision: Decision = {
    id,
    communityId: 'C1',
    kind,
    title: `Bench ${kind}`,
    ...(kind === 'proposal' ? { body: 'Meet on Thursdays', rule: 'consent' as const } : {}),
    options,
    electorate: { kind: 'everyone' },
    anonymous: false,
    authorId: 'U1',
    channelId: 'C1',
    createdAt: now.toISOString(),
    closesAt: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
    status: 'open',
    version: 0,
  };
  if ((await server.deps.core.decisions.create({ platform: 'slack', id: 'T0001' }, decision)) !== 'saved')
    throw new Error(`could not seed decision ${id}`);
}

/** The coalition the bench's board reads: the bench community formed it. */
export const BENCH_COALITION = 'Bench Coalition';

/**
 * A coalition of COALITION_MAX communities: the bench community and 49 others, each on a workspace of its
 * own, put straight into the stores before the request (so only the board is counted).
 */
async function seedCoalition(server: BenchServer): Promise<void> {
  const { store, coalitions } = server.deps.core;
  const at = server.deps.core.now().toISOString();
  const member = (tenantId: string, name: string) => ({
    tenant: { platform: 'slack' as const, id: tenantId },
    communityId: 'C1',
    name,
    joinedBy: 'U1',
    joinedAt: at,
  });
  const id = 'bench-coalition';
  const created = await coalitions.create({
    id,
    name: BENCH_COALITION,
    members: [member('T0001', 'Bench Community')],
    createdAt: at,
    version: 0,
  });
  if (created !== 'created') throw new Error(`could not seed the coalition: ${created}`);
  for (let n = 1; n < COALITION_MAX; n++) {
    const tenant = { platform: 'slack' as const, id: `T9${String(n).padStart(3, '0')}` };
    const name = `Member community ${n}`;
    if ((await store.create(newCommunity({ tenant, id: 'C1', name, coordinatorId: 'U1', createdAt: at }))) !== 'created')
      throw new Error(`could not seed ${name}`);
    const joined = await coalitions.join(id, member(tenant.id, name), BENCH_COALITION);
    if (joined !== 'joined') throw new Error(`could not seed ${name} into the coalition: ${joined}`);
  }
}

/** The code the bench's join redeems (ten Crockford characters, as `coalition invite` draws them). */
const BENCH_CODE = 'BENCH-2JQ7K';

/**
 * A second coalition (the first is full), formed by one of the seeded members, and a code inviting to it,
 * put straight into the stores: only the join is counted.
 */
async function seedInvitation(server: BenchServer): Promise<void> {
  const { coalitions, codes } = server.deps.core;
  const now = server.deps.core.now();
  const tenant = { platform: 'slack' as const, id: 'T9001' };
  const founder = { tenant, communityId: 'C1', name: 'Member community 1', joinedBy: 'U1', joinedAt: now.toISOString() };
  // The seeded member leaves the full coalition first (a community is in one at most).
  const full = await coalitions.get('bench-coalition');
  if (!full || (await coalitions.leave(full.id, tenant, 'C1', full.version)) !== 'left') throw new Error('could not free a member');
  const id = 'bench-alliance';
  const created = await coalitions.create({ id, name: 'Bench Alliance', members: [founder], createdAt: now.toISOString(), version: 0 });
  if (created !== 'created') throw new Error(`could not seed the second coalition: ${created}`);
  const issuedBy = { tenant, communityId: 'C1', userId: 'U1' };
  const expiresAt = new Date(now.getTime() + 15 * 60_000).toISOString();
  const issued = await codes.issue(BENCH_CODE.replace('-', ''), {
    purpose: 'coalition',
    coalitionId: id,
    coalitionName: 'Bench Alliance',
    issuedBy,
    expiresAt,
  });
  if (issued !== 'issued') throw new Error('could not seed the invitation');
}

/** `chat.postMessage C1 <text>`: a Slack API call as the success checks read it. */
function describeCall(call: { method: string; body: string }): string {
  // A response_url takes JSON (the Web API forms).
  if (call.body.startsWith('{')) return `${call.method} ${String((JSON.parse(call.body) as { text?: unknown }).text ?? '')}`;
  const form = new URLSearchParams(call.body);
  return `${call.method} ${form.get('channel') ?? ''} ${form.get('text') ?? ''}`;
}

/** Counts the DynamoDB operations each command really sends (a transaction counts as its items). */
export async function countDbCalls(server: BenchServer): Promise<DbCalls[]> {
  let operations: { name: string; items: number; outbox: number }[] = [];
  // The worker's own calls, kept apart: only rows that name their job (the Home view's publish) show them.
  let worked: { name: string; items: number; outbox: number }[] = [];
  (await server.deps.database()).middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Parameters<typeof itemsOf>[0];
      const operation = { name: context.commandName ?? 'unknown', items: itemsOf(input), outbox: outboxItemsOf(input) };
      // Deferred work runs in the worker on AWS: it is not the command's budget. The outbox's own reads and
      // writes around a job (the ready index, taking and finishing an item) are not the job's.
      if (!inWorker()) operations.push(operation);
      else if (!JSON.stringify(input).includes('OUTBOX')) worked.push(operation);
      return next(args);
    },
    { step: 'initialize', name: 'benchCounter' },
  );
  // Requests are built just before they are sent: a task's button needs the id of the task made before it.
  // Each case names what its success looks like (in the answer or in a Slack API call), so a command that
  // was refused, or failed and said so, cannot pass with a low count.
  type Case = [string, SignedRequest | (() => Promise<SignedRequest>), RegExp, string?];
  const cases: Case[] = [
    ['status (home channel)', slackCommand('status', 'C1'), /Bench Community/],
    ['status (elsewhere, only community)', slackCommand('status', 'C9'), /Bench Community/],
    ['story questions save (modal)', storySubmission(), /postEphemeral C1 .*Story saved/],
    ['story of self, first telling', storySubmission('story.self', ['challenge', 'calling']), /postEphemeral C1 .*version 1/],
    ['story of self, retelling', storySubmission('story.self', ['challenge']), /postEphemeral C1 .*version 2/],
    ['story of us (modal)', storySubmission('story.us', ['values']), /postEphemeral C1 .*story of us/],
    ['lang ru', slackCommand('lang ru', 'C1'), /по-русски/],
    ['role add <name>', slackCommand('role add Bench role'), /Bench role/],
    ['assign @someone <role> lead', slackCommand('assign <@U2> Bench role lead'), /postMessage U2 /],
    [
      'accept the offer (button in a DM)',
      buttonClick(offerActionId('accept', 'T0001', 'C1', offerId('bench-role', 'U2', true)), 'U2'),
      /postMessage C1 /,
    ],
    ['task @someone <what> by friday', slackCommand('task <@U3> Print the flyers by friday'), /postMessage U3 /],
    [
      'accept the task (button in a DM)',
      async () => {
        const [task] = await server.deps.core.tasks.list({ platform: 'slack', id: 'T0001' }, 'C1', 1);
        return buttonClick(taskButtonId('accept', 'T0001', 'C1', task?.id ?? 'missing'), 'U3');
      },
      /postMessage U1 /,
    ],
    [
      'strategy save (modal)',
      modalSubmission('strategy', { goal: 'Bench goal', change: 'If…', tactics: 'Petition', timeline: 'Spring' }),
      /Strategy saved|Стратегия сохранена/,
    ],
    ['campaign save (modal)', modalSubmission('campaign', { name: 'Bench campaign', goal: 'Win', end: 'in 8 weeks' }), /Foundation|Основа/],
    [
      'standup set save (modal)',
      modalSubmission(
        'standup',
        { name: 'Bench', when: 'mon-fri 09:30', questions: 'Done?\nNext?\nHelp?' },
        { participants: 'optin', delivery: 'channel' },
      ),
      /Stand-up saved|Стендап сохранён/,
    ],
    ['standup join', slackCommand('standup join', 'C1', 'U4'), /You take part|Теперь вы участвуете/],
    [
      'event save (modal)',
      modalSubmission('event', { title: 'Bench event', when: 'in 3 days 18:00', place: 'Hall', capacity: '2' }),
      /on its way|сейчас появится/,
    ],
    [
      'RSVP going (button on the card)',
      async () => {
        const [event] = await server.deps.core.events.list({ platform: 'slack', id: 'T0001' }, 'C1');
        return buttonClick(`event:going:T0001:C1:${event?.id ?? 'missing'}`, 'U5');
      },
      /You are going|Вы идёте/,
    ],
    [
      'poll vote (option button on the card, a member)',
      async () => {
        await seedDecision(server, 'bench-poll', 'simple', ['Library', 'Park']);
        return buttonClick('dec:pick:T0001:C1:bench-poll:1', 'U5', 'C1');
      },
      /You chose|Ваш выбор/,
    ],
    [
      'proposal position with a reason (modal, a member)',
      async () => {
        await seedDecision(server, 'bench-proposal', 'proposal', []);
        return modalSubmission('decision.reason', { reason: 'Thursdays clash with the market' }, {}, 'T0001|C1|bench-proposal|2', 'U3');
      },
      /You disagree|Вы не согласны/,
    ],
    [
      'debrief save (modal)',
      modalSubmission('debrief', { worked: 'Turnout', next: 'Print flyers\nBook hall' }, {}, 'T0001|C1|general'),
      /Debrief of|Итоги/,
    ],
    ['next <n> @someone (step → task)', slackCommand('next 1 <@U6> by friday'), /postMessage U6 /],
    [
      '1on1 log save (modal)',
      modalSubmission('oneonone', { values: 'care, fairness', mine: 'Call the council', theirs: 'Bring a friend' }, {}, 'U7||'),
      /<@U7>/,
    ],
    ['pair join', slackCommand('pair join', 'C1', 'U8'), /pairing|знакомств/],
    ['join (welcome by DM)', slackCommand('join', 'C1', 'U9'), /postMessage U9 /],
    ['ladder', slackCommand('ladder', 'C1', 'U1'), /Ladder|Лестница/],
    // The Home as an answer: the request finds the community and hands the drawing to the worker, which reads
    // the person's items in parallel (tasks, open offers, stand-ups and today's run, events, decisions; a
    // leader's members too) and posts the view to the command's response_url. U3 has an accepted task.
    [
      'me (one’s Home as an answer; a member with a task)',
      slackCommand('me', 'C1', 'U3', undefined, `${server.slackUrl}/commands/T0001/1/bench`),
      /commands\/T0001\/1\/bench [\s\S]*(My open tasks|Мои открытые задачи)/,
      'me view drawn and answered (worker; a member with a task)',
    ],
    [
      'me (the coordinator: the board too)',
      slackCommand('me', 'C1', 'U1', undefined, `${server.slackUrl}/commands/T0001/2/bench`),
      /commands\/T0001\/2\/bench [\s\S]*(For leaders|Для лидеров)/,
      'me view drawn and answered (worker; the coordinator)',
    ],
    // The event only hands over a job; the view is drawn and published by the worker (its own row).
    [
      'Home tab opened (app_home_opened event)',
      slackSigned(JSON.stringify({ ...homeOpened, event: { ...homeOpened.event, user: 'U3' } }), 'application/json'),
      /views\.publish/,
      'home.publish job (worker; one community, a member with a task)',
    ],
    [
      COALITION_STATUS,
      async () => {
        await seedCoalition(server);
        return slackCommand('coalition status', 'C1');
      },
      new RegExp(`${BENCH_COALITION}[^]*Member community`),
    ],
    [
      LINKED_STATUS,
      async () => {
        // Another workspace, linked as a place of the community (put straight into the store: only the status is counted).
        const home = { platform: 'slack' as const, id: 'T0001' };
        const place = { tenant: { platform: 'slack' as const, id: 'T0003' }, channelId: 'C5' };
        const at = server.deps.core.now().toISOString();
        const link = {
          home: { tenant: home, communityId: 'C1', name: 'Bench Community' },
          place,
          linkedBy: 'U1',
          invitedBy: 'U1',
          linkedAt: at,
        };
        if ((await server.deps.core.links.link(link)) !== 'linked') throw new Error('could not link the place');
        return slackCommand('status', 'C5', 'U1', 'T0003');
      },
      /Bench Community/,
    ],
    ['setup <name> (new channel)', slackCommand('setup Counted Community', 'C2'), /Counted Community/],
    [
      'coalition join <code> (the new channel’s coordinator)',
      async () => {
        await seedInvitation(server);
        return slackCommand(`coalition join ${BENCH_CODE}`, 'C2');
      },
      /is now part of the coalition/,
    ],
  ];
  const results: DbCalls[] = [];
  for (const [name, make, success, workerRow] of cases) {
    const request = typeof make === 'function' ? await make() : make;
    operations = [];
    worked = [];
    const errorsBefore = server.errors.length;
    const callsBefore = server.slackCalls.length;
    const response = await server.send(request);
    await server.deps.idle();
    const seen = [response.text, ...server.slackCalls.slice(callsBefore).map(describeCall)].join('\n');
    if (response.status !== 200 || server.errors.length > errorsBefore || !success.test(seen))
      throw new Error(`${name}: answered ${response.status}, ${String(server.errors.at(-1) ?? 'no error')}, saw:\n${seen.slice(0, 600)}`);
    const rows: [string, typeof operations][] = [
      [name, operations],
      ...(workerRow ? [[workerRow, worked] as [string, typeof operations]] : []),
    ];
    for (const [command, ops] of rows) {
      const count = (kind: 'read' | 'write') => ops.filter((o) => KIND[o.name] === kind).reduce((n, o) => n + o.items, 0);
      const unknown = ops.filter((o) => !KIND[o.name]);
      if (unknown.length > 0)
        throw new Error(`${command} sent operations the bench cannot classify: ${unknown.map((o) => o.name).join(', ')}`);
      const outbox = ops.reduce((n, o) => n + o.outbox, 0);
      results.push({ command, reads: count('read'), writes: count('write') - outbox, outbox, operations: ops.map((o) => o.name) });
    }
  }
  return results;
}
