import type { Community } from '../community/model.ts';
import type { Member } from '../members/model.ts';

/** The commitment curve's rungs, lowest first. */
export const rungKeys = ['newcomer', 'participant', 'contributor', 'leader'] as const;
export type Rung = 0 | 1 | 2 | 3;
/** The ask that would move someone up: meet them, give them a task, ask them to lead. */
export type NextAsk = 'meet' | 'task' | 'lead';

const n = (member: Member | undefined, act: keyof NonNullable<Member['acts']>) => member?.acts?.[act] ?? 0;

/**
 * A member's rung, derived from what they did: leading a role (or coordinating) is the top; finishing a
 * task or holding a one-on-one makes a contributor; coming to events, RSVPing, answering stand-ups or
 * taking a task makes a participant; everyone else is a newcomer.
 */
export function rungOf(member: Member | undefined, userId: string, community: Community): Rung {
  if (community.coordinatorId === userId || community.roles.some((r) => r.leadId === userId)) return 3;
  if (n(member, 'tasksDone') > 0 || n(member, 'oneOnOnes') > 0) return 2;
  if (n(member, 'attended') + n(member, 'rsvps') + n(member, 'answers') + n(member, 'tasksAccepted') > 0) return 1;
  return 0;
}

/** Who is ready for which next ask (e.g. came twice but never held a task), or undefined. */
export function nextAsk(member: Member | undefined, rung: Rung): NextAsk | undefined {
  if (rung === 0) return 'meet';
  if (rung === 1 && n(member, 'attended') + n(member, 'answers') >= 2 && n(member, 'tasksAccepted') === 0) return 'task';
  if (rung === 1 && n(member, 'oneOnOnes') === 0) return 'meet';
  if (rung === 2 && n(member, 'tasksDone') >= 2) return 'lead';
  return undefined;
}

/** Everyone the community knows: its coordinator, role holders and members with their own record. */
export function knownMembers(community: Community, members: readonly Member[]): string[] {
  const ids = [
    community.coordinatorId,
    ...community.roles.flatMap((r) => [...(r.leadId ? [r.leadId] : []), ...r.memberIds]),
    ...members.map((m) => m.userId),
  ];
  return [...new Set(ids)];
}
