import { _default, int, literal, maxLength, number, object, enum as oneOf, optional, type output, record, string } from 'zod/mini';
import { id, ref, text } from '../kernel/fields.ts';
import { openKinds, storyKinds } from './model.ts';

/** Story answers as submitted from a modal; lengths are checked by the use case to answer kindly. */
export const StoryAnswersInput = object({
  goal: optional(text),
  who: optional(text),
  how: optional(text),
  when: optional(text),
  vision: optional(text),
});

/**
 * Stage 1: the coach, the four questions and the vision (leaders), the three stories told as versions,
 * their history, sharing one in the channel and reflecting on it in its thread.
 */
export const storyCommands = [
  object({ type: literal('story.coach') }),
  object({ type: literal('story.open'), kind: _default(oneOf(openKinds), 'questions') }),
  object({ type: literal('story.save'), answers: StoryAnswersInput }),
  object({ type: literal('story.tell'), kind: oneOf(storyKinds), parts: record(string().check(maxLength(40)), text) }),
  /** `strategy`: the strategy's versions (`strategy history`), kept with the stories'. */
  object({
    type: literal('story.history'),
    kind: _default(oneOf([...openKinds, 'strategy']), 'questions'),
    version: optional(int()),
  }),
  object({ type: literal('story.share'), kind: oneOf(storyKinds) }),
  object({ type: literal('story.delete') }),
  object({ type: literal('story.needed'), count: optional(number()) }),
  /** The Reflect button on a shared story: `channelId` and `messageId` are the message it was clicked on. */
  object({ type: literal('story.reflect.open'), ref, channelId: id, messageId: id }),
  object({
    type: literal('story.reflect.save'),
    ref,
    channelId: id,
    messageId: id,
    stoodOut: optional(text),
    value: optional(text),
  }),
] as const;

export type StoryCommand = output<(typeof storyCommands)[number]>;
export type StoryCommandType = StoryCommand['type'];
/** One story command by its type. */
export type StoryCommandOf<T extends StoryCommandType> = Extract<StoryCommand, { type: T }>;
