import { type Locale, t, tn } from '../kernel/i18n/translate.ts';
import type { Block, Button } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { byPosition, electorateWords, instantOf, OPTION_MAX, optionName, peopleList, positionLabels, ruleWords } from './card-words.ts';
import { ballotId, closeId, handoutId, makeEventId, pickId, positionId } from './ids.ts';
import { type Ballot, type Decision, modalKinds, positions, senses } from './model.ts';

/** Where a card's texts stop: Slack cuts a section at 3000 characters, Discord a message at 2000 (an embed 4096). */
const BODY_MAX = 1200;
const WHY_MAX = 600;
const STATEMENT_MAX = 600;

/** How many choices a decision's ballots are counted over: positions, answers or options. */
const sizeOf = (decision: Decision) =>
  decision.kind === 'proposal' ? positions.length : decision.kind === 'sense' ? senses.length : decision.options.length;

/** Kinds whose ballots name choices (a count and the people per choice), as against numbers per option. */
const namesChoices = (decision: Decision) => !modalKinds.includes(decision.kind);

/** The counts as they stand (per choice: people, score, points or first preferences) and who chose what. */
export function liveCount(decision: Decision, ballots: readonly Ballot[]): { totals: number[]; people: string[][] } {
  const size = sizeOf(decision);
  const totals = Array.from({ length: size }, () => 0);
  const people = Array.from({ length: size }, () => [] as string[]);
  const add = (i: number, amount: number, userId?: string) => {
    if (!Number.isInteger(i) || i < 0 || i >= size) return;
    totals[i] = (totals[i] ?? 0) + amount;
    if (userId) people[i]?.push(userId);
  };
  for (const ballot of [...ballots].sort((a, b) => a.at.localeCompare(b.at))) {
    if (namesChoices(decision)) for (const v of new Set(ballot.values)) add(v, 1, ballot.userId);
    else if (decision.kind === 'ranked') add(ballot.values[0] ?? -1, 1);
    else for (const [i, v] of ballot.values.entries()) add(i, v);
  }
  return { totals, people };
}

/** One choice's line: its name, its count in the kind's terms, and who (unless anonymous). */
function choiceLine(locale: Locale, decision: Decision, i: number, total: number, people: readonly string[], names: number): string {
  const label =
    decision.kind === 'optin'
      ? t(locale, 'decision.card.optin.button')
      : byPosition(decision)
        ? (positionLabels(locale, decision)[i] ?? '')
        : optionName(locale, decision, i);
  const count =
    decision.kind === 'score'
      ? t(locale, 'decision.card.total', { count: total })
      : decision.kind === 'dot'
        ? tn(locale, 'decision.card.points', total)
        : decision.kind === 'ranked'
          ? tn(locale, 'decision.card.firsts', total)
          : total;
  return people.length > 0 && !decision.anonymous
    ? t(locale, 'decision.card.linePeople', { label, count, people: peopleList(locale, people, names) })
    : t(locale, 'decision.card.line', { label, count });
}

/** The buttons of an open decision: a position or option each, or one Vote for the ballot modal. */
function voteButtons(locale: Locale, tenantId: string, decision: Decision): Button[] {
  const { communityId, id } = decision;
  if (byPosition(decision))
    return positionLabels(locale, decision).map((label, i) => ({
      id: positionId(tenantId, communityId, id, i),
      label,
      ...(i === 0 ? { primary: true } : {}),
    }));
  if (modalKinds.includes(decision.kind))
    return [{ id: ballotId(tenantId, communityId, id), label: t(locale, 'decision.card.vote.button'), primary: true }];
  return decision.options.map((option, i) => ({
    id: pickId(tenantId, communityId, id, i),
    label:
      decision.kind === 'optin'
        ? t(locale, 'decision.card.optin.button')
        : decision.kind === 'time'
          ? t(locale, 'decision.card.slot', { n: i + 1 })
          : clip(option, OPTION_MAX),
  }));
}

/** A closed decision's follow-up: a time poll's winning slot to an event, an opt-in's volunteers to tasks. */
function closedButtons(locale: Locale, tenantId: string, decision: Decision, totals: readonly number[]): Button[] {
  const { communityId, id } = decision;
  if (decision.kind === 'time' && (decision.outcome?.winners.length ?? 0) > 0)
    return [{ id: makeEventId(tenantId, communityId, id), label: t(locale, 'decision.card.event.button'), primary: true }];
  if (decision.kind === 'optin' && (totals[0] ?? 0) > 0)
    return [{ id: handoutId(tenantId, communityId, id), label: t(locale, 'decision.card.handout.button'), primary: true }];
  return [];
}

