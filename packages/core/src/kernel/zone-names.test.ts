import { describe, expect, it } from 'vitest';
import { findZone } from './zone-names.ts';

describe('findZone', () => {
  it('reads IANA names, cities and countries in English and Russian', () => {
    expect(findZone('Europe/Moscow')).toEqual({ zone: 'Europe/Moscow' });
    expect(findZone('europe/moscow')).toEqual({ zone: 'Europe/Moscow' });
    expect(findZone('Moscow')).toEqual({ zone: 'Europe/Moscow' });
    expect(findZone('Москва')).toEqual({ zone: 'Europe/Moscow' });
    expect(findZone('new york')).toEqual({ zone: 'America/New_York' });
    expect(findZone('Sao Paulo')).toEqual({ zone: 'America/Sao_Paulo' });
    expect(findZone('Germany')).toEqual({ zone: 'Europe/Berlin' });
    expect(findZone('Екатеринбург')).toEqual({ zone: 'Asia/Yekaterinburg' });
    expect(findZone('utc')).toEqual({ zone: 'UTC' });
  });

  it('asks which zone when a country has several', () => {
    const russia = findZone('Россия');
    expect(russia && 'choices' in russia && russia.choices).toContain('Europe/Moscow');
    const usa = findZone('USA');
    expect(usa && 'choices' in usa && usa.choices).toContain('America/Los_Angeles');
  });

  it('knows no zone for other words', () => {
    for (const text of ['Mars/Olympus', 'Atlantis', '', 'x'.repeat(80)]) expect(findZone(text), text).toBeUndefined();
  });

  it('names only zones the timezone database knows', () => {
    for (const text of [
      'Russia',
      'USA',
      'Canada',
      'Australia',
      'Brazil',
      'Mexico',
      'Kazakhstan',
      'Indonesia',
      'Ukraine',
      'Vietnam',
      'Argentina',
      'Томск',
    ]) {
      const found = findZone(text);
      const zones = found ? ('zone' in found ? [found.zone] : found.choices) : [];
      expect(zones.length, text).toBeGreaterThan(0);
      for (const zone of zones) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone).not.toThrow();
    }
  });
});
