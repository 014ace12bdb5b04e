import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import { leadersOnly } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import { ephemeral, type MessageReply } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { dueText } from './card.ts';
import type { TaskCommandOf } from './commands.ts';
import { type Task, taskLimits } from './model.ts';
import { sendCard } from './notify.ts';

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

/** `task @someone what [by when] [campaign:…]`: a leader offers a task, attached to a campaign if named. */
export const offerHandlers: Handlers<TaskCommandOf<'task'>> = {
  task: leadersOnly('task.forbidden', async (cmd, ctx, deps, { community, locale }) => {
    const campaign = cmd.campaign?.trim()
      ? await deps.campaigns.get(ctx.tenant, community.id, (await import('../campaigns/model.ts')).campaignId(cmd.campaign))
      : undefined;
    if (cmd.campaign?.trim() && !campaign)
      return ephemeral(t(locale, 'campaign.unknown', { name: clip(cmd.campaign.replace(/[`<>*]/g, ''), 80) }));
    const offered = await offerTask(community, locale, { ...cmd, ...(campaign ? { campaignId: campaign.id } : {}) }, ctx, deps);
    return offered.reply;
  }),
};
