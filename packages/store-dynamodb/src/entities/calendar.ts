import type { Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/**
 * A community's calendar feed key (`…#COMMUNITY#<id>#CALENDAR`): in the community's partition under its
 * prefix, so `erase` removes it with the rest, and read with the settings item in one BatchGet.
 */
export interface CalendarItem {
  pk: string;
  sk: string;
  entity: 'Calendar';
  communityId: string;
  feedKey: string;
  updatedAt: string;
}

export const calendarKey = (tenant: Tenant, communityId: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}CALENDAR`,
});

export const toCalendarItem = (tenant: Tenant, communityId: string, feedKey: string, at: string): CalendarItem => ({
  ...calendarKey(tenant, communityId),
  entity: 'Calendar',
  communityId,
  feedKey,
  updatedAt: at,
});
