import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        { a: 'plain', b: 'with, comma' },
        { a: 'say "hi"', b: 'two\nlines' },
        { a: '=HYPERLINK("x")', b: ['x', 'y'] },
      ],
    );
    expect(csv).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n"\'=HYPERLINK(""x"")",x y\r\n');
  });
});
