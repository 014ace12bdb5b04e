import type { CommunityEvent, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** An event (`…#EVENT#<id>`) with its RSVPs in lists (order matters for the waitlist), guarded by `version`. */
export const eventsPrefix = (communityId: string) => `${communityPrefix(communityId)}EVENT#`;
export const eventKey = (tenant: Tenant, communityId: string, id: string) => ({
  pk: tenantKey(tenant),
  sk: `${eventsPrefix(communityId)}${id}`,
});

export function toEventItem(tenant: Tenant, e: CommunityEvent): Record<string, unknown> {
  return { ...eventKey(tenant, e.communityId, e.id), entity: 'Event', ...fromEventItem(e as unknown as Record<string, unknown>) };
}

export function fromEventItem(item: Record<string, unknown>): CommunityEvent {
  const i = item as unknown as CommunityEvent;
  return {
    id: i.id,
    communityId: i.communityId,
    title: i.title,
    startsAt: i.startsAt,
    minutes: i.minutes,
    place: i.place,
    description: i.description,
    ...(i.capacity !== undefined ? { capacity: i.capacity } : {}),
    ...(i.campaignId ? { campaignId: i.campaignId } : {}),
    channelId: i.channelId,
    ...(i.messageId ? { messageId: i.messageId } : {}),
    going: [...(i.going ?? [])],
    maybe: [...(i.maybe ?? [])],
    cant: [...(i.cant ?? [])],
    waitlist: [...(i.waitlist ?? [])],
    attended: [...(i.attended ?? [])],
    ...(Array.isArray(i.remind) ? { remind: [...i.remind] } : {}),
    ...(i.repeat ? { repeat: i.repeat } : {}),
    ...(i.series ? { series: i.series } : {}),
    ...(typeof i.occurrence === 'number' ? { occurrence: i.occurrence } : {}),
    ...(i.cancelledAt ? { cancelledAt: i.cancelledAt } : {}),
    ...(i.scheduled?.id ? { scheduled: { id: i.scheduled.id, sent: i.scheduled.sent ?? '' } } : {}),
    createdBy: i.createdBy,
    createdAt: i.createdAt,
    version: i.version ?? 0,
  };
}
