import { literal, maxLength, object, optional, type output, string } from 'zod/mini';

const text = string().check(maxLength(10_000));

/** Stage 4: show the strategy (everyone), open its modal and save it (leaders). */
export const strategyCommands = [
  object({ type: literal('strategy') }),
  object({ type: literal('strategy.open') }),
  object({
    type: literal('strategy.save'),
    goal: optional(text),
    change: optional(text),
    tactics: optional(text),
    timeline: optional(text),
  }),
] as const;

export type StrategyCommand = output<(typeof strategyCommands)[number]>;
