import { actionId, offerId } from '@organizer/core';
import actionsFixture from '../../tests/fixtures/slack/block-actions.json' with { type: 'json' };
import viewFixture from '../../tests/fixtures/slack/view-submission.json' with { type: 'json' };
import type { SignedRequest } from './requests.ts';
import { slackCommand, slackSigned } from './requests.ts';
import type { BenchServer } from './server.ts';

// The document client's commands reach the middleware under their low-level names.
const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'ScanCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

export interface DbCalls {
  readonly command: string;
  readonly reads: number;
  readonly writes: number;
  readonly operations: string[];
}

function storySubmission(callbackId = 'story', fields = ['goal', 'who', 'how', 'when', 'vision']): SignedRequest {
  const payload = structuredClone(viewFixture) as Record<string, any>;
  payload.user.id = 'U1';
  payload.view.callback_id = callbackId;
  payload.view.private_metadata = JSON.stringify({ channelId: 'C1' });
  payload.view.state.values = Object.fromEntries(fields.map((k) => [k, { value: { value: `bench ${k}` } }]));
  return slackSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/** A button click by `user` in a direct message (where offers are answered). */
function buttonClick(id: string, user: string): SignedRequest {
  const payload = structuredClone(actionsFixture) as Record<string, any>;
  payload.actions[0].action_id = id;
  payload.user.id = user;
  payload.channel.id = 'D1';
  payload.container.channel_id = 'D1';
  return slackSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/** Counts the DynamoDB operations each command really sends (a transaction counts as its items). */
export async function countDbCalls(server: BenchServer): Promise<DbCalls[]> {
  let operations: { name: string; items: number }[] = [];
  server.deps.db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TransactItems?: unknown[] };
      operations.push({ name: context.commandName ?? 'unknown', items: input.TransactItems?.length ?? 1 });
      return next(args);
    },
    { step: 'initialize', name: 'benchCounter' },
  );
  // Requests are built just before they are sent: a task's button needs the id of the task made before it.
  const cases: [string, SignedRequest | (() => Promise<SignedRequest>)][] = [
    ['status (home channel)', slackCommand('status', 'C1')],
    ['status (elsewhere, only community)', slackCommand('status', 'C9')],
    ['story questions save (modal)', storySubmission()],
    ['story of self, first telling', storySubmission('story.self', ['challenge', 'calling'])],
    ['story of self, retelling', storySubmission('story.self', ['challenge'])],
    ['story of us (modal)', storySubmission('story.us', ['values'])],
    ['lang ru', slackCommand('lang ru', 'C1')],
    ['role add <name>', slackCommand('role add Bench role')],
    ['assign @someone <role> lead', slackCommand('assign <@U2> Bench role lead')],
    ['accept the offer (button in a DM)', buttonClick(actionId.accept('T0001', 'C1', offerId('bench-role', 'U2', true)), 'U2')],
    ['task @someone <what> by friday', slackCommand('task <@U3> Print the flyers by friday')],
    [
      'accept the task (button in a DM)',
      async () => {
        const [task] = await server.deps.core.tasks.list({ platform: 'slack', id: 'T0001' }, 'C1', 1);
        return buttonClick(actionId.task('accept', 'T0001', 'C1', task?.id ?? 'missing'), 'U3');
      },
    ],
    ['setup <name> (new channel)', slackCommand('setup Counted Community', 'C2')],
  ];
  const results: DbCalls[] = [];
  for (const [name, make] of cases) {
    const request = typeof make === 'function' ? await make() : make;
    operations = [];
    const response = await server.send(request);
    if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
    const count = (set: Set<string>) => operations.filter((o) => set.has(o.name)).reduce((n, o) => n + o.items, 0);
    const writes = count(WRITES) + operations.filter((o) => o.name === 'TransactWriteItemsCommand').reduce((n, o) => n + o.items, 0);
    results.push({ command: name, reads: count(READS), writes, operations: operations.map((o) => o.name) });
  }
  return results;
}
