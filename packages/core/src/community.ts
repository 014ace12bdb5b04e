import type { Locale } from './i18n/translate.ts';
import type { StageId } from './stages.ts';

/** A Slack workspace or Discord guild. Every stored key starts with it, so tenants never meet. */
export interface Tenant {
  readonly platform: 'slack' | 'discord';
  readonly id: string;
}

/** The four questions of stage 1 and the one-line vision. */
export interface StoryAnswers {
  goal?: string;
  who?: string;
  how?: string;
  when?: string;
  vision?: string;
}

/** A community, bound to its home channel. Its id is the home channel's id. */
export interface Community {
  readonly tenant: Tenant;
  readonly id: string;
  readonly homeChannelId: string;
  readonly name: string;
  readonly goal?: string;
  readonly coordinatorId: string;
  readonly locale?: Locale;
  readonly story: StoryAnswers;
  readonly stagesMarkedDone: readonly StageId[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Limits on what people type; the platforms' own input limits are larger. */
export const limits = {
  name: 80,
  goal: 500,
  answer: 1000,
  vision: 200,
} as const;

/** The story fields, in the order the method asks them. */
export const storyFields = ['goal', 'who', 'how', 'when', 'vision'] as const;
export type StoryField = (typeof storyFields)[number];
