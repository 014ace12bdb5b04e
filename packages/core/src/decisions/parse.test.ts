import { describe, expect, it } from 'vitest';
import { commandFromWords } from '../features.ts';
import { fromDiscord } from '../kernel/registry.ts';
import { pollKindOf, pollKinds } from './parse.ts';

const slack = (text: string) => {
  const [word = '', ...rest] = text.split(/\s+/);
  return commandFromWords(word, rest, rest.join(' '));
};
/** `/community decide <sub> …` as Discord's options arrive. */
const discord = (sub: string, options: Record<string, string> = {}) =>
  fromDiscord('decide', [{ name: sub, options: Object.entries(options).map(([name, value]) => ({ name, value })) }]);

describe('decisions parse', () => {
  it('reads propose with and without the decision it reopens', () => {
    expect(slack('propose')).toEqual({ type: 'propose.open' });
    expect(slack('propose 01JD8X0ABC')).toEqual({ type: 'propose.open', reopens: '01JD8X0ABC' });
    expect(discord('propose')).toEqual({ type: 'propose.open' });
    expect(discord('propose', { reopens: '01JD8X0ABC' })).toEqual({ type: 'propose.open', reopens: '01JD8X0ABC' });
  });

  it('reads every poll kind by its English and Russian words, simple when none is named', () => {
    expect(slack('poll')).toEqual({ type: 'poll.open', kind: 'simple' });
    const words: Record<string, string> = {
      check: 'sense',
      проверка: 'sense',
      Simple: 'simple',
      multi: 'multi',
      несколько: 'multi',
      time: 'time',
      время: 'time',
      volunteers: 'optin',
      добровольцы: 'optin',
      score: 'score',
      dots: 'dot',
      точки: 'dot',
      rank: 'ranked',
      рейтинг: 'ranked',
    };
    for (const [word, kind] of Object.entries(words)) expect(slack(`poll ${word}`), word).toEqual({ type: 'poll.open', kind });
    for (const kind of pollKinds) expect(pollKindOf(kind)).toBe(kind);
  });

  it('passes a kind it does not know on as typed (clipped), for the handler to answer', () => {
    expect(slack('poll banana')).toEqual({ type: 'poll.open', kind: 'banana' });
    expect(slack('poll averyveryverylongword')).toEqual({ type: 'poll.open', kind: 'averyveryver' });
    expect(discord('poll', { kind: 'time' })).toEqual({ type: 'poll.open', kind: 'time' });
    expect(discord('poll')).toEqual({ type: 'poll.open', kind: 'simple' });
  });

  it('reads the decision log with an optional word, from Slack and from Discord’s log', () => {
    expect(slack('decisions')).toEqual({ type: 'decisions' });
    expect(slack('decisions rent strike')).toEqual({ type: 'decisions', query: 'rent strike' });
    expect(discord('log', { word: 'rent' })).toEqual({ type: 'decisions', query: 'rent' });
    expect(discord('log')).toEqual({ type: 'decisions' });
  });

  it('suggests closed decisions while typing reopens: on Discord', async () => {
    const { suggestCommandFor } = await import('../kernel/registry.ts');
    expect(suggestCommandFor(['decide', 'propose'], 'reopens', 'rent')).toEqual({ type: 'decisions.suggest', query: 'rent' });
  });
});
