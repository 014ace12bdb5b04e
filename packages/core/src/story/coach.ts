import type { Community } from '../community/model.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Block } from '../kernel/reply.ts';
import { message } from '../kernel/reply.ts';
import type { StoryCommand } from './commands.ts';
import { capitalised } from './common.ts';
import { openStoryId } from './ids.ts';
import { openKinds } from './model.ts';
import { questionLabel } from './questions.ts';

type Prompt = 'goal' | 'who' | 'how' | 'when' | 'vision' | 'self' | 'us' | 'now';

/** What is written, in the method's order; the first missing one is the next prompt. */
function checklist(community: Community, userId: string): { prompt: Prompt; done: boolean }[] {
  const { story, stories } = community;
  return [
    ...(['goal', 'who', 'how', 'when', 'vision'] as const).map((prompt) => ({ prompt, done: Boolean(story[prompt]?.trim()) })),
    { prompt: 'self', done: community.selfAuthors.includes(userId) && community.selfAuthors.length >= community.selfStoriesNeeded },
    { prompt: 'us', done: stories.us !== undefined },
    { prompt: 'now', done: stories.now !== undefined },
  ];
}

const promptName = (locale: Locale, prompt: Prompt) =>
  prompt === 'self' || prompt === 'us' || prompt === 'now' ? capitalised(t(locale, `story.kind.${prompt}`)) : questionLabel(locale, prompt);

/** `story`: the coach. What is written and missing, the next prompt with an example, and buttons to write. */
export const coachHandlers: Pick<Handlers<StoryCommand>, 'story.coach'> = {
  'story.coach': inCommunity(async (_cmd, ctx, _deps, { snapshot, locale }) => {
    const { community } = snapshot;
    const items = checklist(community, ctx.userId);
    const mine = community.selfAuthors.includes(ctx.userId);
    const lines = items
      .filter((i) => i.prompt !== 'self')
      .map((i) => t(locale, i.done ? 'story.coach.written' : 'story.coach.missing', { item: promptName(locale, i.prompt) }));
    lines.splice(
      5,
      0,
      t(locale, 'story.coach.selfCount', {
        icon: community.selfAuthors.length >= community.selfStoriesNeeded ? '✅' : '⬜',
        count: community.selfAuthors.length,
        needed: community.selfStoriesNeeded,
        yours: t(locale, mine ? 'story.coach.yours.written' : 'story.coach.yours.missing'),
      }),
    );
    const next = items.find((i) => !i.done);
    const blocks: Block[] = [
      { type: 'header', text: t(locale, 'story.coach.title') },
      { type: 'text', text: lines.join('\n') },
      next
        ? {
            type: 'text',
            text: `${t(locale, 'story.coach.next', { prompt: promptName(locale, next.prompt) })}\n${t(locale, 'story.coach.example', {
              example: t(locale, `story.example.${next.prompt}`),
            })}`,
          }
        : { type: 'text', text: t(locale, 'story.coach.done') },
      {
        type: 'actions',
        buttons: openKinds.map((kind) => ({
          id: openStoryId(kind),
          label: t(locale, `story.coach.button.${kind}`),
          ...(next && (kind === next.prompt || (kind === 'questions' && !['self', 'us', 'now'].includes(next.prompt)))
            ? { primary: true }
            : {}),
        })),
      },
    ];
    return message('ephemeral', blocks);
  }),
};
