import { array, boolean, literal, maxLength, number, object, optional, type output } from 'zod/mini';
import { id, personName, short, text } from '../kernel/fields.ts';

/** Where a button or modal from a card or a direct message says it belongs (checked against who clicked). */
const where = { tenantId: id, communityId: id, decisionId: short(40) };
const kind = short(12);
/** What a stage put forward: `strategy`, `campaign:<id>`, `debrief:<campaign id>` (read by the use case). */
const subject = short(60);

/** Deciding together: proposals, polls, their ballots and closing, and the decision log. */
export const decisionCommands = [
  // Creating (create.ts). `propose` opens the proposal modal; a decision id there reopens that decision.
  object({ type: literal('propose.open'), reopens: optional(short(40)), subject: optional(subject) }),
  object({
    type: literal('propose.save'),
    title: optional(text),
    body: optional(text),
    why: optional(text),
    rule: optional(short(20)),
    electorate: optional(short(80)),
    closes: optional(short(100)),
    anonymous: optional(short(10)),
    reopens: optional(short(40)),
    subject: optional(subject),
  }),
  /** `poll <kind>` opens the poll modal for that kind (a simple poll when none is named). */
  object({ type: literal('poll.open'), kind: optional(kind), subject: optional(subject) }),
  object({
    type: literal('poll.save'),
    kind,
    title: optional(text),
    options: optional(text),
    closes: optional(short(100)),
    anonymous: optional(short(10)),
    budget: optional(short(10)),
    electorate: optional(short(80)),
    subject: optional(subject),
  }),
  // Voting (vote.ts). A position button opens the reason modal; its submission (or a poll's button) is the vote.
  object({ type: literal('decision.position'), ...where, value: number() }),
  /** `toggle`: a button of a multi, time or opt-in poll adds or removes that one option from the ballot. */
  object({
    type: literal('decision.vote'),
    ...where,
    values: array(number()).check(maxLength(10)),
    reason: optional(text),
    toggle: optional(boolean()),
  }),
  /** Score, dot and ranked polls: the ballot modal, a field per option. */
  object({ type: literal('decision.ballot.open'), ...where }),
  object({ type: literal('decision.ballot.save'), ...where, fields: array(short(20)).check(maxLength(5)) }),
  // Closing (close.ts): by hand (author or leader) before its time; the outcome statement afterwards.
  object({ type: literal('decision.close'), ...where }),
  object({ type: literal('decision.statement.open'), ...where }),
  object({ type: literal('decision.statement.save'), ...where, statement: optional(text) }),
  // Acting on a result (stages.ts): a time poll's slot becomes an event; a volunteer is offered a task.
  object({ type: literal('decision.event'), ...where }),
  object({ type: literal('decision.handout'), ...where, userId: optional(personName), what: optional(text), due: optional(short(100)) }),
  object({ type: literal('decision.handout.open'), ...where }),
  // The log (log.ts).
  object({ type: literal('decisions'), query: optional(short(100)), open: optional(boolean()) }),
  object({ type: literal('decisions.suggest'), query: short(100) }),
] as const;

export type DecisionCommand = output<(typeof decisionCommands)[number]>;
export type DecisionCommandOf<T extends DecisionCommand['type']> = Extract<DecisionCommand, { type: T }>;
