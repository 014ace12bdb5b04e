import type { Tenant } from '../community/model.ts';

/**
 * One community in two places: a community set up in one workspace or server (its home) and another
 * workspace or server linked to it (a place). The place holds no community of its own: everything the
 * community has lives with it at home, and a command, button or modal from the place acts there (see
 * `kernel/place.ts`). What the community posts in its home channel is posted in each place's channel too;
 * a direct message goes to the person on the platform they are on.
 */
export interface PlaceLink {
  /** Where the community lives: its tenant, its id (its home channel there) and its name when linked. */
  readonly home: { readonly tenant: Tenant; readonly communityId: string; readonly name: string };
  /** The linked workspace or server and its channel for the community's posts (where `link` was typed). */
  readonly place: { readonly tenant: Tenant; readonly channelId: string };
  /** Who linked it (an admin of the place) and who gave the code (a leader at home), and when (ISO). */
  readonly linkedBy: string;
  readonly invitedBy: string;
  readonly linkedAt: string;
}

/** Places one community may have besides its home. */
export const PLACES_MAX = 5;

/** The platform a person's id belongs to: Discord's are snowflakes (digits), Slack's letters and digits (`U…`, `W…`). */
export const platformOfUser = (userId: string): Tenant['platform'] => (/^\d{15,21}$/.test(userId) ? 'discord' : 'slack');

/**
 * One person on both platforms of a community in two places, by their own word (a code they gave
 * themselves on one side and typed on the other): the id on the home's platform is the one the community
 * knows them by; the other is an alias, read as it in every request from the place.
 */
export interface LinkedPerson {
  readonly home: Tenant;
  readonly communityId: string;
  /** Their id on the home's platform. */
  readonly primary: string;
  /** Their id on the other platform. */
  readonly alias: string;
  /** Where their direct messages go: the platform they chose (at first, the one they finished linking on). */
  readonly dmOn: Tenant['platform'];
  readonly at: string;
  /** The community's places on the alias's platform, where the alias is kept beside the place's pointer too. */
  readonly aliasPlaces?: readonly Tenant[];
}
