import type {
  Activity,
  Board,
  CoalitionRef,
  Community,
  Locale,
  StageId,
  StageMark,
  StoryAnswers,
  StoryHead,
  Strategy,
  Tenant,
} from '@organizer/core';
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
  /** Stages a leader marked done (a map, so one stage is marked or unmarked on its own condition). */
  stageMarks?: Partial<Record<StageId, StageMark>>;
  strategy?: Strategy;
  strategyVersion?: number;
  /** Who saved the current strategy version. */
  strategyBy?: string;
  /** The strategy version the community adopted by a decision (read by `status` with the rest of this item). */
  strategyAdopted?: Community['strategyAdopted'];
  campaign?: Community['campaign'];
  /** Activity counters, each added to in the same transaction as the act it counts. */
  campaignCount?: number;
  eventCount?: number;
  acceptedTaskCount?: number;
  debriefCount?: number;
  nextStepCount?: number;
  celebrationCount?: number;
  oneOnOneCount?: number;
  valueCount?: number;
  welcomedCount?: number;
  /** Outbox items given up on (written by the outbox, read by `status`). */
  undeliveredCount?: number;
  /** The coalition it is in (set and removed by the coalition store, in the transaction that changes the list). */
  coalition?: CoalitionRef;
  /** Discord: who turned on keeping its events as the server's own events, and when. */
  serverEvents?: Community['serverEvents'];
  /** The living board in the channel (written by the board store, on conditions). */
  board?: Board;
  oneOnOneTarget?: number;
  ladder?: string[];
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
    stageMarks: { ...c.stageMarks },
    ...(c.holidays.length > 0 ? { holidays: new Set(c.holidays) } : {}),
    strategy: { ...c.strategy },
    ...(c.campaign ? { campaign: c.campaign } : {}),
    strategyVersion: c.strategyVersion,
    ...(c.strategyBy ? { strategyBy: c.strategyBy } : {}),
    ...(c.strategyAdopted ? { strategyAdopted: c.strategyAdopted } : {}),
    campaignCount: c.activity.campaigns,
    eventCount: c.activity.events,
    acceptedTaskCount: c.activity.acceptedTasks,
    debriefCount: c.activity.debriefs,
    nextStepCount: c.activity.nextSteps,
    celebrationCount: c.activity.celebrations,
    oneOnOneCount: c.activity.oneOnOnes,
    valueCount: c.activity.values,
    welcomedCount: c.activity.welcomed,
    oneOnOneTarget: c.oneOnOneTarget,
    ...(c.ladder ? { ladder: [...c.ladder] } : {}),
    ...(c.coalition ? { coalition: { id: c.coalition.id, name: c.coalition.name } } : {}),
    ...(c.serverEvents ? { serverEvents: { by: c.serverEvents.by, at: c.serverEvents.at } } : {}),
    ...(c.board ? { board: { ...c.board } } : {}),
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
    ...(item.stageMarks && Object.keys(item.stageMarks).length > 0 ? { stageMarks: item.stageMarks } : {}),
    holidays: item.holidays ? [...item.holidays].sort() : [],
    strategy: item.strategy ?? {},
    ...(item.campaign ? { campaign: item.campaign } : {}),
    strategyVersion: item.strategyVersion ?? 0,
    ...(item.strategyBy ? { strategyBy: item.strategyBy } : {}),
    ...(item.strategyAdopted ? { strategyAdopted: item.strategyAdopted } : {}),
    activity: {
      campaigns: item.campaignCount ?? 0,
      events: item.eventCount ?? 0,
      acceptedTasks: item.acceptedTaskCount ?? 0,
      debriefs: item.debriefCount ?? 0,
      nextSteps: item.nextStepCount ?? 0,
      celebrations: item.celebrationCount ?? 0,
      oneOnOnes: item.oneOnOneCount ?? 0,
      values: item.valueCount ?? 0,
      welcomed: item.welcomedCount ?? 0,
    },
    oneOnOneTarget: item.oneOnOneTarget ?? 5,
    ...(item.undeliveredCount ? { undelivered: item.undeliveredCount } : {}),
    ...(item.ladder ? { ladder: [...item.ladder] } : {}),
    ...(item.coalition ? { coalition: { id: item.coalition.id, name: item.coalition.name } } : {}),
    ...(item.serverEvents ? { serverEvents: { by: item.serverEvents.by, at: item.serverEvents.at } } : {}),
    ...(item.board ? { board: boardOf(item.board) } : {}),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export const isCommunityItem = (item: Record<string, unknown>): item is CommunityItem & Record<string, unknown> =>
  item.entity === 'Community';

/** Where each activity counter lives on the settings item. */
const activityAttribute = {
  campaigns: 'campaignCount',
  events: 'eventCount',
  acceptedTasks: 'acceptedTaskCount',
  debriefs: 'debriefCount',
  nextSteps: 'nextStepCount',
  celebrations: 'celebrationCount',
  oneOnOnes: 'oneOnOneCount',
  values: 'valueCount',
  welcomed: 'welcomedCount',
} as const satisfies Record<keyof Activity, string>;

/** A transaction item counting an act on the community (written together with the act). */
export function countActivity(tableName: string, tenant: Tenant, communityId: string, what: keyof Activity, by = 1) {
  return {
    Update: {
      TableName: tableName,
      Key: communityKey(tenant, communityId),
      UpdateExpression: `ADD ${activityAttribute[what]} :by`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':by': by },
    },
  };
}

/** The board as kept: its message id only once posted. */
const boardOf = (b: Board): Board => ({
  channelId: b.channelId,
  since: b.since,
  by: b.by,
  ...(b.messageId ? { messageId: b.messageId } : {}),
});
