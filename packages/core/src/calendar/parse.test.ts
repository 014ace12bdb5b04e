import { describe, expect, it } from 'vitest';
import { commandFromWords, parseCommandValue } from '../features.ts';
import { commandText } from '../kernel/forms.ts';
import { discordSubcommands, fromDiscord } from '../kernel/registry.ts';

const discord = (name: string, sub: string, options: { name: string; value: unknown }[] = []) =>
  parseCommandValue(fromDiscord(name, [{ name: sub, options }]));

describe('calendar commands', () => {
  it('reads Slack’s calendar, calendar reset and me calendar', () => {
    const slack = (text: string) => {
      const [word = '', ...rest] = text.split(' ');
      return commandFromWords(word, rest, rest.join(' '));
    };
    expect(slack('calendar')).toEqual({ type: 'calendar', reset: false });
    expect(slack('calendar reset')).toEqual({ type: 'calendar', reset: true });
    expect(slack('calendar сброс')).toEqual({ type: 'calendar', reset: true });
    expect(slack('me calendar')).toEqual({ type: 'calendar', reset: false });
    expect(slack('me calendar reset')).toEqual({ type: 'calendar', reset: true });
    // The rest of `me` is one's own settings, as `lang me`, `tz me` and `away` are.
    expect(slack('me tz Europe/Berlin')).toEqual({ type: 'tz', zone: 'Europe/Berlin', me: true });
    expect(slack('me lang ru')).toEqual({ type: 'language', me: true, locale: 'ru' });
    expect(slack('me away off')).toEqual({ type: 'away', off: true });
    // Bare `me` (and `me home`, Discord's name for it) is one's Home as an answer.
    expect(slack('me')).toEqual({ type: 'me.view' });
    expect(slack('me home')).toEqual({ type: 'me.view' });
    expect(commandText('calendar', 'slack')).toBe('/community calendar');
    expect(commandText('calendar.reset', 'discord')).toBe('/community me calendar reset:True');
  });

  it('puts calendar, lang, tz and away in Discord’s me group, the older top-level names still understood', () => {
    const listed = discordSubcommands().filter((s) => !s.unlisted);
    expect(listed.find((s) => s.name === 'me')?.subcommands?.map((s) => s.name)).toEqual(['home', 'calendar', 'lang', 'tz', 'away']);
    expect(discord('me', 'home')).toEqual({ type: 'me.view' });
    for (const name of ['lang', 'tz', 'away']) expect(listed.map((s) => s.name)).not.toContain(name);
    expect(listed.length).toBeLessThanOrEqual(25);
    expect(discord('me', 'calendar')).toEqual({ type: 'calendar', reset: false });
    expect(discord('me', 'calendar', [{ name: 'reset', value: true }])).toEqual({ type: 'calendar', reset: true });
    // In the me group one's own setting is meant; `community:True` is the community's, as before without `me:True`.
    expect(discord('me', 'tz', [{ name: 'zone', value: 'Europe/Berlin' }])).toEqual({ type: 'tz', zone: 'Europe/Berlin', me: true });
    expect(
      discord('me', 'tz', [
        { name: 'zone', value: 'Europe/Berlin' },
        { name: 'community', value: true },
      ]),
    ).toEqual({ type: 'tz', zone: 'Europe/Berlin', me: false });
    expect(discord('me', 'lang', [{ name: 'locale', value: 'ru' }])).toEqual({ type: 'language', locale: 'ru', me: true });
    expect(discord('me', 'away', [{ name: 'off', value: true }])).toEqual({ type: 'away', off: true });
    expect(parseCommandValue(fromDiscord('tz', [{ name: 'zone', value: 'UTC' }]))).toEqual({ type: 'tz', zone: 'UTC', me: false });
    expect(parseCommandValue(fromDiscord('away', [{ name: 'until', value: 'friday' }]))).toEqual({
      type: 'away',
      until: 'friday',
      off: false,
    });
    expect(commandText('tz.me', 'discord', ['Europe/Berlin'])).toBe('/community me tz zone:Europe/Berlin');
  });
});
