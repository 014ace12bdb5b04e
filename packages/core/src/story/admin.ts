import { limits } from '../community/model.ts';
import { resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';

/** Deleting one's own story of self (all versions), and the coordinator's N for stage 1. */
export const storyAdminFeature: Features<'story.delete' | 'story.needed'> = {
  'story.delete': async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const removed = await deps.stories.deleteSelf(ctx.tenant, snapshot.community.id, ctx.userId);
    return ephemeral(removed > 0 ? tn(locale, 'story.deleted', removed) : t(locale, 'story.deleteNothing'));
  },

  'story.needed': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const { community } = snapshot;
    if (cmd.count === undefined) return ephemeral(tn(locale, 'story.needed.current', community.selfStoriesNeeded));
    if (community.coordinatorId !== ctx.userId) return ephemeral(t(locale, 'story.needed.forbidden'));
    if (!Number.isInteger(cmd.count) || cmd.count < 1 || cmd.count > limits.selfStoriesNeeded) {
      return ephemeral(t(locale, 'story.needed.invalid', { max: limits.selfStoriesNeeded }));
    }
    const saved = await deps.store.setSelfStoriesNeeded(ctx.tenant, community.id, cmd.count, deps.now().toISOString());
    return ephemeral(saved === 'saved' ? tn(locale, 'story.needed.set', cmd.count) : t(locale, 'community.gone'));
  },
};
