import type { Coalition, CoalitionMember, CoalitionRef, Tenant } from '@organizer/core';
import { communityKey } from './community.ts';

/**
 * A coalition's item: its own partition (`COALITION#<id>`), under no tenant's key, since it belongs to
 * several. Its members are a list on the item (at most COALITION_MAX), so the board reads it in one GetItem.
 */
export interface CoalitionItem {
  pk: string;
  sk: 'COALITION';
  entity: 'Coalition';
  id: string;
  name: string;
  story?: NonNullable<Coalition['story']>;
  campaign?: NonNullable<Coalition['campaign']>;
  members: MemberEntry[];
  createdAt: string;
  version: number;
}

/** One member community on the coalition's list. */
export interface MemberEntry {
  tenant: Tenant;
  communityId: string;
  name: string;
  joinedBy: string;
  joinedAt: string;
}

export const coalitionKey = (id: string) => ({ pk: `COALITION#${id}`, sk: 'COALITION' as const });

/** The entry as kept (a plain copy, whatever the caller's object carries besides). */
export const toMemberEntry = (m: CoalitionMember): MemberEntry => ({
  tenant: { platform: m.tenant.platform, id: m.tenant.id },
  communityId: m.communityId,
  name: m.name,
  joinedBy: m.joinedBy,
  joinedAt: m.joinedAt,
});

export function toCoalitionItem(c: Coalition): CoalitionItem {
  return {
    ...coalitionKey(c.id),
    entity: 'Coalition',
    id: c.id,
    name: c.name,
    ...(c.story ? { story: { ...c.story } } : {}),
    members: c.members.map(toMemberEntry),
    createdAt: c.createdAt,
    version: c.version,
  };
}

export function fromCoalitionItem(c: CoalitionItem): Coalition {
  return {
    id: c.id,
    name: c.name,
    ...(c.story ? { story: c.story } : {}),
    ...(c.campaign ? { campaign: c.campaign } : {}),
    members: (c.members ?? []).map(toMemberEntry),
    createdAt: c.createdAt,
    version: c.version ?? 0,
  };
}

/** Whether the list's entry is this community (a tenant's community ids are unique only within the tenant). */
export const isMember = (entry: MemberEntry, tenant: Tenant, communityId: string) =>
  entry.communityId === communityId && entry.tenant.platform === tenant.platform && entry.tenant.id === tenant.id;

/**
 * A transaction item marking a community's settings item with its coalition, on the condition that the
 * community exists and is in no coalition yet (its old item tells which, when the condition fails).
 */
export function markMember(tableName: string, tenant: Tenant, communityId: string, ref: CoalitionRef) {
  return {
    Update: {
      TableName: tableName,
      Key: communityKey(tenant, communityId),
      UpdateExpression: 'SET coalition = :ref',
      ConditionExpression: 'attribute_exists(sk) AND attribute_not_exists(coalition)',
      ExpressionAttributeValues: { ':ref': { id: ref.id, name: ref.name } },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
}

/** A transaction item removing the mark, on the condition that it names this coalition. */
export function unmarkMember(tableName: string, tenant: Tenant, communityId: string, coalitionId: string) {
  return {
    Update: {
      TableName: tableName,
      Key: communityKey(tenant, communityId),
      UpdateExpression: 'REMOVE coalition',
      ConditionExpression: 'coalition.id = :id',
      ExpressionAttributeValues: { ':id': coalitionId },
    },
  };
}
