import type { CommunitySnapshot } from '../facts.ts';
import { nextActionText } from '../hints.ts';
import type { Locale, MessageKey } from '../i18n/translate.ts';
import { t, tn } from '../i18n/translate.ts';
import { computeProgress } from '../progress.ts';
import type { Block } from '../reply.ts';
import { message } from '../reply.ts';
import { localToday, phaseName } from './campaign.ts';
import { resolveCommunity } from './context.ts';
import type { Features } from './feature.ts';

/** The status card: name, vision, the seven stages with progress, and the one next action. */
export function statusBlocks(snapshot: CommunitySnapshot, locale: Locale, today?: string): Block[] {
  const { community } = snapshot;
  const progress = computeProgress(snapshot);
  // Once written, the vision is the first line of the status card.
  const blocks: Block[] = community.story.vision
    ? [{ type: 'text', text: t(locale, 'status.vision', { vision: community.story.vision }) }]
    : [];
  blocks.push({ type: 'header', text: t(locale, 'status.title', { name: community.name }) });
  const lines = progress.stages.map(({ stage, done, total, complete }, i) => {
    const icon = complete ? '✅' : done > 0 ? '🟡' : '⚪';
    const vars = { icon, n: i + 1, stage: t(locale, stage.name), done, total };
    return t(locale, complete ? 'status.stage.done' : 'status.stage', vars);
  });
  blocks.push({ type: 'text', text: lines.join('\n') });
  // While a campaign runs, the next action is its current phase's work.
  const campaign = community.campaign;
  const phase = campaign && today ? campaign.phases.find((p) => p.start <= today && today <= p.end) : undefined;
  blocks.push({
    type: 'text',
    text:
      campaign && phase
        ? t(locale, 'status.next', {
            action: t(locale, `campaign.hint.${phase.id}` as MessageKey, {
              name: campaign.name,
              phase: phaseName(locale, phase.id),
              end: phase.end,
            }),
          })
        : progress.next
          ? t(locale, 'status.next', { action: nextActionText(progress.next.fact, t(locale, progress.next.key), snapshot, locale) })
          : t(locale, 'status.allDone'),
  });
  return blocks;
}

/** `status`: one read of the community's partition, everything derived from it. */
export const statusFeature: Features<'status'> = {
  status: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { community } = resolved.snapshot;
    // The timezone database is loaded only when a campaign's phase depends on today's date.
    const today = community.campaign ? await localToday(community, deps.now()) : undefined;
    const blocks = statusBlocks(resolved.snapshot, resolved.locale, today);
    // What the outbox gave up on is for those who can act on it: the coordinator and the role leads.
    const leads = community.coordinatorId === ctx.userId || community.roles.some((role) => role.leadId === ctx.userId);
    if (leads && community.undelivered)
      blocks.push({
        type: 'context',
        text: tn(resolved.locale, 'status.undelivered', community.undelivered, { count: community.undelivered }),
      });
    return message('ephemeral', blocks);
  },
};
