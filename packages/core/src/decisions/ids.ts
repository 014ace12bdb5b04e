import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';
import type { DecisionKind } from './model.ts';

/**
 * A decision's buttons, encoded and decoded here: `dec:<action>:<tenant>:<community>:<decision>[:<n>]`.
 * They name the tenant because reminders and the outcome statement sit in direct messages (Discord sends
 * their clicks without a guild); every use case checks the decision is the clicker's community's.
 */
const dec = (action: string, tenantId: string, communityId: string, rest: string) => `dec:${action}:${tenantId}:${communityId}:${rest}`;

/** Agree · Abstain · Disagree · Block (proposals) or a sense check's answer: opens the reason modal. */
export const positionId = (tenantId: string, communityId: string, decisionId: string, index: number) =>
  dec('pos', tenantId, communityId, `${decisionId}:${index}`);
/** A poll's option: simple polls choose it, multi, time and opt-in polls toggle it. */
export const pickId = (tenantId: string, communityId: string, decisionId: string, index: number) =>
  dec('pick', tenantId, communityId, `${decisionId}:${index}`);
/** Score, dot and ranked polls: opens the ballot modal. */
export const ballotId = (tenantId: string, communityId: string, decisionId: string) => dec('ballot', tenantId, communityId, decisionId);
/** Close now (the author or a leader). */
export const closeId = (tenantId: string, communityId: string, decisionId: string) => dec('close', tenantId, communityId, decisionId);
/** Write the outcome statement (sent to the author after closing). */
export const statementId = (tenantId: string, communityId: string, decisionId: string) =>
  dec('statement', tenantId, communityId, decisionId);
/** A closed time poll's winning slot → an event. */
export const makeEventId = (tenantId: string, communityId: string, decisionId: string) => dec('event', tenantId, communityId, decisionId);
/** An opt-in's volunteers → offer one of them a task. */
export const handoutId = (tenantId: string, communityId: string, decisionId: string) => dec('handout', tenantId, communityId, decisionId);
/**
 * "Propose this" on a stage's screen: opens the proposal modal about `subject` (`strategy`,
 * `campaign/<id>`), or, with a poll kind, the poll modal (`dot` about `debrief/<campaign id>`).
 */
export const proposeId = (tenantId: string, communityId: string, subject: string, kind: 'proposal' | DecisionKind = 'proposal') =>
  dec('propose', tenantId, communityId, `${kind}:${subject}`);

const num = (s: string | undefined) => (s !== undefined && /^\d{1,2}$/.test(s) ? Number(s) : -1);

export const decisionActions: Readonly<Record<string, ActionSpec>> = {
  dec: {
    fromDm: true,
    decode: (action, [tenantId, communityId, ref = '', n]) => {
      const where = { tenantId, communityId, decisionId: ref };
      switch (action) {
        case 'pos':
          return { type: 'decision.position', ...where, value: num(n) };
        case 'pick':
          return { type: 'decision.vote', ...where, values: [num(n)], toggle: true };
        case 'ballot':
          return { type: 'decision.ballot.open', ...where };
        case 'close':
          return { type: 'decision.close', ...where };
        case 'statement':
          return { type: 'decision.statement.open', ...where };
        case 'event':
          return { type: 'decision.event', ...where };
        case 'handout':
          return { type: 'decision.handout.open', ...where };
        case 'propose':
          // `dec:propose:<tenant>:<community>:<kind>:<subject>`
          return ref === 'proposal' ? { type: 'propose.open', subject: n } : { type: 'poll.open', kind: ref, subject: n };
        default:
          return undefined;
      }
    },
  },
};

/** The proposal modal's state: `<reopened decision>|<subject>` (either may be empty). */
export const proposeState = (reopens = '', subject = '') => `${reopens}|${subject}`;
/** The poll modal's state: `<kind>|<subject>`. */
export const pollState = (kind: DecisionKind, subject = '') => `${kind}|${subject}`;
/** State of the modals that act on one decision (opened from cards and from direct messages). */
export const decisionState = (tenantId: string, communityId: string, decisionId: string, value?: number) =>
  [tenantId, communityId, decisionId, ...(value !== undefined ? [String(value)] : [])].join('|');

const whereOf = (state: string) => {
  const [tenantId, communityId, decisionId, value] = state.split('|');
  return { where: { tenantId, communityId, decisionId }, value: num(value) };
};
const given = (v: string | undefined) => (v?.trim() ? v : undefined);

/** Field ids of the ballot modal: one per option, `o0`…`o4`. */
export const ballotField = (index: number) => `o${index}`;

export const decisionModals: Readonly<Record<string, ModalSpec>> = {
  propose: {
    decode: (v, state) => {
      const [reopens, subject] = state.split('|');
      return {
        type: 'propose.save',
        title: v.title,
        body: v.body,
        why: v.why,
        rule: v.rule,
        electorate: v.electorate,
        closes: v.closes,
        anonymous: v.anonymous,
        reopens: given(reopens),
        subject: given(subject),
      };
    },
  },
  poll: {
    decode: (v, state) => {
      const [kind = 'simple', subject] = state.split('|');
      return {
        type: 'poll.save',
        kind,
        title: v.title,
        options: v.options,
        closes: v.closes,
        anonymous: v.anonymous,
        budget: v.budget,
        electorate: v.electorate,
        subject: given(subject),
      };
    },
  },
  'decision.reason': {
    fromDm: true,
    decode: (v, state) => {
      const { where, value } = whereOf(state);
      return { type: 'decision.vote', ...where, values: [value], reason: given(v.reason) };
    },
  },
  'decision.ballot': {
    fromDm: true,
    decode: (v, state) => ({
      type: 'decision.ballot.save',
      ...whereOf(state).where,
      fields: [0, 1, 2, 3, 4].map((i) => v[ballotField(i)] ?? '').map((s) => s.slice(0, 20)),
    }),
  },
  'decision.statement': {
    fromDm: true,
    decode: (v, state) => ({ type: 'decision.statement.save', ...whereOf(state).where, statement: v.statement }),
  },
  'decision.handout': {
    fromDm: true,
    decode: (v, state) => ({ type: 'decision.handout', ...whereOf(state).where, userId: v.user, what: v.what, due: v.due }),
  },
};
