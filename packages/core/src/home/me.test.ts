import { beforeAll, describe, expect, it } from 'vitest';
// The features' command forms, which the texts name.
import '../features.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import type { Block } from '../kernel/reply.ts';
import { asMessageBlocks, MESSAGE_ROWS_MAX } from './me.ts';

const item = (n: number): Block[] => [
  { type: 'text', text: `Task ${n}` },
  {
    type: 'actions',
    buttons: [
      { id: `task:done:T1:C1:t${n}`, label: 'Done', primary: true },
      { id: `task:handBack:T1:C1:t${n}`, label: 'Hand back' },
    ],
  },
];

describe('me view as a message', () => {
  beforeAll(() => loadLocale('ru'));

  it('numbers each line with buttons and its first button alike, so a row under the text still says which item it is', () => {
    const blocks = asMessageBlocks('en', [
      { type: 'header', text: 'Park' },
      { type: 'text', text: 'Next: answer' },
      ...item(1),
      ...item(2),
    ]);
    expect(blocks[1]).toEqual({ type: 'text', text: 'Next: answer' });
    expect(blocks[2]).toEqual({ type: 'text', text: '1. Task 1' });
    expect(blocks[3]).toMatchObject({ buttons: [{ id: 'task:done:T1:C1:t1', label: '1. Done' }, { label: 'Hand back' }] });
    expect(blocks[4]).toEqual({ type: 'text', text: '2. Task 2' });
    expect(blocks[5]).toMatchObject({ buttons: [{ label: '2. Done' }, { label: 'Hand back' }] });
  });

  it('keeps at most five rows of buttons, the other lines without, and counts those in the reader’s language', () => {
    const many = Array.from({ length: 8 }, (_, i) => item(i + 1)).flat();
    const en = asMessageBlocks('en', many);
    expect(en.filter((b) => b.type === 'actions')).toHaveLength(MESSAGE_ROWS_MAX);
    expect(en.filter((b) => b.type === 'text').map((b) => ('text' in b ? b.text : ''))).toContain('Task 8');
    expect(en.at(-1)).toMatchObject({ type: 'context', text: expect.stringContaining('3 more lines have no buttons here') });
    const ru = asMessageBlocks('ru', Array.from({ length: 7 }, (_, i) => item(i + 1)).flat());
    expect(ru.at(-1)).toMatchObject({ type: 'context', text: expect.stringContaining('Ещё у 2 строк') });
    expect(asMessageBlocks('en', item(1)).some((b) => b.type === 'context')).toBe(false);
  });
});
