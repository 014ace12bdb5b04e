import { int, literal, maximum, minimum, object, optional, type output } from 'zod/mini';
import { id, short, text } from '../kernel/fields.ts';

/** Coalitions: forming one, inviting by code, joining, leaving, the shared story and the board. */
export const coalitionCommands = [
  object({ type: literal('coalition.create'), name: optional(text) }),
  object({ type: literal('coalition.invite') }),
  /** The code as typed (normalised by the handler, which answers a malformed one kindly). */
  object({ type: literal('coalition.join'), code: optional(short(200)) }),
  object({ type: literal('coalition.leave') }),
  /** `page`: which rows of the board (PAGE_ROWS a page), the first when absent. */
  object({ type: literal('coalition.status'), page: optional(int().check(minimum(1), maximum(999))) }),
  object({ type: literal('coalition.story.open') }),
  /** The story modal's submission: the coalition and its version when the modal opened. */
  object({ type: literal('coalition.story.save'), text: optional(text), coalitionId: optional(id), version: optional(short(12)) }),
  object({ type: literal('coalition.campaign.open') }),
  /** The shared campaign's modal, submitted: its fields and the coalition and version it opened on. */
  object({
    type: literal('coalition.campaign.save'),
    name: optional(text),
    goal: optional(text),
    end: optional(short(100)),
    phases: optional(text),
    coalitionId: optional(id),
    version: optional(short(12)),
  }),
  /** "Run it here" under the shared campaign's post: the community it was posted to, and which revision. */
  object({ type: literal('coalition.campaign.run'), tenantId: id, communityId: id, coalitionId: id, revision: short(12) }),
] as const;

export type CoalitionCommand = output<(typeof coalitionCommands)[number]>;
/** One coalition command, by its type. */
export type CoalitionCommandOf<T extends CoalitionCommand['type']> = Extract<CoalitionCommand, { type: T }>;
