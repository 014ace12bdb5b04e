import type { Locale, MessageKey, PluralKey } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import { clip, shown } from '../kernel/text.ts';
import type { Decision, Outcome, PassRule, Position, Sense } from './model.ts';
import { positions, senses } from './model.ts';

/** An option as an outcome names it (time slots in each reader's own time). */
const OPTION = 80;

const positionKeys: Readonly<Record<Position, PluralKey>> = {
  agree: 'decision.close.agree',
  abstain: 'decision.close.abstain',
  disagree: 'decision.close.disagree',
  block: 'decision.close.block',
};
const senseKeys: Readonly<Record<Sense, MessageKey>> = {
  good: 'decision.close.sense.good',
  unsure: 'decision.close.sense.unsure',
  concerned: 'decision.close.sense.concerned',
};
const ruleKeys: Readonly<Record<PassRule, { passed: MessageKey; failed: MessageKey }>> = {
  consent: { passed: 'decision.close.passed.consent', failed: 'decision.close.failed.consent' },
  unanimous: { passed: 'decision.close.passed.unanimous', failed: 'decision.close.failed.unanimous' },
  share: { passed: 'decision.close.passed.share', failed: 'decision.close.failed.share' },
};

/** An option as written, or a time slot as `<t:…:f>` (rendered in each reader's zone). */
export function optionLabel(decision: Decision, index: number): string {
  const option = decision.options[index] ?? '';
  return decision.kind === 'time' && /^\d{1,12}$/.test(option) ? `<t:${option}:f>` : clip(shown(option.replace(/\s+/g, ' ')), OPTION);
}

/** "4 agree, 1 abstains, no blocks": agreement always, the others when someone took them, blocks always. */
function positionCounts(locale: Locale, totals: readonly number[]): string {
  const parts = positions.flatMap((p, i) => {
    const count = totals[i] ?? 0;
    if (p === 'block' && count === 0) return [t(locale, 'decision.close.noBlocks')];
    return p === 'agree' || count > 0 ? [tn(locale, positionKeys[p], count)] : [];
  });
  return parts.join(', ');
}

function proposalLine(locale: Locale, decision: Decision, outcome: Outcome): string {
  const rule = decision.rule ?? 'consent';
  const agree = outcome.totals[positions.indexOf('agree')] ?? 0;
  // Rounded down: 66.7% never reads as the 67% it fell short of.
  const percent = outcome.ballots > 0 ? Math.floor((agree * 100) / outcome.ballots) : 0;
  const key = outcome.passed ? ruleKeys[rule].passed : ruleKeys[rule].failed;
  return t(locale, key, { counts: positionCounts(locale, outcome.totals), percent, share: decision.share ?? 50 });
}

const amountKey = (decision: Decision): PluralKey =>
  decision.kind === 'score' || decision.kind === 'dot' ? 'decision.close.points' : 'decision.close.votes';

/** The winners' line: chosen, a tie, won by runoff, or nothing chosen. */
function winnersLine(locale: Locale, decision: Decision, outcome: Outcome): string {
  const options = outcome.winners.map((i) => optionLabel(decision, i)).join(', ');
  if (outcome.winners.length === 0) return t(locale, 'decision.close.noWinner');
  if (decision.kind === 'optin') return tn(locale, 'decision.close.volunteers', outcome.totals[0] ?? 0);
  if (decision.kind === 'ranked' && outcome.winners.length === 1)
    return tn(locale, 'decision.close.runoff', outcome.rounds?.length ?? 1, { options });
  return t(locale, outcome.winners.length > 1 ? 'decision.close.tie' : 'decision.close.chosen', { options });
}

/** A poll's options with their counts (ranked: the last round, and when each eliminated option went out). */
function optionLines(locale: Locale, decision: Decision, outcome: Outcome): string {
  const rounds = outcome.rounds ?? [];
  const last = decision.kind === 'ranked' ? (rounds.at(-1) ?? outcome.totals) : outcome.totals;
  const lines = decision.options.map((_, i) => {
    const option = optionLabel(decision, i);
    // An option out of the runoff is the first round in which it counted nothing after counting in the one before.
    const out = decision.kind === 'ranked' ? rounds.findIndex((r, n) => n > 0 && (r[i] ?? 0) === 0 && (rounds[n - 1]?.[i] ?? 0) > 0) : -1;
    if (out > 0 && !outcome.winners.includes(i)) return t(locale, 'decision.close.out', { option, round: out });
    const mark = outcome.winners.includes(i) ? '🏆 ' : '• ';
    return t(locale, 'decision.close.line', { mark, option, count: tn(locale, amountKey(decision), last[i] ?? 0) });
  });
  return linesWithMore(locale, lines, { max: 10 });
}

/** The outcome in one line (the author's direct message, the log): passed or not with its counts, or the winners. */
export function outcomeSummary(locale: Locale, decision: Decision, outcome: Outcome): string {
  if (outcome.ballots === 0) return t(locale, 'decision.close.nobody');
  if (decision.kind === 'proposal') return proposalLine(locale, decision, outcome);
  if (decision.kind === 'sense') {
    const counts = senses.map((s, i) => t(locale, senseKeys[s], { count: outcome.totals[i] ?? 0 })).join(', ');
    return t(locale, 'decision.close.sense', { counts });
  }
  return winnersLine(locale, decision, outcome);
}

/** The outcome as the thread reads it: the summary, each option's count for polls, and the turnout. */
export function outcomeText(locale: Locale, decision: Decision, outcome: Outcome): string {
  const polled = decision.kind !== 'proposal' && decision.kind !== 'sense' && outcome.ballots > 0;
  return [
    outcomeSummary(locale, decision, outcome),
    ...(polled ? [optionLines(locale, decision, outcome)] : []),
    t(locale, 'decision.close.turnout', { ballots: outcome.ballots, eligible: outcome.eligible }),
  ].join('\n');
}
