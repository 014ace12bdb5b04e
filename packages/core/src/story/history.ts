import { storyFields } from '../community/model.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { ephemeral } from '../kernel/reply.ts';
import { strategyText } from '../strategy/handlers.ts';
import type { StoryCommand, StoryCommandOf } from './commands.ts';
import { capitalised, kindName, shortDate, storyParts } from './common.ts';
import { COMMUNITY_OWNER } from './model.ts';
import { questionLabel } from './questions.ts';

const LIST_LIMIT = 10;

/** `story history [kind] [version]`: the versions of a story, or one of them. A story of self: only one's own. */
export const historyHandlers: Pick<Handlers<StoryCommand>, 'story.history'> = {
  'story.history': inCommunity<StoryCommandOf<'story.history'>, Pick<CoreDeps, 'store' | 'stories' | 'defaultLocale'>>(
    async (cmd, ctx, deps, { snapshot, locale }) => {
      const { tenant, id } = snapshot.community;
      const owner = cmd.kind === 'self' ? ctx.userId : COMMUNITY_OWNER;
      const kind = kindName(locale, cmd.kind);
      if (cmd.version !== undefined) {
        const found = await deps.stories.version(tenant, id, cmd.kind, owner, cmd.version);
        if (!found) return ephemeral(t(locale, 'story.history.notFound', { version: cmd.version, kind }));
        const body =
          found.kind === 'questions'
            ? storyFields
                .filter((f) => found.parts[f])
                .map((f) => `**${questionLabel(locale, f)}**\n${found.parts[f]}`)
                .join('\n\n')
            : found.kind === 'strategy'
              ? strategyText(locale, found.parts)
              : storyParts(locale, { kind: found.kind, parts: found.parts });
        return ephemeral(
          t(locale, 'story.history.show', {
            kind: capitalised(kind),
            version: found.version,
            author: found.authorId,
            date: shortDate(found.createdAt),
          }),
          body,
        );
      }
      const versions = await deps.stories.versions(tenant, id, cmd.kind, owner, LIST_LIMIT);
      if (versions.length === 0) return ephemeral(t(locale, 'story.history.empty', { kind }));
      const lines = versions.map((v) =>
        t(locale, 'story.history.line', { version: v.version, date: shortDate(v.createdAt), author: v.authorId }),
      );
      return ephemeral(
        `**${t(locale, 'story.history.title', { kind })}**\n${lines.join('\n')}`,
        t(locale, 'story.history.more', { kind: cmd.kind }),
      );
    },
  ),
};
