import type { Community } from '../community/model.ts';
import { personLocale } from '../kernel/context.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { buttons, dueText } from './card.ts';
import type { Task } from './model.ts';

/** What the person who asked hears after each answer. */
export const notices = {
  accept: 'task.notify.accepted',
  decline: 'task.notify.declined',
  done: 'task.notify.done',
  handBack: 'task.notify.handedBack',
} as const;
/** What the owner hears after each answer (accepting is answered with the task's own buttons). */
export const answers = { decline: 'task.declined', done: 'task.completed', handBack: 'task.handedBack' } as const;

/** The offer's direct message to the task's owner (Accept / Decline), through the outbox. */
export async function sendCard(community: Community, task: Task, ctx: CommandContext, deps: CoreDeps): Promise<void> {
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
  await deps.deferred.run([sendJob(ctx.tenant, { member: task.ownerId }, { text: plainText(card), blocks: card }, unreachable)]);
}

/**
 * The other side hears of a change by direct message through the outbox: the leader who asked when the
 * owner acts, the owner when the leader does (nobody when they are the same person). An accepted task's
 * reminders are planned again in its owner's timezone by the worker.
 */
export async function tellOtherSide(
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
    ...(other !== ctx.userId ? [sendJob(ctx.tenant, { member: other }, { text: plainText(notice), blocks: notice })] : []),
    ...(plan ? [{ kind: 'task.plan', tenant: ctx.tenant, communityId: task.communityId, ref: task.id, minute } as const] : []),
  ]);
}
