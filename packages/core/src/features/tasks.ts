import { actionId } from '../actions.ts';
import type { Community } from '../community.ts';
import type { Locale } from '../i18n/translate.ts';
import { t } from '../i18n/translate.ts';
import { sendJob } from '../jobs.ts';
import type { CommandContext, CoreDeps } from '../ports.ts';
import type { Block, Button } from '../reply.ts';
import { ephemeral, type MessageReply, message } from '../reply.ts';
import { sortTasks, type Task, taskLimits, taskMoves } from '../tasks.ts';
import { clip } from '../text.ts';
import { isLeader, resolveCommunity } from './context.ts';
import type { Features } from './feature.ts';
import { linesWithMore } from './list-more.ts';

const plain = (blocks: Block[]) => blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
/** A date every viewer sees in their own calendar (Discord `<t:…:D>`; Slack renders it as `<!date^…>`). */
const dueText = (locale: Locale, task: Pick<Task, 'due'>) => (task.due ? t(locale, 'task.due', { date: `<t:${task.due.dueAt}:D>` }) : '');
const zoneOf = (community: Community) => community.timezone ?? 'UTC';
const LIST_LIMIT = 100;

function buttons(locale: Locale, community: Community, task: Task, moves: readonly ('accept' | 'decline' | 'done' | 'handBack')[]): Block {
  const list: Button[] = moves.map((move) => ({
    id: actionId.task(move, community.tenant.id, community.id, task.id),
    label: t(locale, `task.${move}`),
    ...(move === 'accept' || move === 'done' ? { primary: true } : {}),
  }));
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
  const due = input.due?.trim() ? (await import('../due.ts')).parseDue(input.due, zoneOf(community), now) : undefined;
  if (input.due?.trim() && !due)
    return { reply: ephemeral(t(locale, 'task.badDate', { due: clip(input.due.replace(/[`<>*]/g, ''), 60) })) };
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
  const card: Block[] = [
    { type: 'text', text: t(locale, 'task.card', { leader: ctx.userId, title, due: dueText(locale, task) }) },
    { type: 'context', text: t(locale, 'task.card.consent') },
    buttons(locale, community, task, ['accept', 'decline']),
  ];
  // Delivered after this reply; a task nobody can be told about goes back to the leader, who hears why.
  const unreachable = {
    kind: 'task.unreachable',
    tenant: ctx.tenant,
    communityId: community.id,
    ref: task.id,
    minute: at.slice(0, 16),
  } as const;
  await deps.deferred.run([sendJob(ctx.tenant, { member: input.userId }, { text: plain(card), blocks: card }, unreachable)]);
  return { reply: ephemeral(t(locale, 'task.asked', { user: input.userId, title, due: dueText(locale, task) })), task };
}

/** Tasks: offered with consent, then done or handed back by their owner; dates in the community's timezone. */
export const tasksFeature: Features<'tz' | 'task' | 'tasks' | 'task.move'> = {
  tz: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    if (cmd.me && !cmd.zone) {
      const member = await deps.members.member(ctx.tenant, snapshot.community.id, ctx.userId);
      return ephemeral(t(locale, 'tz.mine', { zone: member?.timezone ?? zoneOf(snapshot.community) }));
    }
    if (!cmd.zone) return ephemeral(t(locale, 'tz.current', { zone: zoneOf(snapshot.community) }));
    // The timezone database (luxon) is loaded only by the commands that use dates.
    const { isTimeZone } = await import('../due.ts');
    if (!isTimeZone(cmd.zone)) return ephemeral(t(locale, 'tz.invalid', { zone: cmd.zone.replace(/[`<>*]/g, '') }));
    if (cmd.me) {
      await deps.members.setTimezone(ctx.tenant, snapshot.community.id, ctx.userId, cmd.zone);
      return ephemeral(t(locale, 'tz.mineSet', { zone: cmd.zone }));
    }
    if (!(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'tz.forbidden'));
    const saved = await deps.store.setTimezone(ctx.tenant, snapshot.community.id, cmd.zone, deps.now().toISOString());
    return ephemeral(saved === 'saved' ? t(locale, 'tz.set', { zone: cmd.zone }) : t(locale, 'community.gone'));
  },

  task: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const { community } = snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'task.forbidden'));
    const campaign = cmd.campaign?.trim()
      ? await deps.campaigns.get(ctx.tenant, community.id, (await import('../campaigns.ts')).campaignId(cmd.campaign))
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
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const all = sortTasks(await deps.tasks.list(ctx.tenant, snapshot.community.id, LIST_LIMIT), nowSeconds);
    const shown = all.filter((task) =>
      cmd.filter === 'mine'
        ? task.ownerId === ctx.userId
        : cmd.filter === 'overdue'
          ? task.due !== undefined && task.due.dueAt < nowSeconds
          : true,
    );
    const lines = shown.map((task) =>
      t(locale, 'tasks.line', {
        icon: task.due && task.due.dueAt < nowSeconds ? '🔴' : task.status === 'proposed' ? '⏳' : '🟢',
        title: task.title,
        owner: task.ownerId,
        due: `${dueText(locale, task)}${task.status === 'proposed' ? t(locale, 'tasks.asked') : ''}`,
      }),
    );
    return message('ephemeral', [
      { type: 'header', text: t(locale, `tasks.title.${cmd.filter}`) },
      {
        type: 'text',
        text: lines.length > 0 ? linesWithMore(locale, lines, { max: 30, how: t(locale, 'tasks.more.how') }) : t(locale, 'tasks.empty'),
      },
    ]);
  },

  'task.move': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId } satisfies CommandContext, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const { community } = snapshot;
    if (cmd.tenantId !== ctx.tenant.id || community.id !== cmd.communityId) return ephemeral(t(locale, 'task.gone'));
    const task = await deps.tasks.get(ctx.tenant, community.id, cmd.taskId);
    if (!task) return ephemeral(t(locale, 'task.gone'));
    if (task.ownerId !== ctx.userId) return ephemeral(t(locale, 'task.notYours'));
    const { from, to } = taskMoves[cmd.move];
    // One outcome per task however often a button is clicked: the move is conditional on the status.
    const moved = await deps.tasks.move(ctx.tenant, community.id, task.id, ctx.userId, from, to, deps.now().toISOString());
    if (moved === 'conflict') return ephemeral(t(locale, 'task.gone'));
    const notice: Block[] = [{ type: 'text', text: t(locale, notices[cmd.move], { user: ctx.userId, title: task.title }) }];
    // The leader hears it from the worker; an accepted task's reminders follow the owner's own timezone,
    // which the worker reads: neither holds up this reply.
    const plan = {
      kind: 'task.plan',
      tenant: ctx.tenant,
      communityId: community.id,
      ref: task.id,
      minute: deps.now().toISOString().slice(0, 16),
    } as const;
    await deps.deferred.run([
      sendJob(ctx.tenant, { member: task.createdBy }, { text: plain(notice), blocks: notice }),
      ...(cmd.move === 'accept' && task.due ? [plan] : []),
    ]);
    if (cmd.move !== 'accept') return ephemeral(t(locale, answers[cmd.move], { title: task.title }));
    return message('ephemeral', [
      { type: 'text', text: t(locale, 'task.accepted', { title: task.title, due: dueText(locale, task) }) },
      buttons(locale, community, task, ['done', 'handBack']),
    ]);
  },
};
