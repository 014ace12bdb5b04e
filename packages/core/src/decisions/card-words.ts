import { type Locale, t, tn } from '../kernel/i18n/translate.ts';
import { clip } from '../kernel/text.ts';
import { type Decision, positions, senses } from './model.ts';

/** How long an option is shown in a line or a button (what a poll's options may be at most). */
export const OPTION_MAX = 80;

/** Epoch seconds as the platforms' own time markup: each reader sees it in their own zone. */
export const momentOf = (epochSeconds: number | string, style: 'f' | 'F' = 'f') => `<t:${Number(epochSeconds)}:${style}>`;
/** An ISO instant as that markup. */
export const instantOf = (iso: string, style: 'f' | 'F' = 'F') => momentOf(Math.floor(Date.parse(iso) / 1000), style);

/** Proposals and sense checks are voted by position (a button each, then the reason modal). */
export const byPosition = (decision: Decision) => decision.kind === 'proposal' || decision.kind === 'sense';

/** The positions (proposal) or answers (sense check) a decision offers, as words, in button order. */
export function positionLabels(locale: Locale, decision: Decision): string[] {
  return decision.kind === 'sense'
    ? senses.map((s) => t(locale, `decision.sense.${s}`))
    : positions.map((p) => t(locale, `decision.position.${p}`));
}

/** Option `index` as a line shows it: a time poll's slot in each reader's time, any other clipped on whole characters. */
export function optionName(locale: Locale, decision: Decision, index: number): string {
  const option = decision.options[index] ?? '';
  if (decision.kind === 'time') return `${t(locale, 'decision.card.slot', { n: index + 1 })} · ${momentOf(option)}`;
  return clip(option, OPTION_MAX);
}

/** Who may vote, in words. */
export function electorateWords(locale: Locale, decision: Decision): string {
  const { electorate } = decision;
  // Once it closed, who could vote (not who votes).
  const tense = decision.status === 'closed' ? '.closed' : '';
  return electorate.kind === 'role'
    ? t(locale, `decision.card.electorate.role${tense}`, { role: electorate.role })
    : t(locale, `decision.card.electorate.${electorate.kind}${tense}`);
}

/** How it is decided, in words: a proposal's rule, or what a poll asks of each voter. */
export function ruleWords(locale: Locale, decision: Decision): string {
  if (decision.kind === 'proposal') {
    const rule = decision.rule ?? 'consent';
    return rule === 'share'
      ? t(locale, 'decision.card.rule.share', { share: decision.share ?? 50 })
      : t(locale, `decision.card.rule.${rule}`);
  }
  if (decision.kind === 'dot') return t(locale, 'decision.card.kind.dot', { budget: decision.budget ?? 10 });
  return t(locale, `decision.card.kind.${decision.kind}`);
}

/** A list of people as mentions, at most `max` of them and "and N more" (plural-correct) for the rest. */
export function peopleList(locale: Locale, userIds: readonly string[], max: number): string {
  const shownIds = userIds.slice(0, max).map((u) => `<@${u}>`);
  const more = userIds.length - shownIds.length;
  return more > 0 ? `${shownIds.join(', ')} ${tn(locale, 'decision.card.more', more)}` : shownIds.join(', ');
}
