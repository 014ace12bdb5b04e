import { describe, expect, it } from 'vitest';
import { type Community, newCommunity } from '../community/model.ts';
import { computeProgress } from './progress.ts';

const community = (over: Partial<Community> = {}): Community => ({
  ...newCommunity({
    tenant: { platform: 'slack', id: 'T1' },
    id: 'C1',
    name: 'Green Street',
    coordinatorId: 'U1',
    createdAt: '2026-11-24T00:00:00.000Z',
  }),
  ...over,
});

describe('computeProgress', () => {
  it('suggests answering the four questions first for a new community', () => {
    const progress = computeProgress({ community: community() });
    expect(progress.stages).toHaveLength(7);
    expect(progress.stages[0]).toMatchObject({ done: 0, total: 5, complete: false });
    expect(progress.next?.fact).toBe('story.questions');
  });

  it('counts the four questions only when all four are answered', () => {
    const three = computeProgress({ community: community({ story: { goal: 'a', who: 'b', how: 'c' } }) });
    expect(three.stages[0]?.done).toBe(0);
    const four = computeProgress({ community: community({ story: { goal: 'a', who: 'b', how: 'c', when: 'd', vision: 'e' } }) });
    expect(four.stages[0]?.done).toBe(2);
    expect(four.next?.fact).toBe('story.self');
  });

  it('calls a stage done only when its whole checklist is, whatever was marked', () => {
    const marked = computeProgress({ community: community({ stageMarks: { story: { by: 'U1', at: '2026-11-24T00:00:00.000Z' } } }) });
    expect(marked.stages[0]).toMatchObject({ done: 0, complete: false });
    const oneStory = computeProgress({
      community: community({ story: { goal: 'a', who: 'b', how: 'c', when: 'd', vision: 'e' }, selfAuthors: ['U1'], selfStoriesNeeded: 3 }),
    });
    expect(oneStory.stages[0]).toMatchObject({ done: 2, total: 5, complete: false });
    expect(oneStory.stages[0]?.items.map((i) => [i.item.fact, i.done, i.count])).toEqual([
      ['story.questions', true, undefined],
      ['story.vision', true, undefined],
      ['story.self', false, { done: 1, total: 3 }],
      ['story.us', false, undefined],
      ['story.now', false, undefined],
    ]);
  });

  it('has no next action when every checklist item holds', () => {
    const head = { version: 1, text: 'x', authorId: 'U1', at: '2026-11-24' } as never;
    const all = community({
      story: { goal: 'a', who: 'b', how: 'c', when: 'd', vision: 'e' },
      selfAuthors: ['U1'],
      selfStoriesNeeded: 1,
      stories: { us: head, now: head },
      oneOnOneTarget: 1,
      roles: ['a', 'b', 'c'].map((id) => ({ id, name: id, responsibilities: ['x'], leadId: 'U1', memberIds: [], createdAt: '' })),
      strategy: { goal: 'g', change: 'c', tactics: 't', timeline: 'l' },
      ladder: ['a'],
      activity: {
        campaigns: 1,
        events: 1,
        acceptedTasks: 1,
        debriefs: 1,
        nextSteps: 1,
        celebrations: 1,
        oneOnOnes: 1,
        values: 3,
        welcomed: 1,
      } as never,
    });
    const progress = computeProgress({ community: all });
    expect(progress.stages.every((s) => s.complete)).toBe(true);
    expect(progress.next).toBeUndefined();
  });
});
