import { describe, expect, it } from 'vitest';
import { cleanValue, parseValues, topValues, valueKey } from './model.ts';

describe('values', () => {
  it('cleans a value: trimmed, whitespace collapsed, trailing punctuation and quotes dropped', () => {
    expect(cleanValue('  Mutual   aid. ')).toBe('Mutual aid');
    expect(cleanValue('care!!')).toBe('care');
    expect(cleanValue('«справедливость»…')).toBe('справедливость');
    expect(valueKey('Care.')).toBe(valueKey('care'));
  });

  it('parses one value per key, keeping the first spelling', () => {
    expect(parseValues('Care., care; Fairness\n\n safety ,')).toEqual(['Care', 'Fairness', 'safety']);
    expect(parseValues(' . , ;')).toEqual([]);
  });

  it('counts spellings of one value once per conversation and shows the most common spelling', () => {
    const top = topValues([['Care.', 'care'], ['care'], ['care '], ['Fairness.'], ['Fairness'], ['fairness!']]);
    expect(top).toEqual([
      { value: 'care', count: 3 },
      { value: 'Fairness', count: 3 },
    ]);
  });

  it('folds case in Russian too', () => {
    expect(topValues([['Солидарность.'], ['солидарность'], ['солидарность']])).toEqual([{ value: 'солидарность', count: 3 }]);
  });
});
