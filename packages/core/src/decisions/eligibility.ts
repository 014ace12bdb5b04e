import type { Community } from '../community/model.ts';
import { knownMembers } from '../expansion/ladder.ts';
import type { CoreDeps } from '../kernel/ports.ts';
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
 * Whether `userId` may vote on `decision`: true, why not, or `ifMember`. `everyone`: anyone the community
 * knows, that is its coordinator and role holders (named on the community item) and members with a record
 * of their own (they joined, set something or took part): for anyone else the answer is `ifMember`, and the
 * member record decides (read with the decision, or checked in the vote's own transaction). `leaders`: the
 * coordinator and role leads; `role`: that role's lead and members.
 */
export function mayVote(decision: Decision, community: Community, userId: string): true | Ineligible | 'ifMember' {
  const { electorate } = decision;
  if (electorate.kind === 'leaders') return leadersOf(community).includes(userId) ? true : 'notLeader';
  if (electorate.kind === 'role') return peopleOf(roleOf(community, electorate)).includes(userId) ? true : 'notInRole';
  return knownMembers(community, []).includes(userId) ? true : 'ifMember';
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
