import type { Debrief, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** A debrief (`…#DEBRIEF#<id>`); ids start with the time, so the newest sort last. */
export const debriefsPrefix = (communityId: string) => `${communityPrefix(communityId)}DEBRIEF#`;
export const debriefKey = (tenant: Tenant, communityId: string, id: string) => ({
  pk: tenantKey(tenant),
  sk: `${debriefsPrefix(communityId)}${id}`,
});

export function toDebriefItem(tenant: Tenant, d: Debrief): Record<string, unknown> {
  return { ...debriefKey(tenant, d.communityId, d.id), entity: 'Debrief', ...fromDebriefItem(d as unknown as Record<string, unknown>) };
}

export function fromDebriefItem(item: Record<string, unknown>): Debrief {
  const i = item as unknown as Debrief;
  return {
    id: i.id,
    communityId: i.communityId,
    subject: i.subject,
    title: i.title,
    worked: i.worked,
    didnt: i.didnt,
    turnout: i.turnout,
    learned: i.learned,
    steps: (i.steps ?? []).map((s) => ({ text: s.text, ...(s.taskId ? { taskId: s.taskId } : {}) })),
    createdBy: i.createdBy,
    createdAt: i.createdAt,
  };
}
