import type { Options } from '../kernel/feature.ts';
import { personArg } from '../kernel/people.ts';
import { clip } from '../kernel/text.ts';

/** `debrief [campaign name]`: the debrief modal, of a campaign when one is named. */
export const debriefFromWords = (args: string): unknown => ({ type: 'debrief.open', ...(args ? { name: clip(args, 80, '') } : {}) });

/** `next` lists open next steps; `next <n|ref> @someone [by <date>]` hands one out as a task. */
export function parseNextArgs(words: readonly string[]): unknown {
  const [ref, who = '', ...rest] = words;
  if (!ref) return { type: 'next' };
  const person = personArg(who);
  const due = rest
    .join(' ')
    .replace(/^(by|до|к)\s+/i, '')
    .trim()
    .slice(0, 100);
  return { type: 'next.assign', ref: clip(ref, 20, ''), ...person, ...(due ? { due } : {}) };
}

/** Discord's `/community next step:… user:… due:…` → the same command typed words give. */
export function nextFromOptions(option: Options): unknown {
  // `step` is free text: without the user option, someone may be named in it (`2 @ben`), looked up by core.
  const step = typeof option('step') === 'string' ? String(option('step')).trim().split(/\s+/) : [];
  const user = typeof option('user') === 'string' ? [`<@${option('user')}>`] : step.slice(1, 2);
  return parseNextArgs([...step.slice(0, 1), ...user, option('due')].filter((v) => typeof v === 'string' && v !== '').map(String));
}

/** `celebrate <what we did>`: an empty note is told how to say it. */
export const celebrateFromWords = (args: string): unknown => ({ type: 'celebrate', ...(args ? { note: args } : {}) });
