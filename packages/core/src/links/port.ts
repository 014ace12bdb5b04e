import type { Tenant } from '../community/model.ts';
import type { LinkedPerson, PlaceLink } from './model.ts';

/** Links between a community and its other places; implemented by `store-dynamodb`. */
export interface LinkStore {
  /**
   * What a workspace or server points at, when it is a place of a community elsewhere (one GetItem). That a
   * tenant is no place may be remembered for a short while (it has no community and no buttons of ours to
   * press, so a link just made is found by `lookup` meanwhile); that it is one is never remembered, so an
   * unlink takes effect at once.
   */
  pointer(tenant: Tenant): Promise<PlaceLink | undefined>;
  /**
   * A request's arrival at a tenant: its pointer, when it is a place (as `pointer`), and the id the home knows
   * the person by, when they linked their accounts. One BatchGetItem of the pointer and the alias kept beside
   * it; a pointer made after people had linked reads the alias at home (one GetItem more).
   */
  arrival(tenant: Tenant, userId: string): Promise<{ readonly link: PlaceLink; readonly primary?: string } | undefined>;
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
  /** The id the home knows someone by, when `userId` is the alias of a person linked there (one GetItem). */
  sameAs(home: Tenant, userId: string): Promise<string | undefined>;
  /** A person linked at home, by their id there (for where their direct messages go). */
  person(home: Tenant, primary: string): Promise<LinkedPerson | undefined>;
  /**
   * Links two ids of one person, in one transaction: the alias pointing at the primary (on the condition that
   * it points nowhere yet), the person kept under the primary (one alias each), and what the alias had
   * counted as a member of the community moved onto the primary (its member record removed), so the
   * person counts once. 'busy': one of the two is linked already.
   */
  linkPerson(person: LinkedPerson): Promise<'linked' | 'busy'>;
  /**
   * Makes what the alias did before linking the primary's: tasks it owns, role offers made to it, its places in
   * events' lists (the worker's work: it reads the community's tasks, offers and events). Returns how many
   * items changed, and the ids of the events among them (their cards to redraw).
   */
  mergePerson(home: Tenant, communityId: string, alias: string, primary: string): Promise<{ changed: number; events: string[] }>;
  /** Sets where a linked person's direct messages go. */
  setDmOn(home: Tenant, primary: string, platform: Tenant['platform']): Promise<'saved' | 'missing'>;
}
