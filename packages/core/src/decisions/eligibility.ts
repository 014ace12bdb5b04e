import type { Community } from '../community/model.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Decision } from './model.ts';

/** Why someone may not vote on a decision (each has its own friendly answer). */
export type Ineligible = 'notMember' | 'notLeader' | 'notInRole';

/** Whether `userId` may vote on `decision`: true, or why not. */
export async function mayVote(
  _decision: Decision,
  _community: Community,
  _userId: string,
  _deps: Pick<CoreDeps, 'members'>,
): Promise<true | Ineligible> {
  return true;
}

/** Everyone who may vote on `decision` (the reminders' audience and the outcome's `eligible` count). */
export async function eligiblePeople(_decision: Decision, _community: Community, _deps: CoreDeps): Promise<string[]> {
  return [];
}
