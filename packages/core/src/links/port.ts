import type { Tenant } from '../community/model.ts';
import type { PlaceLink } from './model.ts';

/** Links between a community and its other places; implemented by `store-dynamodb`. */
export interface LinkStore {
  /**
   * What a workspace or server points at, when it is a place of a community elsewhere (one GetItem). That a
   * tenant is no place may be remembered for a short while (it has no community and no buttons of ours to
   * press, so a link just made is found by `lookup` meanwhile); that it is one is never remembered, so an
   * unlink takes effect at once.
   */
  pointer(tenant: Tenant): Promise<PlaceLink | undefined>;
  /** The places linked to a tenant's communities (one Query; none remembered for a short while, like `pointer`). */
  places(home: Tenant): Promise<PlaceLink[]>;
  /**
   * Links a place, in one transaction: the place's pointer (on the condition that it has none), the place
   * kept with the home tenant, and the home community checked to exist. 'busy': the place is linked already;
   * 'missing': the community is gone.
   */
  link(link: PlaceLink): Promise<'linked' | 'busy' | 'missing'>;
  /** Unlinks a place at once (the pointer and the home's record of it, in one transaction); false when it was not linked. */
  unlink(link: PlaceLink): Promise<boolean>;
}
