import type { Tenant } from '../community/model.ts';
import type { Pairing } from './model.ts';

/** Pairing rounds; implemented by `store-dynamodb`. */
export interface PairingStore {
  /** The community's pairing (an empty, inactive one when never set up). */
  get(tenant: Tenant, communityId: string): Promise<Pairing>;
  /** Saves a change whose `version` is one above the stored one; 'conflict' when someone changed it meanwhile. */
  save(tenant: Tenant, pairing: Pairing): Promise<'saved' | 'conflict'>;
}
