import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { computeProgress } from '../status/progress.ts';
import type { StoryHead, StoryKind, VersionKind } from './model.ts';
import { promptsOf, promptText } from './prompts.ts';

/** "story of self", "the questions and vision", … in the locale. */
export const kindName = (locale: Locale, kind: VersionKind) => t(locale, `story.kind.${kind}`);

/** The latest telling of a story: us and now sit on the community, a story of self is read for its member. */
export async function currentStory(
  community: Community,
  kind: StoryKind,
  owner: string,
  deps: Pick<CoreDeps, 'stories'>,
): Promise<StoryHead | undefined> {
  return kind === 'self' ? deps.stories.selfStory(community.tenant, community.id, owner) : community.stories[kind];
}

/** Stage 1's progress as "done/total" for confirmations. */
export function storyStage(community: Community): { done: number; total: number } {
  const stage = computeProgress({ community }).stages[0];
  return { done: stage?.done ?? 0, total: stage?.total ?? 0 };
}

/** A story's parts, in the method's order, each under its prompt. */
export function storyParts(locale: Locale, story: Pick<StoryHead, 'kind' | 'parts'>): string {
  return promptsOf(story.kind)
    .filter((prompt) => story.parts[prompt])
    .map((prompt) => `**${promptText(locale, story.kind, prompt)}**\n${story.parts[prompt]}`)
    .join('\n\n');
}

/** The message a shared story becomes: title, parts, and a Reflect button. */
export function sharedStoryBlocks(locale: Locale, story: StoryHead, reflectId: string): Block[] {
  return [
    { type: 'text', text: t(locale, 'story.share.title', { kind: capitalised(kindName(locale, story.kind)), author: story.authorId }) },
    { type: 'text', text: storyParts(locale, story) },
    { type: 'actions', buttons: [{ id: reflectId, label: t(locale, 'story.share.reflect'), primary: true }] },
  ];
}

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An ISO time as a short date (UTC), the same on every platform. */
export const shortDate = (iso: string) => iso.slice(0, 10);
