import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { StoryKind } from './model.ts';
import { storyPrompts } from './model.ts';

type Keys = readonly [label: MessageKey, hint: MessageKey];

/** Each prompt's label and hint in the catalogs; the type asks for exactly the prompts of `storyPrompts`. */
const promptKeys: { readonly [K in StoryKind]: { readonly [P in (typeof storyPrompts)[K][number]]: Keys } } = {
  self: {
    challenge: ['story.self.challenge.label', 'story.self.challenge.hint'],
    choice: ['story.self.choice.label', 'story.self.choice.hint'],
    outcome: ['story.self.outcome.label', 'story.self.outcome.hint'],
    lesson: ['story.self.lesson.label', 'story.self.lesson.hint'],
    calling: ['story.self.calling.label', 'story.self.calling.hint'],
  },
  us: {
    experiences: ['story.us.experiences.label', 'story.us.experiences.hint'],
    values: ['story.us.values.label', 'story.us.values.hint'],
  },
  now: {
    challenge: ['story.now.challenge.label', 'story.now.challenge.hint'],
    choice: ['story.now.choice.label', 'story.now.choice.hint'],
    hope: ['story.now.hope.label', 'story.now.hope.hint'],
    ask: ['story.now.ask.label', 'story.now.ask.hint'],
  },
};

/** A story's prompts, in the method's order. */
export const promptsOf = (kind: StoryKind): readonly string[] => storyPrompts[kind];

/** A prompt's label (`hint`: its hint) in the locale; a prompt its story does not have is shown as it is. */
export function promptText(locale: Locale, kind: StoryKind, prompt: string, which: 'label' | 'hint' = 'label'): string {
  const ofKind: Readonly<Record<string, Keys>> = promptKeys[kind];
  const keys = Object.hasOwn(ofKind, prompt) ? ofKind[prompt] : undefined;
  return keys ? t(locale, keys[which === 'label' ? 0 : 1]) : prompt;
}
