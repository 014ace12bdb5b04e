import type { Campaign, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** A campaign (`…#CAMPAIGN#<id>`) with its phases; `updatedAt` guards edits of the dates. */
export const campaignsPrefix = (communityId: string) => `${communityPrefix(communityId)}CAMPAIGN#`;
export const campaignKey = (tenant: Tenant, communityId: string, id: string) => ({
  pk: tenantKey(tenant),
  sk: `${campaignsPrefix(communityId)}${id}`,
});

export function toCampaignItem(tenant: Tenant, c: Campaign): Record<string, unknown> {
  return { ...campaignKey(tenant, c.communityId, c.id), entity: 'Campaign', ...fromCampaignItem(c as unknown as Record<string, unknown>) };
}

export function fromCampaignItem(item: Record<string, unknown>): Campaign {
  const i = item as unknown as Campaign;
  return {
    id: i.id,
    communityId: i.communityId,
    name: i.name,
    goal: i.goal,
    endDate: i.endDate,
    phases: i.phases.map((p) => ({ id: p.id, start: p.start, end: p.end })),
    milestones: (i.milestones ?? []).map((m) => ({ text: m.text, date: m.date })),
    ...(i.adopted ? { adopted: { decisionId: i.adopted.decisionId, title: i.adopted.title, at: i.adopted.at } } : {}),
    createdBy: i.createdBy,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

/** What the settings item keeps of the current campaign. */
export const campaignSummary = (c: Campaign) => ({
  id: c.id,
  name: c.name,
  endDate: c.endDate,
  phases: fromCampaignItem(c as never).phases,
  ...(c.adopted ? { adopted: c.adopted } : {}),
});
