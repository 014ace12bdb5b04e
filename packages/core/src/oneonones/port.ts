import type { Tenant } from '../community/model.ts';
import type { OneOnOne } from './model.ts';

/** One-on-ones; implemented by `store-dynamodb`. Notes are private: callers filter what they show. */
export interface OneOnOneStore {
  /** Saves it and counts it (and its values) on the community. */
  create(tenant: Tenant, oneOnOne: OneOnOne): Promise<'saved' | 'missing'>;
  get(tenant: Tenant, communityId: string, loggerId: string, id: string): Promise<OneOnOne | undefined>;
  byLogger(tenant: Tenant, communityId: string, loggerId: string): Promise<OneOnOne[]>;
  all(tenant: Tenant, communityId: string): Promise<OneOnOne[]>;
}
