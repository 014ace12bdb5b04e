import type { Tenant } from '../community/model.ts';
import type { Adoption, Campaign, Milestone } from './model.ts';

/** Campaigns; implemented by `store-dynamodb`. */
export interface CampaignStore {
  /** Creates the campaign (and counts it, and makes it the community's current one) unless one has its id. */
  create(tenant: Tenant, campaign: Campaign): Promise<'saved' | 'exists' | 'missing'>;
  get(tenant: Tenant, communityId: string, id: string): Promise<Campaign | undefined>;
  list(tenant: Tenant, communityId: string): Promise<Campaign[]>;
  /** New phase dates, if nobody changed the campaign since `previous` (its `updatedAt`). */
  setPhases(tenant: Tenant, campaign: Campaign, previous: string): Promise<'saved' | 'conflict'>;
  /** Appends a milestone; 'missing' when the campaign is gone. */
  /**
   * Records that the community adopted the campaign's plan (on the campaign and the community's current-campaign
   * summary); 'unchanged' when this decision's adoption is recorded already, 'missing' when the campaign is gone.
   */
  adoptPlan(tenant: Tenant, communityId: string, id: string, adoption: Adoption): Promise<'saved' | 'unchanged' | 'missing'>;
  addMilestone(tenant: Tenant, communityId: string, id: string, milestone: Milestone): Promise<'saved' | 'missing'>;
}
