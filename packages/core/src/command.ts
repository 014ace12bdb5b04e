import { z } from 'zod';

const text = z.string().max(10_000);

/** Story answers as submitted from a modal; lengths are checked by the use case to answer kindly. */
export const StoryAnswersInput = z.object({
  goal: text.optional(),
  who: text.optional(),
  how: text.optional(),
  when: text.optional(),
  vision: text.optional(),
});

/**
 * The one internal vocabulary: every Slack and Discord input becomes one of these.
 * `*.open` asks for a modal; the matching submit carries its fields.
 */
export const Command = z.discriminatedUnion('type', [
  z.object({ type: z.literal('help') }),
  z.object({ type: z.literal('unknown'), input: z.string().max(200) }),
  z.object({ type: z.literal('setup'), name: text.optional(), goal: text.optional(), fromModal: z.boolean().default(false) }),
  z.object({ type: z.literal('status') }),
  z.object({ type: z.literal('story.open') }),
  z.object({ type: z.literal('story.save'), answers: StoryAnswersInput }),
  z.object({ type: z.literal('language'), locale: z.string().max(20).optional() }),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Subcommand names typed after `/community`, shared by both adapters and the command definitions. */
export const subcommands = ['help', 'setup', 'status', 'story', 'lang'] as const;
export type Subcommand = (typeof subcommands)[number];
