import { describe, expect, it } from 'vitest';
import { oneOnOnesFeature } from './module.ts';
import { oneOnOneFromOptions, parseOneOnOneArgs } from './parse.ts';

const options =
  (values: Record<string, unknown>) =>
  (name: string): unknown =>
    values[name];

describe('one-on-one parsing', () => {
  it('reads Slack words: log with a person, share and a date; target; anything else lists', () => {
    expect(parseOneOnOneArgs(['log', '<@U2|ben>', 'share', 'last', 'friday'])).toEqual({
      type: 'oneonone.open',
      userId: 'U2',
      date: 'last friday',
      share: true,
    });
    expect(parseOneOnOneArgs(['target', '12'])).toEqual({ type: 'oneonone.target', count: 12 });
    expect(parseOneOnOneArgs(['target', 'many'])).toEqual({ type: 'oneonone.target' });
    expect(parseOneOnOneArgs([])).toEqual({ type: 'oneonones' });
  });

  it('reads Discord options as the same words', () => {
    expect(oneOnOneFromOptions(options({ action: 'log', user: '42', share: true, date: 'today' }))).toEqual({
      type: 'oneonone.open',
      userId: '42',
      date: 'today',
      share: true,
    });
    expect(oneOnOneFromOptions(options({ action: 'target', count: 3 }))).toEqual({ type: 'oneonone.target', count: 3 });
    expect(oneOnOneFromOptions(options({ action: 'values' }))).toEqual({ type: 'values' });
    expect(oneOnOneFromOptions(options({}))).toEqual({ type: 'oneonones' });
  });

  it('still understands the older `values` subcommand without registering it again', () => {
    const values = oneOnOnesFeature.discord?.find((s) => s.name === 'values');
    expect(values?.unlisted).toBe(true);
    expect(values?.parse?.(options({}))).toEqual({ type: 'values' });
    expect(oneOnOnesFeature.discord?.filter((s) => !s.unlisted).map((s) => s.name)).toEqual(['1on1']);
  });
});
