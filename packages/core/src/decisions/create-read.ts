import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { clip } from '../kernel/text.ts';
import { createLimits, electorateChoices, ruleChoices, yesNo } from './create-form.ts';
import type { Electorate, PassRule } from './model.ts';
import { maxOptions } from './model.ts';
import type { PollKind } from './parse.ts';

/** Where a date is read: the person's zone (else the community's), now, and their language. */
export interface Reading {
  readonly zone: string;
  readonly now: Date;
  readonly locale: Locale;
}

/** A field's text on one line, spaces collapsed. */
export const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** A choice from a select: its value, the default when the platform did not show the field, or undefined when not one of `choices`. */
const choice = <T extends string>(value: string | undefined, choices: readonly T[], fallback: T): T | undefined =>
  value === undefined || value === '' ? fallback : choices.find((c) => c === value);
/** Quoted back in an error: on one line, short, without markup that would break the message. */
const quoted = (text: string) => clip(oneLine(text).replace(/[`<>*]/g, ''), 60);

/** The closing time: an ISO instant still to come and at most 90 days ahead, or the field's error. */
export async function readCloses(text: string | undefined, at: Reading): Promise<{ closesAt: string } | { error: string }> {
  const typed = oneLine(text);
  if (!typed) return { error: t(at.locale, 'decision.create.error.closes.empty') };
  const { readDue, pastText } = await import('../kernel/due-date.ts');
  const read = readDue(typed, at.zone, at.now, at.locale);
  if ('problem' in read)
    return read.problem === 'past'
      ? { error: pastText(at.locale, read.understood, at.zone) }
      : { error: t(at.locale, 'decision.create.error.closes.unknown', { text: quoted(typed) }) };
  const closes = read.due.dueAt * 1000;
  if (closes <= at.now.getTime()) return { error: pastText(at.locale, read.understood, at.zone, true) };
  // A day without a time closes at its end: "in 90 days" is within 90 days.
  const counted = read.due.time ? closes : closes - 86_399_000;
  if (counted > at.now.getTime() + createLimits.days * 86_400_000)
    return { error: t(at.locale, 'decision.create.error.closes.far', { when: read.understood, days: createLimits.days }) };
  return { closesAt: new Date(closes).toISOString() };
}

/** The rule select: consent, unanimous, or a share (`60` → 60 percent of those taking part). */
export function readRule(value: string | undefined): { rule: PassRule; share?: number } | undefined {
  const chosen = choice(value, ruleChoices, 'consent');
  if (!chosen) return undefined;
  return chosen === 'consent' || chosen === 'unanimous' ? { rule: chosen } : { rule: 'share', share: Number(chosen) };
}

/** The electorate select (`everyone`, `leaders`, `role:<name>`), checked against the community's roles now. */
export function readElectorate(value: string | undefined, community: Community): Electorate | undefined {
  const chosen = choice(value, electorateChoices(community), 'everyone');
  if (!chosen) return undefined;
  if (chosen.startsWith('role:')) return { kind: 'role', role: chosen.slice(5) };
  return { kind: chosen === 'leaders' ? 'leaders' : 'everyone' };
}

/** The anonymous select: true, false, or undefined when neither. */
export function readAnonymous(value: string | undefined): boolean | undefined {
  const chosen = choice(value, yesNo, 'no');
  return chosen === undefined ? undefined : chosen === 'yes';
}

/** A dot vote's points per voter: a whole number 1–100 (10 when the field was left empty or not shown). */
export function readBudget(value: string | undefined): number | undefined {
  const typed = (value ?? '').trim();
  if (!typed) return 10;
  const budget = Number(typed);
  return /^\d{1,3}$/.test(typed) && budget >= 1 && budget <= createLimits.budget ? budget : undefined;
}

/**
 * A poll's options as typed, one per line (blank lines skipped), checked for the kind: 2 to `maxOptions`,
 * each once and at most 80 characters; a time poll's lines are days and times still to come, kept as
 * epoch seconds (as text), in order.
 */
export async function readOptions(
  kind: PollKind,
  text: string | undefined,
  at: Reading,
): Promise<{ options: string[] } | { error: string }> {
  const lines = (text ?? '')
    .split('\n')
    .map(oneLine)
    .filter((line) => line.length > 0);
  const max = maxOptions(kind);
  if (lines.length < 2) return { error: t(at.locale, 'poll.error.options.few') };
  if (lines.length > max) return { error: tn(at.locale, 'poll.error.options.many', max, { given: lines.length }) };
  const long = lines.find((line) => line.length > createLimits.option);
  if (long) return { error: t(at.locale, 'poll.error.options.long', { option: quoted(long), max: createLimits.option }) };
  const options = kind === 'time' ? await readSlots(lines, at) : { options: lines };
  if ('error' in options) return options;
  const seen = new Set<string>();
  for (const [i, option] of options.options.entries()) {
    const key = option.toLocaleLowerCase(at.locale);
    if (seen.has(key)) return { error: t(at.locale, 'poll.error.options.duplicate', { option: quoted(lines[i] ?? option) }) };
    seen.add(key);
  }
  return options;
}

/** A time poll's lines: each a day and a time of day still to come → epoch seconds as text. */
async function readSlots(lines: readonly string[], at: Reading): Promise<{ options: string[] } | { error: string }> {
  const { readDue, pastText } = await import('../kernel/due-date.ts');
  const options: string[] = [];
  for (const line of lines) {
    const read = readDue(line, at.zone, at.now, at.locale);
    if ('problem' in read && read.problem === 'past')
      return { error: `${quoted(line)}: ${pastText(at.locale, read.understood, at.zone, true)}` };
    if ('problem' in read) return { error: t(at.locale, 'poll.error.time.unknown', { option: quoted(line) }) };
    if (!read.due.time) return { error: t(at.locale, 'poll.error.time.noTime', { option: quoted(line) }) };
    if (read.due.dueAt * 1000 <= at.now.getTime())
      return { error: `${quoted(line)}: ${pastText(at.locale, read.understood, at.zone, true)}` };
    options.push(String(read.due.dueAt));
  }
  return { options };
}