/** A ranked poll's runoff in short: each round's counts of the options still in it. */
function roundsLine(locale: Locale, decision: Decision): string | undefined {
  const rounds = decision.outcome?.rounds ?? [];
  if (rounds.length < 2) return undefined;
  const counts = (round: readonly number[]) =>
    round.flatMap((count, i) => (count > 0 ? [`${clip(optionName(locale, decision, i), 24)} ${count}`] : [])).join(', ');
  const text = rounds.map((round, n) => t(locale, 'decision.card.round', { n: n + 1, counts: counts(round) })).join(' → ');
  return t(locale, 'decision.card.rounds', { rounds: clip(text, 900) });
}

/** What a closed decision came to: passed or not (proposals), or no winner when nobody voted (polls). */
function resultLine(locale: Locale, decision: Decision): string | undefined {
  const outcome = decision.outcome;
  if (!outcome) return undefined;
  if (decision.kind === 'proposal') return t(locale, outcome.passed ? 'decision.card.passed' : 'decision.card.failed');
  return decision.kind !== 'sense' && outcome.winners.length === 0 ? t(locale, 'decision.card.noWinner') : undefined;
}

/**
 * A decision's card in its channel, in the community's language: what is decided, when it closes (each
 * reader's own time), who votes and by what rule, the counts (and, unless anonymous, who stands where,
 * shortened with "and N more"), and the buttons while it is open; once closed, the results from its outcome
 * (winners marked, a ranked poll's runoff in short) and what can follow from them.
 */
export function decisionCard(locale: Locale, tenantId: string, decision: Decision, ballots: readonly Ballot[]): Block[] {
  const closed = decision.status === 'closed' && decision.outcome !== undefined;
  const live = liveCount(decision, ballots);
  const totals = closed ? (decision.outcome?.totals ?? live.totals) : live.totals;
  const winners = closed ? (decision.outcome?.winners ?? []) : [];
  const size = sizeOf(decision);
  const names = size <= 4 ? 10 : 5;
  const when = closed
    ? t(locale, 'decision.card.closedAt', { when: instantOf(decision.closedAt ?? decision.closesAt) })
    : t(locale, 'decision.card.closes', { when: instantOf(decision.closesAt) });
  const about = [when, electorateWords(locale, decision), ruleWords(locale, decision)].join(' · ');
  const lines = Array.from({ length: size }, (_, i) => {
    const line = choiceLine(locale, decision, i, totals[i] ?? 0, live.people[i] ?? [], names);
    return winners.includes(i) ? t(locale, 'decision.card.won', { line }) : line;
  });
  const voters = [...ballots].sort((a, b) => a.at.localeCompare(b.at)).map((b) => b.userId);
  if (!namesChoices(decision) && !decision.anonymous && voters.length > 0)
    lines.push(t(locale, 'decision.card.voters', { people: peopleList(locale, voters, 20) }));
  const turnout = closed
    ? tn(locale, 'decision.card.turnout', decision.outcome?.ballots ?? ballots.length, { eligible: decision.outcome?.eligible ?? 0 })
    : tn(locale, 'decision.card.voted', ballots.length);
  const result = closed ? resultLine(locale, decision) : undefined;
  const rounds = closed ? roundsLine(locale, decision) : undefined;
  const buttons =
    decision.status === 'open' ? voteButtons(locale, tenantId, decision) : closed ? closedButtons(locale, tenantId, decision, totals) : [];
  const text = (value: string | undefined): Block[] => (value ? [{ type: 'text', text: value }] : []);
  return [
    { type: 'header', text: clip(decision.title, 150) },
    ...text(decision.body && clip(decision.body, BODY_MAX)),
    ...text(decision.why && t(locale, 'decision.card.why', { why: clip(decision.why, WHY_MAX) })),
    { type: 'context', text: decision.anonymous ? `${about}\n${t(locale, 'decision.card.anonymous')}` : about },
    ...text(decision.status === 'closing' ? t(locale, 'decision.card.closing') : result),
    ...text(decision.statement && t(locale, 'decision.card.statement', { statement: clip(decision.statement, STATEMENT_MAX) })),
    { type: 'text', text: lines.join('\n') },
    { type: 'context', text: rounds ? `${turnout}\n${rounds}` : turnout },
    ...(buttons.length > 0 ? [{ type: 'actions' as const, buttons }] : []),
    ...(decision.status === 'open'
      ? [
          {
            type: 'actions' as const,
            buttons: [{ id: closeId(tenantId, decision.communityId, decision.id), label: t(locale, 'decision.card.close.button') }],
          },
        ]
      : []),
  ];
}
