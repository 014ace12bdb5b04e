import type { Tenant } from '../community/model.ts';
import type { Role } from './model.ts';
import type { Offer } from './offers.ts';

/** The leadership team's roles; implemented by `store-dynamodb`. */
export interface RoleStore {
  addRole(tenant: Tenant, communityId: string, role: Role): Promise<'saved' | 'exists' | 'missing'>;
  adoptRoles(tenant: Tenant, communityId: string, roles: readonly Role[]): Promise<'saved' | 'missing'>;
  updateRole(
    tenant: Tenant,
    communityId: string,
    role: Pick<Role, 'id' | 'name' | 'responsibilities'>,
  ): Promise<'saved' | 'exists' | 'missing'>;
  removeRole(tenant: Tenant, communityId: string, id: string): Promise<'saved' | 'exists' | 'missing'>;
  /** Takes someone off a role (as its lead or a member); 'missing' when they were not in it. */
  unassign(tenant: Tenant, communityId: string, roleId: string, userId: string, asLead: boolean): Promise<'saved' | 'missing'>;
}

/** Offers of roles waiting for consent; implemented by `store-dynamodb`. */
export interface OfferStore {
  /** 'exists' while the same offer is still open: one offer, however many leaders click. */
  create(tenant: Tenant, offer: Offer): Promise<'saved' | 'exists'>;
  /** The open offer, or undefined when answered, withdrawn or lapsed. */
  get(tenant: Tenant, communityId: string, offerId: string, nowSeconds: number): Promise<Offer | undefined>;
  /**
   * Takes the offer and the role place in one transaction: 'gone' when the offer was already answered
   * or lapsed (a double click), 'taken' when the role got a lead meanwhile or was removed.
   */
  accept(tenant: Tenant, offer: Offer, nowSeconds: number): Promise<'accepted' | 'gone' | 'taken'>;
  /** Removes an open offer and returns it; undefined when there was none. */
  withdraw(tenant: Tenant, communityId: string, offerId: string, nowSeconds: number): Promise<Offer | undefined>;
  /** Removes an offer left unanswered past its time and returns it; undefined when it was answered meanwhile. */
  lapse(tenant: Tenant, communityId: string, offerId: string): Promise<Offer | undefined>;
}
