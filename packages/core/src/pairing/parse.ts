import type { Options } from '../kernel/feature.ts';
import { clip } from '../kernel/text.ts';

/** `pair start [weeks] [newcomers]`, `pair stop|now|join|leave|status`, `pair snooze until <date>`. */
export function parsePairArgs(words: readonly string[]): unknown {
  const [verb = 'status', ...rest] = words;
  const action = verb.toLowerCase();
  if (action === 'start') {
    const weeks = rest.find((w) => /^\d{1,2}$/.test(w));
    return {
      type: 'pair',
      action,
      ...(weeks ? { weeks: Number(weeks) } : {}),
      ...(rest.some((w) => /^newcomers$/i.test(w)) ? { newcomers: true } : {}),
    };
  }
  if (action === 'snooze') {
    const untilText = (/^(until|till|до|по)$/i.test(rest[0] ?? '') ? rest.slice(1) : rest).join(' ');
    const until = clip(untilText, 100, '');
    return { type: 'pair', action, ...(until ? { until } : {}) };
  }
  if (action === 'stop' || action === 'now' || action === 'join' || action === 'leave') return { type: 'pair', action };
  return { type: 'pair', action: 'status' };
}

/** Discord's `/community pair action:… weeks:… newcomers:… until:…` → the same words Slack users type. */
export const pairFromOptions = (option: Options): unknown =>
  parsePairArgs(
    [option('action'), option('weeks'), option('newcomers') === true ? 'newcomers' : undefined, option('until')]
      .filter((v) => v !== undefined)
      .map(String),
  );
