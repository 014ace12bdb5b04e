import { describe, expect, it } from 'vitest';
import { type Community, newCommunity } from './community.ts';
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

  it('treats a stage a leader marked done as complete and moves the next action on', () => {
    const progress = computeProgress({ community: community({ stagesMarkedDone: ['story'] }) });
    expect(progress.stages[0]).toMatchObject({ done: 5, complete: true });
    expect(progress.next?.fact).toBe('relationships.oneOnOnes');
  });

  it('has no next action when every stage is done', () => {
    const all = ['story', 'relationships', 'team', 'strategy', 'expansion', 'campaigns', 'next'] as const;
    expect(computeProgress({ community: community({ stagesMarkedDone: [...all] }) }).next).toBeUndefined();
  });
});
