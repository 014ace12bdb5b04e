import type { Community, Locale, StageId, StoryAnswers, StoryHead, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';
import { fromRolesMap, type RolesMap, toRoleItem } from './role.ts';

/**
 * A community's settings item. Everything `status` needs lives here (facts from other entities are kept
 * as fields written in the same transaction), so `status` reads this one item.
 */
export interface CommunityItem {
  pk: string;
  sk: string;
  /** Directory of a tenant's communities (access pattern: communities of a tenant). */
  gsi1pk: string;
  gsi1sk: string;
  entity: 'Community';
  id: string;
  homeChannelId: string;
  name: string;
  goal?: string;
  coordinatorId: string;
  locale?: Locale;
  timezone?: string;
  story: StoryAnswers;
  storyVersion: number;
  /** Latest story of us and of now (a map, so one can be set without touching the other). */
  stories: { us?: StoryHead; now?: StoryHead };
  /** A string set; DynamoDB has no empty sets, so it is absent until the first story of self. */
  selfAuthors?: Set<string>;
  selfStoriesNeeded: number;
  roles: RolesMap;
  stagesMarkedDone: StageId[];
  /** A string set of local days without stand-ups; absent until the first holiday. */
  holidays?: Set<string>;
  createdAt: string;
  updatedAt: string;
}

export const communityKey = (tenant: Tenant, communityId: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}META`,
});

/** gsi1 partition listing a tenant's communities. */
export const communityDirectoryKey = (tenant: Tenant) => `${tenantKey(tenant)}#COMMUNITIES`;

export function toCommunityItem(c: Community): CommunityItem {
  return {
    ...communityKey(c.tenant, c.id),
    gsi1pk: communityDirectoryKey(c.tenant),
    gsi1sk: `COMMUNITY#${c.id}`,
    entity: 'Community',
    id: c.id,
    homeChannelId: c.homeChannelId,
    name: c.name,
    ...(c.goal ? { goal: c.goal } : {}),
    coordinatorId: c.coordinatorId,
    ...(c.locale ? { locale: c.locale } : {}),
    ...(c.timezone ? { timezone: c.timezone } : {}),
    story: c.story,
    storyVersion: c.storyVersion,
    stories: { ...c.stories },
    ...(c.selfAuthors.length > 0 ? { selfAuthors: new Set(c.selfAuthors) } : {}),
    selfStoriesNeeded: c.selfStoriesNeeded,
    roles: Object.fromEntries(c.roles.map((r) => [r.id, toRoleItem(r)])),
    stagesMarkedDone: [...c.stagesMarkedDone],
    ...(c.holidays.length > 0 ? { holidays: new Set(c.holidays) } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function fromCommunityItem(tenant: Tenant, item: CommunityItem): Community {
  return {
    tenant,
    id: item.id,
    homeChannelId: item.homeChannelId,
    name: item.name,
    ...(item.goal ? { goal: item.goal } : {}),
    coordinatorId: item.coordinatorId,
    ...(item.locale ? { locale: item.locale } : {}),
    ...(item.timezone ? { timezone: item.timezone } : {}),
    story: item.story ?? {},
    storyVersion: item.storyVersion ?? 0,
    stories: item.stories ?? {},
    selfAuthors: [...(item.selfAuthors ?? [])].sort(),
    selfStoriesNeeded: item.selfStoriesNeeded ?? 1,
    roles: fromRolesMap(item.roles),
    stagesMarkedDone: item.stagesMarkedDone ?? [],
    holidays: item.holidays ? [...item.holidays].sort() : [],
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export const isCommunityItem = (item: Record<string, unknown>): item is CommunityItem & Record<string, unknown> =>
  item.entity === 'Community';
