import type { Tenant } from '../community/model.ts';
import type { CommunityEvent } from './model.ts';

/** Events and their RSVPs; implemented by `store-dynamodb`. */
export interface EventStore {
  /** Creates the event and counts it on the community; 'missing' when the community is gone, 'exists' when the id is taken. */
  create(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'missing' | 'exists'>;
  /** Saves a cancelled event (like `save`) and counts it off the community's events. */
  cancel(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'conflict'>;
  get(tenant: Tenant, communityId: string, id: string): Promise<CommunityEvent | undefined>;
  list(tenant: Tenant, communityId: string): Promise<CommunityEvent[]>;
  /** Saves a changed event (its `version` one above the stored one); 'conflict' when someone changed it meanwhile. */
  save(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'conflict'>;
}
