import type { Community } from '../community/model.ts';
import { actionId } from '../kernel/actions.ts';
import { resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Block } from '../kernel/reply.ts';
import { message } from '../kernel/reply.ts';
import { capitalised } from './common.ts';

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
  prompt === 'self' || prompt === 'us' || prompt === 'now'
    ? capitalised(t(locale, `story.kind.${prompt}`))
    : t(locale, `story.q.${prompt}.label` as MessageKey);

/** `story`: the coach. What is written and missing, the next prompt with an example, and buttons to write. */
export const storyCoachFeature: Features<'story.coach'> = {
  'story.coach': async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
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
              example: t(locale, `story.example.${next.prompt}` as MessageKey),
            })}`,
          }
        : { type: 'text', text: t(locale, 'story.coach.done') },
      {
        type: 'actions',
        buttons: (['questions', 'self', 'us', 'now'] as const).map((kind) => ({
          id: actionId.open(kind),
          label: t(locale, `story.coach.button.${kind}`),
          ...(next && (kind === next.prompt || (kind === 'questions' && !['self', 'us', 'now'].includes(next.prompt)))
            ? { primary: true }
            : {}),
        })),
      },
    ];
    return message('ephemeral', blocks);
  },
};
