import { describe, expect, it } from 'vitest';
import { actionsFor, idWord, type Task, titleMatches } from './model.ts';

const task = (over: Partial<Task>): Task => ({
  id: 't1',
  communityId: 'C1',
  title: 'Book the hall',
  ownerId: 'U3',
  createdBy: 'U1',
  status: 'accepted',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...over,
});

describe('titleMatches', () => {
  it('finds a task by the beginning of any word of its title, in any case and script', () => {
    expect(titleMatches('Book the hall', 'hall')).toBe(true);
    expect(titleMatches('Book the hall', 'HA')).toBe(true);
    expect(titleMatches('Book the hall', 'book hall')).toBe(true);
    expect(titleMatches('Заказать автобус', 'АВТО')).toBe(true);
    expect(titleMatches('Book the hall', 'all')).toBe(false);
    expect(titleMatches('Book the hall', 'hall bus')).toBe(false);
    expect(titleMatches('Book the hall', ' ,. ')).toBe(false);
  });
});

describe('idWord', () => {
  it('keeps whole words, letters and digits only, within 30 characters', () => {
    expect(idWord('Book: the <hall>')).toBe('book.the.hall');
    expect(idWord(`${'a'.repeat(25)} bbbbbbbbbb`)).toBe('a'.repeat(25));
    expect(idWord('::')).toBe('');
  });
});

describe('actionsFor', () => {
  it('gives the owner their answers and moves, the leader who asked Reschedule or Drop, others nothing', () => {
    expect(actionsFor(task({ status: 'proposed' }), 'U3')).toEqual(['accept', 'decline']);
    expect(actionsFor(task({}), 'U3')).toEqual(['done', 'handBack', 'due']);
    expect(actionsFor(task({}), 'U1')).toEqual(['due']);
    expect(actionsFor(task({ status: 'declined' }), 'U1')).toEqual(['reoffer', 'drop']);
    expect(actionsFor(task({ status: 'handedBack' }), 'U3')).toEqual([]);
    expect(actionsFor(task({ status: 'done' }), 'U1')).toEqual([]);
    expect(actionsFor(task({}), 'U9')).toEqual([]);
  });
});
