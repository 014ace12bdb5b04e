import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import { actionId } from '../kernel/actions.ts';
import { isLeader, personLocale, resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import { LIST_BUDGET, linesWithMore } from '../kernel/list-more.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block, Button } from '../kernel/reply.ts';
import { ephemeral, type MessageReply, message, type Reply } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { actionsFor, idWord, isSettledBack, sortTasks, type Task, type TaskAction, taskLimits, taskMoves, titleMatches } from './model.ts';

const plain = (blocks: Block[]) => blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
/** A date every viewer sees in their own calendar (Discord `<t:…:D>`; Slack renders it as `<!date^…>`). */
const dueText = (locale: Locale, task: Pick<Task, 'due'>) =>
  // A due just read with a time ("friday 17:00") is echoed with it; stored dues carry the day and the deadline.
  task.due ? t(locale, 'task.due', { date: `<t:${task.due.dueAt}:${'time' in task.due && task.due.time ? 'f' : 'D'}>` }) : '';
const LIST_LIMIT = 100;

const labels = {
  accept: 'task.accept',
  decline: 'task.decline',
  done: 'task.done',
  handBack: 'task.handBack',
  due: 'task.reschedule',
  reoffer: 'task.reoffer',
  drop: 'task.drop',
} as const;
/** Button ids stay within Discord's 100 characters: a list's filter word is left out of them when it would not fit. */
const ID_MAX = 100;

/**
 * A task's buttons. On a list (`on`), each id names the list to redraw, and the first label carries the
 * task's number in the list (Discord shows all buttons under the text).
 */
function buttons(
  locale: Locale,
  community: Community,
  task: Task,
  moves: readonly TaskAction[],
  on?: { number: number; view: ListView['filter']; word: string },
): Block {
  const list: Button[] = moves.map((move, i) => {
    const withWord = on?.word ? actionId.task(move, community.tenant.id, community.id, task.id, `${on.view}:${on.word}`) : undefined;
    const id = withWord && withWord.length <= ID_MAX ? withWord : actionId.task(move, community.tenant.id, community.id, task.id, on?.view);
    const label = t(locale, labels[move]);
    return {
      id,
      label: on && i === 0 ? `${on.number}. ${label}` : label,
      ...(move === 'accept' || move === 'done' ? { primary: true } : {}),
    };
  });
  return { type: 'actions', buttons: list };
}

/** What the person who asked hears after each answer. */
const notices = {
  accept: 'task.notify.accepted',
  decline: 'task.notify.declined',
  done: 'task.notify.done',
  handBack: 'task.notify.handedBack',
} as const;
const answers = { decline: 'task.declined', done: 'task.completed', handBack: 'task.handedBack' } as const;

/**
 * Offers a task to someone by direct message (Accept / Decline); nothing is theirs until they accept.
 * Shared by `task` and by next steps from a debrief. `task` is set when the offer went out.
 */
export async function offerTask(
  community: Community,
  locale: Locale,
  input: { userId?: string | undefined; what?: string | undefined; due?: string | undefined; campaignId?: string },
  ctx: CommandContext,
  deps: CoreDeps,
): Promise<{ reply: MessageReply; task?: Task }> {
  const title = (input.what ?? '').replace(/\s+/g, ' ').trim();
  if (!input.userId || !title) return { reply: ephemeral(t(locale, 'task.usage')) };
  if (title.length > taskLimits.title) return { reply: ephemeral(t(locale, 'task.tooLong', { max: taskLimits.title })) };
  const now = deps.now();
  const read = input.due?.trim()
    ? (await import('../kernel/due-date.ts')).readDue(input.due, communityZone(community), now, locale)
    : undefined;
  if (read && 'problem' in read && read.problem === 'past')
    return { reply: ephemeral((await import('../kernel/due-date.ts')).pastText(locale, read.understood, communityZone(community))) };
  if (input.due?.trim() && !(read && 'due' in read))
    return { reply: ephemeral(t(locale, 'task.badDate', { due: clip(input.due.replace(/[`<>*]/g, ''), 60) })) };
  const due = read && 'due' in read ? read.due : undefined;
  const at = now.toISOString();
  const task: Task = {
    id: deps.newId(),
    communityId: community.id,
    title,
    ownerId: input.userId,
    createdBy: ctx.userId,
    ...(due ? { due } : {}),
    status: 'proposed',
    ...(input.campaignId ? { campaignId: input.campaignId } : {}),
    createdAt: at,
    updatedAt: at,
  };
  await deps.tasks.create(ctx.tenant, task);
  await sendCard(community, task, ctx, deps);
  return { reply: ephemeral(t(locale, 'task.asked', { user: input.userId, title, due: dueText(locale, task) })), task };
}

/** The offer's direct message to the task's owner (Accept / Decline), through the outbox. */
async function sendCard(community: Community, task: Task, ctx: CommandContext, deps: CoreDeps): Promise<void> {
  // The card is a direct message: in its reader's language, not the leader's.
  const theirs = await personLocale(deps, community, task.ownerId);
  const card: Block[] = [
    { type: 'text', text: t(theirs, 'task.card', { leader: task.createdBy, title: task.title, due: dueText(theirs, task) }) },
    { type: 'context', text: t(theirs, 'task.card.consent') },
    buttons(theirs, community, task, ['accept', 'decline']),
  ];
  // Delivered after this reply; a task nobody can be told about goes back to the leader, who hears why.
  const unreachable = {
    kind: 'task.unreachable',
    tenant: ctx.tenant,
    communityId: community.id,
    ref: task.id,
    minute: deps.now().toISOString().slice(0, 16),
  } as const;
  await deps.deferred.run([sendJob(ctx.tenant, { member: task.ownerId }, { text: plain(card), blocks: card }, unreachable)]);
}

/** Tasks: offered with consent, then done or handed back by their owner; dates in the community's timezone. */
export const tasksFeature: Features<
  | 'task'
  | 'tasks'
  | 'task.move'
  | 'task.decline.open'
  | 'task.reoffer.open'
  | 'task.reoffer'
  | 'task.due.open'
  | 'task.due.save'
  | 'task.done'
  | 'tasks.suggest'
> = {
  task: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const { community } = snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'task.forbidden'));
    const campaign = cmd.campaign?.trim()
      ? await deps.campaigns.get(ctx.tenant, community.id, (await import('../campaigns/model.ts')).campaignId(cmd.campaign))
      : undefined;
    if (cmd.campaign?.trim() && !campaign)
      return ephemeral(t(locale, 'campaign.unknown', { name: clip(cmd.campaign.replace(/[`<>*]/g, ''), 80) }));
    const offered = await offerTask(community, locale, { ...cmd, ...(campaign ? { campaignId: campaign.id } : {}) }, ctx, deps);
    return offered.reply;
  },

  tasks: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const view = { filter: cmd.filter, ...(cmd.word?.trim() ? { word: cmd.word.trim() } : {}) };
    return listReply(snapshot.community, locale, ctx, deps, view);
  },

  'task.move': async (cmd, ctx, deps) => {
    const found = await taskOf(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { community, locale, task } = found;
    const view = viewOf(cmd);
    const answer = (text: string, changed?: Task) =>
      view ? listReply(community, locale, ctx, deps, view, { note: text, ...(changed ? { changed } : {}) }) : ephemeral(text);
    if (!task) return answer(t(locale, 'task.gone'));
    const at = deps.now().toISOString();
    if (cmd.move === 'drop') {
      if (task.createdBy !== ctx.userId) return ephemeral(t(locale, 'task.notAsker', { leader: task.createdBy }));
      const dropped = await deps.tasks.drop(ctx.tenant, community.id, task.id, ctx.userId, at);
      if (dropped === 'conflict') return answer(t(locale, 'task.gone'));
      return answer(t(locale, 'task.dropped', { title: task.title }), { ...task, status: 'dropped', updatedAt: at });
    }
    if (task.ownerId !== ctx.userId) return ephemeral(t(locale, 'task.notYours'));
    const { from, to } = taskMoves[cmd.move];
    // One outcome per task however often a button is clicked: the move is conditional on the status.
    const reason = cmd.move === 'decline' && cmd.reason?.trim() ? clip(cmd.reason.replace(/\s+/g, ' ').trim(), REASON_MAX) : undefined;
    const moved = await deps.tasks.move(ctx.tenant, community.id, task.id, ctx.userId, from, to, at, reason);
    if (moved === 'conflict') return answer(t(locale, 'task.gone'));
    const notice = reason ? 'task.notify.declinedWhy' : notices[cmd.move];
    await tellOtherSide(
      ctx,
      deps,
      task,
      (l) => t(l, notice, { user: ctx.userId, title: task.title, reason: reason ?? '' }),
      cmd.move === 'accept',
      community,
    );
    const changed: Task = { ...task, status: to, updatedAt: at, ...(reason ? { reason } : {}) };
    if (view) {
      const note =
        cmd.move === 'accept'
          ? t(locale, 'task.accepted', { title: task.title, due: dueText(locale, task) })
          : t(locale, answers[cmd.move], { title: task.title });
      return answer(note, changed);
    }
    if (cmd.move !== 'accept') return ephemeral(t(locale, answers[cmd.move], { title: task.title }));
    return message('ephemeral', [
      { type: 'text', text: t(locale, 'task.accepted', { title: task.title, due: dueText(locale, task) }) },
      buttons(locale, community, task, ['done', 'handBack', 'due']),
    ]);
  },

  'task.decline.open': async (cmd, ctx, deps) => {
    const found = await taskOf(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { community, locale, task } = found;
    if (task && task.ownerId !== ctx.userId) return ephemeral(t(locale, 'task.notYours'));
    if (task?.status !== 'proposed')
      return cmd.view
        ? listReply(
            community,
            locale,
            ctx,
            deps,
            { filter: cmd.view, ...(cmd.word ? { word: cmd.word } : {}) },
            { note: t(locale, 'task.gone') },
          )
        : ephemeral(t(locale, 'task.gone'));
    return {
      kind: 'modal',
      modal: {
        id: 'task.decline',
        state: modalState(ctx, community, task, cmd),
        title: t(locale, 'task.decline.title'),
        submit: t(locale, 'task.decline.submit'),
        fields: [
          {
            id: 'reason',
            label: t(locale, 'task.decline.label'),
            hint: t(locale, 'task.decline.hint'),
            multiline: true,
            required: false,
            maxLength: REASON_MAX,
          },
        ],
      },
    };
  },

  'task.reoffer.open': async (cmd, ctx, deps) => {
    const found = await taskOf(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { community, locale, task } = found;
    if (!task || !actionsFor(task, ctx.userId).includes('reoffer')) return refusal(locale, ctx, task);
    return {
      kind: 'modal',
      modal: {
        id: 'task.reoffer',
        state: modalState(ctx, community, task, cmd),
        title: t(locale, 'task.reoffer.title'),
        submit: t(locale, 'task.reoffer.submit'),
        fields: [
          {
            id: 'who',
            label: t(locale, 'task.reoffer.label'),
            hint: t(locale, 'task.reoffer.hint'),
            users: [],
            multiline: false,
            required: true,
            maxLength: 2000,
          },
        ],
      },
    };
  },

  'task.reoffer': async (cmd, ctx, deps) => {
    const found = await taskOf(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { community, locale, task } = found;
    const view = viewOf(cmd);
    const answer = (text: string, changed?: Task) =>
      view ? listReply(community, locale, ctx, deps, view, { note: text, ...(changed ? { changed } : {}) }) : ephemeral(text);
    if (task && task.createdBy !== ctx.userId) return refusal(locale, ctx, task);
    if (!task || !isSettledBack(task)) return answer(t(locale, 'task.gone'));
    const picked = (cmd.userIds ?? '').split(/\s+/).filter((id) => /^[A-Z0-9]{1,30}$/.test(id));
    if (picked.length !== 1) {
      const text = t(locale, 'task.reoffer.pickOne');
      return { kind: 'fieldErrors', errors: { who: text }, text };
    }
    const [owner] = picked as [string];
    const at = deps.now().toISOString();
    // Conditional on it still being back with this leader: a second submit offers it to nobody else.
    const saved = await deps.tasks.reoffer(ctx.tenant, community.id, task.id, ctx.userId, owner, at);
    if (saved === 'conflict') return answer(t(locale, 'task.gone'));
    const { reason: _reason, ...rest } = task;
    const offered: Task = { ...rest, ownerId: owner, status: 'proposed', updatedAt: at };
    await sendCard(community, offered, ctx, deps);
    return answer(t(locale, 'task.reoffered', { user: owner, title: task.title }), offered);
  },

  'task.due.open': async (cmd, ctx, deps) => {
    const found = await taskOf(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { community, locale, task } = found;
    if (!task || !actionsFor(task, ctx.userId).includes('due')) return refusal(locale, ctx, task);
    return {
      kind: 'modal',
      modal: {
        id: 'task.due',
        state: modalState(ctx, community, task, cmd),
        title: t(locale, 'task.due.title'),
        submit: t(locale, 'task.due.submit'),
        fields: [
          {
            id: 'due',
            label: t(locale, 'task.due.label'),
            hint: t(locale, 'task.due.hint'),
            ...(task.due ? { value: task.due.date } : {}),
            multiline: false,
            required: true,
            maxLength: 100,
          },
        ],
      },
    };
  },

  'task.due.save': async (cmd, ctx, deps) => {
    const found = await taskOf(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { community, locale, task } = found;
    const view = viewOf(cmd);
    if (!task || !actionsFor(task, ctx.userId).includes('due')) {
      if (task && task.ownerId !== ctx.userId && task.createdBy !== ctx.userId) return refusal(locale, ctx, task);
      return view ? listReply(community, locale, ctx, deps, view, { note: t(locale, 'task.gone') }) : ephemeral(t(locale, 'task.gone'));
    }
    const typed = (cmd.due ?? '').trim();
    const now = deps.now();
    const dates = await import('../kernel/due-date.ts');
    const read = typed ? dates.readDue(typed, communityZone(community), now, locale) : undefined;
    if (!read || !('due' in read)) {
      const text =
        read && 'problem' in read && read.problem === 'past'
          ? dates.pastText(locale, read.understood, communityZone(community))
          : t(locale, 'task.due.bad', { due: clip(typed.replace(/[`<>*]/g, ''), 60) });
      return { kind: 'fieldErrors', errors: { due: text }, text };
    }
    const { due } = read;
    // Shown in each reader's own calendar (and clock, for a due time).
    const date = `<t:${due.dueAt}:${'time' in due && due.time ? 'f' : 'D'}>`;
    const answer = (text: string, changed?: Task) =>
      view ? listReply(community, locale, ctx, deps, view, { note: text, ...(changed ? { changed } : {}) }) : ephemeral(text);
    if (task.due?.date === due.date) return answer(t(locale, 'task.due.same', { title: task.title, date }));
    const at = now.toISOString();
    const saved = await deps.tasks.reschedule(ctx.tenant, community.id, task.id, due, task.updatedAt, at);
    if (saved === 'conflict') return answer(t(locale, 'task.gone'));
    await tellOtherSide(
      ctx,
      deps,
      task,
      (l) => t(l, 'task.notify.rescheduled', { user: ctx.userId, title: task.title, date }),
      task.status === 'accepted',
      community,
    );
    return answer(t(locale, 'task.due.moved', { title: task.title, date }), { ...task, due, updatedAt: at });
  },

  'task.done': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const { community } = snapshot;
    const query = (cmd.query ?? '').trim();
    if (!query) return ephemeral(t(locale, 'task.done.usage'));
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const open = sortTasks(await deps.tasks.list(ctx.tenant, community.id, LIST_LIMIT), nowSeconds).filter(
      (task) => task.ownerId === ctx.userId,
    );
    const exact = open.filter((task) => task.id === query);
    const matching = exact.length > 0 ? exact : open.filter((task) => titleMatches(task.title, query));
    const quoted = clip(query.replace(/[`<>*]/g, ''), 60);
    if (matching.length === 0) {
      const lines = open.map((task, i) => lineOf(locale, task, i + 1, nowSeconds));
      return ephemeral(
        t(locale, 'task.done.none', { query: quoted }),
        lines.length > 0 ? `${t(locale, 'task.done.yours')}\n${linesWithMore(locale, lines, { max: 30 })}` : t(locale, 'task.done.nothing'),
      );
    }
    if (matching.length > 1) {
      const blocks = listBlocks(locale, community, ctx.userId, matching, { filter: 'mine', word: query }, nowSeconds);
      return message('ephemeral', [{ type: 'text', text: t(locale, 'task.done.which', { query: quoted }) }, ...blocks.slice(1)]);
    }
    const [task] = matching as [Task];
    if (task.status !== 'accepted')
      return message('ephemeral', [
        { type: 'text', text: t(locale, 'task.done.notYet', { title: task.title }) },
        buttons(locale, community, task, ['accept', 'decline']),
      ]);
    const moved = await deps.tasks.move(ctx.tenant, community.id, task.id, ctx.userId, 'accepted', 'done', deps.now().toISOString());
    if (moved === 'conflict') return ephemeral(t(locale, 'task.gone'));
    await tellOtherSide(ctx, deps, task, (l) => t(l, notices.done, { user: ctx.userId, title: task.title }), false, community);
    return ephemeral(t(locale, answers.done, { title: task.title }));
  },

  'tasks.suggest': async (cmd, ctx, deps) => {
    const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
    if (found.kind !== 'found') return { kind: 'choices', choices: [] };
    const { community } = found.snapshot;
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const query = cmd.query.trim();
    const mine = sortTasks(await deps.tasks.list(ctx.tenant, community.id, LIST_LIMIT), nowSeconds).filter(
      (task) => task.ownerId === ctx.userId && task.status === 'accepted' && (!query || titleMatches(task.title, query)),
    );
    return { kind: 'choices', choices: mine.slice(0, 25).map((task) => ({ name: clip(task.title, 100), value: task.id })) };
  },
};

/** How much of a reason for declining is kept. */
const REASON_MAX = 500;

/** A task modal's state: where the task lives and the list to redraw once it is submitted. */
const modalState = (ctx: CommandContext, community: Community, task: Task, cmd: { view?: string | undefined; word?: string | undefined }) =>
  [ctx.tenant.id, community.id, task.id, cmd.view ?? '', cmd.word ? idWord(cmd.word) : ''].join('|').replace(/\|+$/, '');

type ListView = { readonly filter: 'mine' | 'all' | 'overdue'; readonly word?: string };

const viewOf = (cmd: { view?: ListView['filter'] | undefined; word?: string | undefined }): ListView | undefined =>
  cmd.view ? { filter: cmd.view, ...(cmd.word ? { word: cmd.word } : {}) } : undefined;

/** The community and task a button (or its modal) names; the community must be the one the ids carry. */
async function taskOf(
  cmd: { tenantId: string; communityId: string; taskId: string },
  ctx: CommandContext,
  deps: CoreDeps,
): Promise<{ reply: Reply } | { community: Community; locale: Locale; task: Task | undefined }> {
  const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId } satisfies CommandContext, deps);
  if ('reply' in resolved) return { reply: resolved.reply };
  const { snapshot, locale } = resolved;
  const { community } = snapshot;
  if (cmd.tenantId !== ctx.tenant.id || community.id !== cmd.communityId) return { reply: ephemeral(t(locale, 'task.gone')) };
  return { community, locale, task: await deps.tasks.get(ctx.tenant, community.id, cmd.taskId) };
}

/** Why this reader cannot change the task (or that it has moved on). */
function refusal(locale: Locale, ctx: CommandContext, task: Task | undefined): MessageReply {
  if (!task) return ephemeral(t(locale, 'task.gone'));
  if (task.ownerId !== ctx.userId && task.createdBy !== ctx.userId)
    return ephemeral(t(locale, 'task.notAsker', { leader: task.createdBy }));
  return ephemeral(t(locale, 'task.gone'));
}

/**
 * The other side hears of a change by direct message through the outbox: the leader who asked when the
 * owner acts, the owner when the leader does (nobody when they are the same person). An accepted task's
 * reminders are planned again in its owner's timezone by the worker.
 */
async function tellOtherSide(
  ctx: CommandContext,
  deps: CoreDeps,
  task: Task,
  text: (locale: Locale) => string,
  plan: boolean,
  community: Community,
): Promise<void> {
  const other = ctx.userId === task.ownerId ? task.createdBy : task.ownerId;
  // In the other side's own language (they read it in their direct messages).
  const notice: Block[] = other !== ctx.userId ? [{ type: 'text', text: text(await personLocale(deps, community, other)) }] : [];
  const minute = deps.now().toISOString().slice(0, 16);
  await deps.deferred.run([
    ...(other !== ctx.userId ? [sendJob(ctx.tenant, { member: other }, { text: plain(notice), blocks: notice })] : []),
    ...(plan ? [{ kind: 'task.plan', tenant: ctx.tenant, communityId: task.communityId, ref: task.id, minute } as const] : []),
  ]);
}

/** One task's line in a list, numbered so that its buttons (labelled with the same number) are found on Discord too. */
function lineOf(locale: Locale, task: Task, n: number, nowSeconds: number): string {
  const overdue = task.due !== undefined && task.due.dueAt < nowSeconds;
  const icon = isSettledBack(task) ? '⚪' : overdue ? '🔴' : task.status === 'proposed' ? '⏳' : '🟢';
  const mark =
    task.status === 'proposed'
      ? t(locale, 'tasks.asked')
      : task.status === 'declined'
        ? task.reason
          ? t(locale, 'tasks.declinedWhy', { owner: task.ownerId, reason: clip(task.reason, 120) })
          : t(locale, 'tasks.declinedBy', { owner: task.ownerId })
        : task.status === 'handedBack'
          ? t(locale, 'tasks.handedBackBy', { owner: task.ownerId })
          : '';
  return `${n}. ${t(locale, 'tasks.line', { icon, title: task.title, owner: task.ownerId, due: `${dueText(locale, task)}${mark}` })}`;
}

/**
 * What a list shows its reader: open tasks (overdue first), and, to the leader who asked, the tasks
 * declined or handed back, until they drop them. `mine` is the reader's own open work only.
 */
function visible(tasks: readonly Task[], reader: string, view: ListView, nowSeconds: number): Task[] {
  const open = sortTasks(tasks, nowSeconds);
  const back = tasks
    .filter((task) => isSettledBack(task) && task.createdBy === reader)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const overdue = (task: Task) => task.due !== undefined && task.due.dueAt < nowSeconds;
  const listed =
    view.filter === 'mine'
      ? open.filter((task) => task.ownerId === reader)
      : view.filter === 'overdue'
        ? [...open, ...back].filter(overdue)
        : [...open, ...back];
  return view.word ? listed.filter((task) => titleMatches(task.title, view.word ?? '')) : listed;
}

/** Tasks with buttons in one list: Discord shows five rows of buttons, one row a task. */
const WITH_BUTTONS = 5;
const LINES_MAX = 30;

/**
 * A list's blocks: the header, then the tasks' lines, each task the reader can act on followed by its
 * buttons (the first five of them), within the list budget; what is left out is counted.
 */
function listBlocks(
  locale: Locale,
  community: Community,
  reader: string,
  tasks: readonly Task[],
  view: ListView,
  nowSeconds: number,
): Block[] {
  const header = view.word
    ? t(locale, 'tasks.title.word', { word: clip(view.word.replace(/[`<>*]/g, ''), 60) })
    : t(locale, `tasks.title.${view.filter}`);
  const blocks: Block[] = [{ type: 'header', text: header }];
  if (tasks.length === 0) {
    blocks.push({
      type: 'text',
      text: view.word ? t(locale, 'tasks.empty.word', { word: clip(view.word.replace(/[`<>*]/g, ''), 60) }) : t(locale, 'tasks.empty'),
    });
    return blocks;
  }
  const word = view.word ? idWord(view.word) : '';
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0) blocks.push({ type: 'text', text: chunk.join('\n') });
    chunk = [];
  };
  let used = 0;
  let shown = 0;
  let withButtons = 0;
  let withoutButtons = 0;
  for (const [i, task] of tasks.entries()) {
    const line = lineOf(locale, task, i + 1, nowSeconds);
    if (shown >= LINES_MAX || (shown > 0 && used + 1 + line.length > LIST_BUDGET)) break;
    used += (shown > 0 ? 1 : 0) + line.length;
    shown++;
    chunk.push(line);
    const moves = actionsFor(task, reader);
    if (moves.length === 0) continue;
    if (withButtons >= WITH_BUTTONS) {
      withoutButtons++;
      continue;
    }
    flush();
    blocks.push(buttons(locale, community, task, moves, { number: i + 1, view: view.filter, word }));
    withButtons++;
  }
  flush();
  if (shown < tasks.length)
    blocks.push({ type: 'text', text: tn(locale, 'list.more', tasks.length - shown, { how: t(locale, 'tasks.more.how') }).trim() });
  if (withoutButtons > 0) blocks.push({ type: 'context', text: tn(locale, 'tasks.more.buttons', withoutButtons) });
  return blocks;
}

/** A list as a reply; from a button or its modal (`note` set) it redraws the list in place, the note on top. */
async function listReply(
  community: Community,
  locale: Locale,
  ctx: CommandContext,
  deps: CoreDeps,
  view: ListView,
  redraw?: { note: string; changed?: Task },
): Promise<MessageReply> {
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  // A change this command made is not in the table yet (it is committed with the reply): shown as made.
  const changed = redraw?.changed;
  const all = (await deps.tasks.list(ctx.tenant, community.id, LIST_LIMIT)).map((task) =>
    changed && task.id === changed.id ? changed : task,
  );
  const blocks = listBlocks(locale, community, ctx.userId, visible(all, ctx.userId, view, nowSeconds), view, nowSeconds);
  if (!redraw) return message('ephemeral', blocks);
  const [header, ...rest] = blocks as [Block, ...Block[]];
  return { ...message('ephemeral', [header, { type: 'context', text: redraw.note }, ...rest]), replace: true };
}
