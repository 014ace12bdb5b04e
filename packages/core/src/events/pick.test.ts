import { describe, expect, it } from 'vitest';
import { defaultReminders } from './model.ts';
import { parseEventArgs } from './parse.ts';
import { parseReminders, parseRepeat } from './pick.ts';

describe('parseReminders', () => {
  it('reads the choices as typed in English or Russian, longest before first, or none', () => {
    expect(parseReminders('1 day, 1 hour', [])).toEqual(['day', 'hour']);
    expect(parseReminders('3 hours and 1 week', [])).toEqual(['week', '3h']);
    expect(parseReminders('за неделю и за час', [])).toEqual(['week', 'hour']);
    expect(parseReminders('за день, за 3 часа', [])).toEqual(['day', '3h']);
    expect(parseReminders('none', defaultReminders)).toEqual([]);
    expect(parseReminders('без напоминаний', defaultReminders)).toEqual([]);
  });
  it('keeps the fallback when empty, and refuses anything that is not a choice', () => {
    expect(parseReminders('  ', defaultReminders)).toEqual(defaultReminders);
    expect(parseReminders('2 days', defaultReminders)).toBeUndefined();
    expect(parseReminders('1 day, sometimes', defaultReminders)).toBeUndefined();
  });
});

describe('parseRepeat', () => {
  it('reads how often, in both languages, and off', () => {
    expect(parseRepeat('weekly')).toBe('weekly');
    expect(parseRepeat('Every two weeks')).toBe('biweekly');
    expect(parseRepeat('ежемесячно')).toBe('monthly');
    expect(parseRepeat('off')).toBe('off');
    expect(parseRepeat('daily')).toBeUndefined();
  });
});

describe('parseEventArgs (event words as typed in Slack)', () => {
  const words = (text: string) => parseEventArgs(text.split(' '));
  it('takes the event before the mentions, the reminders or the repeat', () => {
    expect(words('attended tenants meeting <@U1|ann> <@U2>')).toEqual({
      type: 'event.attended',
      eventId: 'tenants meeting',
      userIds: ['U1', 'U2'],
    });
    expect(words('remind board games 1 day, 3 hours')).toEqual({ type: 'event.remind', event: 'board games', remind: '1 day, 3 hours' });
    expect(words('remind уборка за неделю')).toEqual({ type: 'event.remind', event: 'уборка', remind: 'за неделю' });
    expect(words('repeat garden monthly')).toEqual({ type: 'event.repeat', event: 'garden', every: 'monthly' });
    expect(words('repeat garden')).toEqual({ type: 'event.repeat', event: 'garden' });
    expect(words('cancel garden')).toEqual({ type: 'event.cancel', event: 'garden' });
    expect(words('edit')).toEqual({ type: 'event.edit' });
  });
});
