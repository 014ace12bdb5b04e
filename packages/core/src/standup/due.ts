import type { Community } from '../community/model.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { minuteOf, nextOccurrence } from '../kernel/schedule.ts';
import { participantsOf, participantZone, type StandupSchedule } from './model.ts';

/**
 * Puts the due items of a stand-up's participants' own zones (prompts by direct message go out at the
 * same local time for everyone) and removes items of zones no longer used. Run by the worker when a
 * stand-up or its participants change, and after each run in the stand-up's own zone.
 */
export async function syncStandupDue(community: Community, schedule: StandupSchedule, deps: CoreDeps, after: Date): Promise<void> {
  const { tenant } = community;
  const zones = new Set<string>();
  if (schedule.delivery === 'dm') {
    const members = new Map((await deps.members.members(tenant, community.id)).map((m) => [m.userId, m]));
    for (const userId of participantsOf(schedule, community)) zones.add(participantZone(schedule, members.get(userId)));
  }
  const holidays = new Set(community.holidays);
  const wanted = new Map<string, string>();
  // The stand-up's own zone is the item `<id>` (set by the command); others are `<id>@<zone>`.
  zones.delete(schedule.zone);
  for (const zone of zones) {
    const next = nextOccurrence({ days: schedule.days, time: schedule.time, zone }, after, holidays);
    if (next) wanted.set(`${schedule.id}@${zone}`, minuteOf(next.at));
  }
  const existing = await deps.due.list(tenant, community.id, 'standup', `${schedule.id}@`);
  await Promise.all([
    ...existing.filter((item) => !wanted.has(item.ref)).map((item) => deps.due.remove(tenant, community.id, 'standup', item.ref)),
    ...[...wanted].map(([ref, minute]) => deps.due.put({ tenant, communityId: community.id, kind: 'standup', ref, minute })),
  ]);
}
