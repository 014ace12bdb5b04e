import type { Options } from '../kernel/feature.ts';
import { clip } from '../kernel/text.ts';

/** The kinds a poll can be (a proposal is made with `propose`), in the order help and Discord list them. */
export const pollKinds = ['sense', 'simple', 'multi', 'time', 'optin', 'score', 'dot', 'ranked'] as const;
export type PollKind = (typeof pollKinds)[number];

/** What people type for each kind, in English and Russian (lower case). */
const kindWords: Readonly<Record<PollKind, readonly string[]>> = {
  sense: ['sense', 'check', 'sensecheck', 'temperature', 'проверка', 'мнение', 'настроение'],
  simple: ['simple', 'single', 'простой', 'один', 'обычный'],
  multi: ['multi', 'multiple', 'несколько', 'многие', 'мульти'],
  time: ['time', 'times', 'when', 'date', 'время', 'когда', 'дата'],
  optin: ['optin', 'opt-in', 'volunteers', 'volunteer', 'добровольцы', 'волонтеры', 'волонтёры'],
  score: ['score', 'scores', 'rate', 'rating', 'оценка', 'оценки', 'баллы'],
  dot: ['dot', 'dots', 'points', 'точки', 'очки', 'голоса'],
  ranked: ['ranked', 'rank', 'ranking', 'order', 'рейтинг', 'порядок', 'ранжирование'],
};

/** A kind word → the poll kind it names, or undefined. */
export function pollKindOf(word: string): PollKind | undefined {
  const lower = word.trim().toLocaleLowerCase('ru');
  return pollKinds.find((kind) => kindWords[kind].includes(lower));
}

/** Whether `kind` is a poll kind (the proposal is not: it has its own modal). */
export const isPollKind = (kind: string): kind is PollKind => (pollKinds as readonly string[]).includes(kind);

/** A decision id as typed (`propose <id>`): ids are short words; anything else is kept clipped for the answer. */
const idWord = (words: readonly string[]) => clip(words.join(' ').trim(), 40, '');

/** Slack: `propose [decision id]`: the proposal modal, reopening that decision when one is named. */
export function parseProposeArgs(rest: readonly string[]): unknown {
  const reopens = idWord(rest);
  return { type: 'propose.open', ...(reopens ? { reopens } : {}) };
}

/**
 * Slack: `poll [kind]`: the poll modal for that kind (simple when none is named). A word that names no kind
 * is passed on as it was typed, so the handler can answer with the kinds there are.
 */
export function parsePollArgs(rest: readonly string[]): unknown {
  const word = rest.join(' ').trim();
  if (!word) return { type: 'poll.open', kind: 'simple' };
  return { type: 'poll.open', kind: pollKindOf(word) ?? clip(word, 12, '') };
}

/** Slack: `decisions [word]`: the decision log, filtered by a word of the title when one is given. */
export function parseDecisionsArgs(rest: readonly string[]): unknown {
  const query = clip(rest.join(' ').trim(), 100, '');
  return { type: 'decisions', ...(query ? { query } : {}) };
}

const stringOption = (option: Options, name: string) => {
  const value = option(name);
  return typeof value === 'string' ? value : '';
};

/** Discord: `/community decide propose [reopens:<decision>]`. */
export const proposeFromOptions = (option: Options): unknown => parseProposeArgs([stringOption(option, 'reopens')]);
/** Discord: `/community decide poll [kind:<kind>]` (Discord offers the kinds as choices; a stray value is answered kindly). */
export const pollFromOptions = (option: Options): unknown => parsePollArgs([stringOption(option, 'kind')]);
/** Discord: `/community decide log [word:<word>]`. */
export const decisionsFromOptions = (option: Options): unknown => parseDecisionsArgs([stringOption(option, 'word')]);
