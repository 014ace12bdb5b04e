import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { Modal, ModalField } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { ballotField, decisionState } from './ids.ts';
import type { Ballot, Decision } from './model.ts';
import { SCORE_MAX } from './vote-cast.ts';

/** Discord's (and our) limit on a modal field's label. */
const LABEL_MAX = 45;

/** What the field of option `i` holds for a ballot: its score or points, or its rank (blank when unranked). */
function prefill(decision: Decision, ballot: Ballot | undefined, i: number): string | undefined {
  if (!ballot) return undefined;
  if (decision.kind === 'ranked') {
    const rank = ballot.values.indexOf(i);
    return rank >= 0 ? String(rank + 1) : undefined;
  }
  const value = ballot.values[i];
  return value !== undefined && value > 0 ? String(value) : undefined;
}

/** A score, dot or ranked poll's ballot: one field per option, with what it takes in its hint, prefilled from theirs. */
export function ballotModal(locale: Locale, tenantId: string, decision: Decision, ballot: Ballot | undefined): Modal {
  const hint =
    decision.kind === 'score'
      ? t(locale, 'decision.ballot.score.hint')
      : decision.kind === 'dot'
        ? t(locale, 'decision.ballot.dot.hint', { budget: decision.budget ?? 10 })
        : t(locale, 'decision.ballot.ranked.hint');
  const fields: ModalField[] = decision.options.slice(0, 5).map((option, i) => {
    const value = prefill(decision, ballot, i);
    return {
      id: ballotField(i),
      label: clip(`${i + 1}. ${option}`, LABEL_MAX),
      hint,
      ...(value !== undefined ? { value } : {}),
      multiline: false,
      required: false,
      maxLength: 3,
    };
  });
  return {
    id: 'decision.ballot',
    state: decisionState(tenantId, decision.communityId, decision.id),
    title: t(locale, 'decision.ballot.modal.title'),
    submit: t(locale, 'decision.ballot.modal.submit'),
    fields,
  };
}

/**
 * A submitted ballot's fields → its values (model.ts: a score or points per option; ranked: the options
 * by rank), or what is wrong, field by field: not a whole number, a score past 5, more points than the
 * budget or none at all, ranks that repeat, skip one or do not start at 1.
 */
export function readBallot(
  locale: Locale,
  decision: Decision,
  fields: readonly string[],
): { values: number[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const typed = decision.options.slice(0, 5).map((_, i) => (fields[i] ?? '').trim());
  const numbers = typed.map((text, i) => {
    if (text === '') return undefined;
    if (!/^\d{1,3}$/.test(text)) errors[ballotField(i)] = t(locale, 'decision.ballot.error.number');
    return Number(text);
  });
  if (Object.keys(errors).length > 0) return { errors };
  const firstGiven = Math.max(
    0,
    numbers.findIndex((n) => n !== undefined),
  );
  if (decision.kind === 'ranked') return ranks(locale, numbers);
  const values = numbers.map((n) => n ?? 0);
  if (decision.kind === 'score')
    values.forEach((v, i) => {
      if (v > SCORE_MAX) errors[ballotField(i)] = t(locale, 'decision.ballot.error.score');
    });
  const total = values.reduce((a, b) => a + b, 0);
  const budget = decision.budget ?? 10;
  if (decision.kind === 'dot' && total > budget)
    errors[ballotField(firstGiven)] = t(locale, 'decision.ballot.error.budget', { total, budget });
  const nothing = decision.kind === 'dot' ? total === 0 : numbers.every((n) => n === undefined);
  if (nothing) errors[ballotField(0)] = t(locale, 'decision.ballot.error.empty');
  return Object.keys(errors).length > 0 ? { errors } : { values };
}

/** Ranks 1…k without repeats or gaps → the options in that order. */
function ranks(locale: Locale, numbers: readonly (number | undefined)[]) {
  const errors: Record<string, string> = {};
  const max = numbers.length;
  const seen = new Map<number, number>();
  numbers.forEach((rank, i) => {
    if (rank === undefined) return;
    if (rank < 1 || rank > max) errors[ballotField(i)] = t(locale, 'decision.ballot.error.rank', { max });
    else if (seen.has(rank)) errors[ballotField(i)] = t(locale, 'decision.ballot.error.twice', { rank });
    else seen.set(rank, i);
  });
  if (seen.size === 0 && Object.keys(errors).length === 0) errors[ballotField(0)] = t(locale, 'decision.ballot.error.empty');
  if (Object.keys(errors).length > 0) return { errors };
  const missing = Array.from({ length: seen.size }, (_, k) => k + 1).find((rank) => !seen.has(rank));
  // Said on the option ranked past the gap, where the mistake most likely is.
  const past = seen.get(Math.max(...seen.keys())) ?? 0;
  if (missing !== undefined) return { errors: { [ballotField(past)]: t(locale, 'decision.ballot.error.gap', { rank: missing }) } };
  return { values: [...seen.entries()].sort(([a], [b]) => a - b).map(([, option]) => option) };
}
