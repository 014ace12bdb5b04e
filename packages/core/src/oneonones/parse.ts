import type { Options } from '../kernel/feature.ts';
import { personArg } from '../kernel/people.ts';

const shareWord = /^(share|shared|поделиться)$/i;

/** `1on1 log @someone [share] [date]`, `1on1 target <n>`; anything else lists one's one-on-ones. */
export function parseOneOnOneArgs(words: readonly string[]): unknown {
  const [verb = '', ...rest] = words;
  if (/^target$/i.test(verb)) return { type: 'oneonone.target', ...(/^\d{1,4}$/.test(rest[0] ?? '') ? { count: Number(rest[0]) } : {}) };
  if (!/^log$/i.test(verb)) return { type: 'oneonones' };
  const [who = '', ...more] = rest;
  const person = personArg(who);
  const share = more.some((w) => shareWord.test(w));
  const date = more
    .filter((w) => !shareWord.test(w))
    .join(' ')
    .slice(0, 60);
  return { type: 'oneonone.open', ...person, ...(date ? { date } : {}), share };
}

/** Discord's `/community 1on1 action:… user:… share:… date:… count:…` → the same command typed words give. */
export function oneOnOneFromOptions(option: Options): unknown {
  const action = String(option('action') ?? 'list');
  if (action === 'target') return { type: 'oneonone.target', ...(typeof option('count') === 'number' ? { count: option('count') } : {}) };
  if (action === 'values') return { type: 'values' };
  if (action !== 'log') return { type: 'oneonones' };
  return parseOneOnOneArgs([
    'log',
    ...(typeof option('user') === 'string' ? [`<@${option('user')}>`] : []),
    ...(option('share') === true ? ['share'] : []),
    ...(typeof option('date') === 'string' ? [String(option('date'))] : []),
  ]);
}
