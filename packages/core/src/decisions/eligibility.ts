import type { Community } from '../community/model.ts';
import { knownMembers } from '../expansion/ladder.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Member } from '../members/model.ts';
import type { Role } from '../roles/model.ts';
import type { Decision, Electorate } from './model.ts';

/** Why someone may not vote on a decision (each has its own friendly answer). */
export type Ineligible = 'notMember' | 'notLeader' | 'notInRole';

/** The role an electorate names, matched by name whatever the case (the name as the proposal was written). */
const roleOf = (community: Community, electorate: Electorate): Role | undefined =>
  electorate.kind === 'role' ? community.roles.find((r) => r.name.toLocaleLowerCase() === electorate.role.toLocaleLowerCase()) : undefined;

/** The coordinator and every role's lead: the community's leaders (platform admins are not a listable set). */
const leadersOf = (community: Community): string[] => [
  ...new Set([community.coordinatorId, ...community.roles.flatMap((r) => (r.leadId ? [r.leadId] : []))]),
];

const peopleOf = (role: Role | undefined): string[] =>
  role ? [...new Set([...(role.leadId ? [role.leadId] : []), ...role.memberIds])] : [];

/**
 * Whether `userId` may vote on `decision`: true, or why not. `everyone`: anyone the community knows (its
 * coordinator, role holders, and members with a record of their own: they joined, set something or took
 * part); `leaders`: the coordinator and role leads; `role`: that role's lead and members.
 */
export async function mayVote(
  decision: Decision,
  community: Community,
  userId: string,
  deps: Pick<CoreDeps, 'members'>,
  /** The person's member record when the caller read it already (with the decision): nothing more is read. */
  known?: { readonly member: Member | undefined },
): Promise<true | Ineligible> {
  const { electorate } = decision;
  if (electorate.kind === 'leaders') return leadersOf(community).includes(userId) ? true : 'notLeader';
  if (electorate.kind === 'role') return peopleOf(roleOf(community, electorate)).includes(userId) ? true : 'notInRole';
  if (knownMembers(community, []).includes(userId)) return true;
  const member = known ? known.member : await deps.members.member(community.tenant, community.id, userId);
  return member ? true : 'notMember';
}

/**
 * Everyone who may vote on `decision` (the reminders' audience and the outcome's `eligible` count). Only
 * `everyone` reads the community's members (one Query of its own member items); the others are on the community.
 */
export async function eligiblePeople(decision: Decision, community: Community, deps: CoreDeps): Promise<string[]> {
  const { electorate } = decision;
  if (electorate.kind === 'leaders') return leadersOf(community);
  if (electorate.kind === 'role') return peopleOf(roleOf(community, electorate));
  return knownMembers(community, await deps.members.members(community.tenant, community.id));
}
