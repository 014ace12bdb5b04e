import type { Ballot, Decision, DecisionKind } from '@organizer/core';

/** A decision of community C1 as the unit tests of counting and wording start from (`fields` say the rest). */
export const decisionOf = (kind: DecisionKind, fields: Partial<Decision> = {}): Decision => ({
  id: 'd1',
  communityId: 'C1',
  kind,
  title: 'Question',
  options: [],
  electorate: { kind: 'everyone' },
  anonymous: false,
  authorId: 'U1',
  channelId: 'C1',
  createdAt: '2027-01-01T10:00:00.000Z',
  closesAt: '2027-01-04T10:00:00.000Z',
  status: 'closing',
  version: 1,
  ...fields,
});

/** One ballot of decision d1 per list of values, by U10, U11, … in turn. */
export const ballotsOf = (...values: number[][]): Ballot[] =>
  values.map((v, i) => ({ decisionId: 'd1', userId: `U${i + 10}`, values: v, at: '2027-01-02T10:00:00.000Z' }));
