import { limits } from '../community/model.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { StoryCommand, StoryCommandOf } from './commands.ts';

/** Deleting one's own story of self (all versions), and the coordinator's N for stage 1. */
export const adminHandlers: Pick<Handlers<StoryCommand>, 'story.delete' | 'story.needed'> = {
  'story.delete': inCommunity<StoryCommandOf<'story.delete'>, Pick<CoreDeps, 'store' | 'stories' | 'defaultLocale'>>(
    async (_cmd, ctx, deps, { snapshot, locale }) => {
      const removed = await deps.stories.deleteSelf(ctx.tenant, snapshot.community.id, ctx.userId);
      return ephemeral(removed > 0 ? tn(locale, 'story.deleted', removed) : t(locale, 'story.deleteNothing'));
    },
  ),

  'story.needed': inCommunity<StoryCommandOf<'story.needed'>, Pick<CoreDeps, 'store' | 'defaultLocale' | 'now'>>(
    async (cmd, ctx, deps, { snapshot, locale }) => {
      const { community } = snapshot;
      if (cmd.count === undefined) return ephemeral(tn(locale, 'story.needed.current', community.selfStoriesNeeded));
      if (community.coordinatorId !== ctx.userId) return ephemeral(t(locale, 'story.needed.forbidden'));
      if (!Number.isInteger(cmd.count) || cmd.count < 1 || cmd.count > limits.selfStoriesNeeded) {
        return ephemeral(t(locale, 'story.needed.invalid', { max: limits.selfStoriesNeeded }));
      }
      const saved = await deps.store.setSelfStoriesNeeded(ctx.tenant, community.id, cmd.count, deps.now().toISOString());
      return ephemeral(saved === 'saved' ? tn(locale, 'story.needed.set', cmd.count) : t(locale, 'community.gone'));
    },
  ),
};
