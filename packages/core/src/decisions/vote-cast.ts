import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import { instantOf, optionName } from './card-words.ts';
import { mayVote } from './eligibility.ts';
import { type Ballot, type Decision, positions, senses } from './model.ts';
import { type Found, ineligible } from './vote-where.ts';

/** The longest reason kept (the modal's limit too). */
export const REASON_MAX = 1000;
/** Highest score of a score poll. */
export const SCORE_MAX = 5;

const inRange = (v: number, size: number) => Number.isInteger(v) && v >= 0 && v < size;
const whole = (v: number) => Number.isInteger(v) && v >= 0;

/** Whether a ballot of these values fits the decision's kind (model.ts says what `values` mean per kind). */
export function fitsKind(decision: Decision, values: readonly number[]): boolean {
  const n = decision.options.length;
  const distinct = new Set(values).size === values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  switch (decision.kind) {
    case 'proposal':
      return values.length === 1 && inRange(values[0] ?? -1, positions.length);
    case 'sense':
      return values.length === 1 && inRange(values[0] ?? -1, senses.length);
    case 'simple':
      return values.length === 1 && inRange(values[0] ?? -1, n);
    case 'multi':
    case 'time':
    case 'optin':
      return distinct && values.every((v) => inRange(v, n));
    case 'score':
      return values.length === n && values.every((v) => whole(v) && v <= SCORE_MAX);
    case 'dot':
      return values.length === n && values.every(whole) && sum > 0 && sum <= (decision.budget ?? 10);
    case 'ranked':
      return values.length >= 1 && distinct && values.every((v) => inRange(v, n));
  }
}

/** Disagree and Block (proposals) and Concerned (sense checks) are given with a reason. */
export const needsReason = (decision: Decision, values: readonly number[]) =>
  (decision.kind === 'proposal' && (values[0] === 2 || values[0] === 3)) || (decision.kind === 'sense' && values[0] === 2);

/** Multi, time and opt-in polls: each option button adds its option to the ballot or takes it off. */
export const toggles = (decision: Decision) => decision.kind === 'multi' || decision.kind === 'time' || decision.kind === 'optin';

/**
 * A poll's option button: a simple poll chooses that option; multi, time and opt-in polls add it to the
 * ballot or take it off. Undefined for kinds not voted by option buttons.
 */
export function afterPick(decision: Decision, picks: readonly number[] | undefined, index: number): number[] | undefined {
  if (decision.kind === 'simple') return [index];
  if (!toggles(decision)) return undefined;
  const now = picks ?? [];
  return now.includes(index) ? now.filter((v) => v !== index) : [...now, index].sort((a, b) => a - b);
}

/** Where someone now stands, in words. */
export function standing(locale: Locale, decision: Decision, values: readonly number[]): string {
  const { title } = decision;
  const first = values[0] ?? 0;
  switch (decision.kind) {
    case 'proposal':
      return t(locale, `decision.vote.you.${positions[first] ?? 'abstain'}`, { title });
    case 'sense':
      return t(locale, `decision.vote.you.${senses[first] ?? 'unsure'}`, { title });
    case 'simple':
      return t(locale, 'decision.vote.you.simple', { title, option: optionName(locale, decision, first) });
    case 'multi':
    case 'time':
      return values.length > 0
        ? t(locale, 'decision.vote.you.picked', { title, options: values.map((v) => optionName(locale, decision, v)).join(', ') })
        : t(locale, 'decision.vote.you.none', { title });
    case 'optin':
      return t(locale, values.length > 0 ? 'decision.vote.you.in' : 'decision.vote.you.out', { title });
    default:
      return t(locale, 'decision.vote.you.ballot', { title });
  }
}

/**
 * Casts (or changes) someone's ballot once everything about it was checked. The store puts it only while
 * the decision is open, and only when it differs from theirs (the same ballot again changes nothing and
 * causes nothing); someone the community item does not name is checked to have a member record in the
 * same transaction. The card is then redrawn and, with a reason, the reason posted in its thread (both
 * drawn from the state when they run).
 */
export async function cast(
  found: Found,
  ctx: CommandContext,
  deps: CoreDeps,
  values: readonly number[],
  reason: string | undefined,
): Promise<Reply> {
  const { decision, community, locale } = found;
  const until = t(locale, 'decision.vote.change', { when: instantOf(decision.closesAt, 'f') });
  const now = deps.now();
  const ballot: Ballot = { decisionId: decision.id, userId: ctx.userId, values, ...(reason ? { reason } : {}), at: now.toISOString() };
  const how = { member: mayVote(decision, community, ctx.userId) === 'ifMember', toggled: toggles(decision) };
  const result = await deps.decisions.vote(community.tenant, community.id, ballot, how);
  if (result === 'same') return ephemeral(t(locale, 'decision.vote.same', { title: decision.title }), until);
  if (result === 'closed') return ephemeral(t(locale, 'decision.vote.closed', { title: decision.title }));
  if (result === 'missing') return ephemeral(t(locale, 'decision.vote.gone'));
  if (result === 'notMember') return ineligible(found, ctx, 'notMember');
  const job = { tenant: community.tenant, communityId: community.id, minute: now.toISOString().slice(0, 16) };
  const jobs: DueJob[] = [{ kind: 'decision.card', ...job, ref: decision.id }];
  if (reason) jobs.push({ kind: 'decision.thread', ...job, ref: `${decision.id}#${ctx.userId}` });
  await deps.deferred.run(jobs);
  return ephemeral(standing(locale, decision, values), until);
}
