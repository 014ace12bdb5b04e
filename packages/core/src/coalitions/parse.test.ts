import { describe, expect, it } from 'vitest';
import { commandFromWords, parseCommandValue } from '../features.ts';
import { commandText } from '../kernel/forms.ts';
import { discordSubcommands, fromDiscord } from '../kernel/registry.ts';

/** Slack: `/community <text>` as the adapter splits it. */
const slack = (text: string) => {
  const [word = '', ...rest] = text.split(/\s+/);
  return commandFromWords(word.toLowerCase(), rest, rest.join(' ').trim());
};
/** Discord: `/community coalition <sub> [options]`, options as Discord sends them. */
const discord = (sub: string, options: Record<string, string | number> = {}) =>
  parseCommandValue(fromDiscord('coalition', [{ name: sub, options: Object.entries(options).map(([name, value]) => ({ name, value })) }]));

describe('coalition words on Slack', () => {
  it('reads each subcommand and what follows it', () => {
    expect(slack('coalition create Riverside Tenants Coalition')).toEqual({
      type: 'coalition.create',
      name: 'Riverside Tenants Coalition',
    });
    expect(slack('coalition invite')).toEqual({ type: 'coalition.invite' });
    expect(slack('coalition join k7qx2 m9dtr')).toEqual({ type: 'coalition.join', code: 'k7qx2 m9dtr' });
    expect(slack('coalition leave')).toEqual({ type: 'coalition.leave' });
    expect(slack('coalition status')).toEqual({ type: 'coalition.status' });
    expect(slack('coalition board')).toEqual({ type: 'coalition.status' });
    expect(slack('coalition story')).toEqual({ type: 'coalition.story.open' });
  });

  it('shows the board for `coalition` alone, and reads the verbs in any case', () => {
    expect(slack('coalition')).toEqual({ type: 'coalition.status' });
    expect(slack('Coalition JOIN ABCDE-FGHJK')).toEqual({ type: 'coalition.join', code: 'ABCDE-FGHJK' });
  });

  it('reads the Russian words', () => {
    expect(slack('коалиция создать Союз жильцов')).toEqual({ type: 'coalition.create', name: 'Союз жильцов' });
    expect(slack('коалиция вступить ABCDE-FGHJK')).toEqual({ type: 'coalition.join', code: 'ABCDE-FGHJK' });
    expect(slack('коалиция выйти')).toEqual({ type: 'coalition.leave' });
    expect(slack('коалиция доска')).toEqual({ type: 'coalition.status' });
    expect(slack('коалиция история')).toEqual({ type: 'coalition.story.open' });
    expect(slack('коалиция пригласить')).toEqual({ type: 'coalition.invite' });
  });

  it('leaves out what was not typed, and calls an unknown verb unknown', () => {
    expect(slack('coalition create')).toEqual({ type: 'coalition.create' });
    expect(slack('coalition join')).toEqual({ type: 'coalition.join' });
    expect(slack('coalition banana split')).toEqual({ type: 'unknown', input: 'coalition banana' });
  });
});

describe('the coalition group on Discord', () => {
  it('reads each subcommand and its option', () => {
    expect(discord('create', { name: ' Riverside ' })).toEqual({ type: 'coalition.create', name: 'Riverside' });
    expect(discord('invite')).toEqual({ type: 'coalition.invite' });
    expect(discord('join', { code: 'k7qx2-m9dtr' })).toEqual({ type: 'coalition.join', code: 'k7qx2-m9dtr' });
    expect(discord('leave')).toEqual({ type: 'coalition.leave' });
    expect(discord('status')).toEqual({ type: 'coalition.status' });
    expect(discord('story')).toEqual({ type: 'coalition.story.open' });
  });

  it('is one group of seven, and shows each form as each platform types it', () => {
    const group = discordSubcommands().find((s) => s.name === 'coalition');
    expect(group?.subcommands?.map((s) => s.name)).toEqual(['create', 'invite', 'join', 'leave', 'status', 'story', 'campaign']);
    expect(commandText('coalition.join', 'slack', ['K7QX2-M9DTR'])).toBe('/community coalition join K7QX2-M9DTR');
    expect(commandText('coalition.join', 'discord', ['K7QX2-M9DTR'])).toBe('/community coalition join code:K7QX2-M9DTR');
  });

  it('keeps /community within Discord’s 25 entries: export and erase are the data group, still understood alone', () => {
    const listed = discordSubcommands().filter((s) => !s.unlisted);
    expect(listed.length).toBeLessThanOrEqual(25);
    expect(listed.map((s) => s.name)).not.toContain('export');
    expect(listed.map((s) => s.name)).not.toContain('erase');
    expect(listed.find((s) => s.name === 'data')?.subcommands?.map((s) => s.name)).toEqual(['export', 'erase']);
    expect(parseCommandValue(fromDiscord('data', [{ name: 'export', options: [] }]))).toEqual({ type: 'export' });
    expect(parseCommandValue(fromDiscord('data', [{ name: 'erase', options: [] }]))).toEqual({ type: 'erase.open' });
    expect(parseCommandValue(fromDiscord('export', []))).toEqual({ type: 'export' });
    expect(parseCommandValue(fromDiscord('erase', []))).toEqual({ type: 'erase.open' });
    expect(commandText('export', 'discord')).toBe('/community data export');
  });
});

describe('the board in pages', () => {
  it('reads a page after status on Slack and as page: on Discord; anything else is the first page', () => {
    expect(slack('coalition status 3')).toEqual({ type: 'coalition.status', page: 3 });
    expect(slack('коалиция доска 2')).toEqual({ type: 'coalition.status', page: 2 });
    expect(slack('coalition status next')).toEqual({ type: 'coalition.status' });
    expect(discord('status', { page: 4 })).toEqual({ type: 'coalition.status', page: 4 });
    expect(discord('status')).toEqual({ type: 'coalition.status' });
  });
});
