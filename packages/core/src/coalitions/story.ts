import { inCommunity, isLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral, fieldErrors } from '../kernel/reply.ts';
import { fits } from '../kernel/text.ts';
import type { CoalitionCommandOf } from './commands.ts';
import { noneReply, safe } from './create.ts';
import { storyState } from './ids.ts';

/** The shared story of us: a few paragraphs. */
export const STORY_MAX = 2000;

/**
 * `coalition story`: any leader of a member community writes the coalition's story of us in a modal, opened
 * on the coalition's version; saving on that version means a save by someone else meanwhile is never lost.
 */
export const coalitionStoryHandlers: Handlers<CoalitionCommandOf<'coalition.story.open' | 'coalition.story.save'>> = {
  'coalition.story.open': inCommunity(async (_cmd, ctx, deps, scope) => {
    const { community } = scope.snapshot;
    const { locale } = scope;
    if (!community.coalition) return noneReply(community, scope);
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'coalition.story.forbidden', { community: safe(community.name) }));
    const coalition = await deps.coalitions.get(community.coalition.id);
    if (!coalition) return ephemeral(t(locale, 'coalition.gone'));
    const current = coalition.story?.text;
    return {
      kind: 'modal',
      modal: {
        id: 'coalition.story',
        state: storyState(coalition.id, coalition.version),
        title: t(locale, 'coalition.story.title'),
        submit: t(locale, 'coalition.story.submit'),
        fields: [
          {
            id: 'story',
            label: t(locale, 'coalition.story.label'),
            hint: t(locale, 'coalition.story.hint'),
            ...(current && fits(current, STORY_MAX) ? { value: current } : {}),
            multiline: true,
            required: true,
            maxLength: STORY_MAX,
          },
        ],
      },
    };
  }),

  'coalition.story.save': inCommunity(async (cmd, ctx, deps, scope) => {
    const { community } = scope.snapshot;
    const { locale } = scope;
    // The state names the coalition: one that is not this community's is someone else's.
    if (!community.coalition || cmd.coalitionId !== community.coalition.id) return ephemeral(t(locale, 'forged.refused'));
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'coalition.story.forbidden', { community: safe(community.name) }));
    const text = (cmd.text ?? '').trim();
    if (!text) return fieldErrors({ story: t(locale, 'coalition.story.empty') });
    if (text.length > STORY_MAX)
      return fieldErrors({ story: t(locale, 'coalition.story.tooLong', { max: STORY_MAX, length: text.length }) });
    const version = Number(cmd.version);
    if (!Number.isSafeInteger(version)) return ephemeral(t(locale, 'forged.refused'));
    const name = safe(community.coalition.name);
    const saved = await deps.coalitions.saveStory(community.coalition.id, { text, by: ctx.userId, at: deps.now().toISOString() }, version);
    if (saved === 'saved') return ephemeral(t(locale, 'coalition.story.saved', { name }));
    // Gone, or saved by someone else meanwhile: which one, read again.
    const now = await deps.coalitions.get(community.coalition.id);
    if (!now) return ephemeral(t(locale, 'coalition.gone'));
    return fieldErrors({ story: t(locale, 'coalition.story.conflict', { name }) });
  }),
};
