import { describe, expect, it } from 'vitest';
import { newCommunity } from '../community/model.ts';
import { knownMembers, nextAsk, rungOf } from './ladder.ts';

const community = {
  ...newCommunity({ tenant: { platform: 'slack', id: 'T1' }, id: 'C1', name: 'X', coordinatorId: 'U1', createdAt: '2026-01-01' }),
  roles: [{ id: 'outreach', name: 'Outreach', leadId: 'U2', memberIds: ['U3'], responsibilities: [], createdAt: '2026-01-01' }],
};

describe('ladder', () => {
  it('derives each rung from what people did', () => {
    expect(rungOf(undefined, 'U1', community)).toBe(3);
    expect(rungOf(undefined, 'U2', community)).toBe(3);
    expect(rungOf(undefined, 'U9', community)).toBe(0);
    expect(rungOf({ userId: 'U9', acts: { rsvps: 1 } }, 'U9', community)).toBe(1);
    expect(rungOf({ userId: 'U9', acts: { tasksAccepted: 1 } }, 'U9', community)).toBe(1);
    expect(rungOf({ userId: 'U9', acts: { tasksAccepted: 1, tasksDone: 1 } }, 'U9', community)).toBe(2);
  });

  it('spots who is ready for a next ask', () => {
    expect(nextAsk({ userId: 'U9', acts: { attended: 2 } }, 1)).toBe('task');
    expect(nextAsk({ userId: 'U9', acts: { attended: 1, tasksAccepted: 1 } }, 1)).toBe('meet');
    expect(nextAsk({ userId: 'U9', acts: { tasksDone: 2 } }, 2)).toBe('lead');
    expect(nextAsk(undefined, 0)).toBe('meet');
  });

  it('knows the coordinator, role holders and members with a record, once each', () => {
    expect(knownMembers(community, [{ userId: 'U3' }, { userId: 'U4' }])).toEqual(['U1', 'U2', 'U3', 'U4']);
  });
});
