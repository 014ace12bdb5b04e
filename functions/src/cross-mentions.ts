import {
  type LinkStore,
  MENTIONS,
  type Messenger,
  type OutboundMessage,
  type PlaceLink,
  platformOfUser,
  shown,
  type Tenant,
} from '@organizer/core';

/**
 * A name shown as plain text where a mention cannot be: the platform's markup in it means nothing. Slack's
 * renderer escapes `&`, `<` and `>` of every text itself; Discord's passes markdown on, so it is escaped here.
 */
function plain(name: string, platform: Tenant['platform']): string {
  const text = shown(name.replace(/\s+/g, ' ').trim());
  return platform === 'slack' ? text : text.replace(/([\\*_~`|>#[\]()<-])/g, '\\$1');
}

/** Every mention's id in a message (its text, blocks and fields, wherever a feature put one). */
function mentionedIds(message: OutboundMessage): Set<string> {
  return new Set([...JSON.stringify(message).matchAll(MENTIONS)].map((m) => m[1] as string));
}

/** The message with every string's mentions replaced as `instead` says (an id it has no word for stays). */
function replaced<T>(value: T, instead: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return value.replace(MENTIONS, (whole, id: string) => instead.get(id) ?? whole) as T;
  if (Array.isArray(value)) return value.map((v) => replaced(v, instead)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaced(v, instead)])) as T;
  return value;
}

/** Names asked for lately, per process (a card redrawn for every RSVP asks again for the same people). */
const names = new Map<string, string>();
const NAMES_MAX = 2_000;

async function nameFor(tenant: Tenant, id: string, nameOf: NonNullable<Messenger['nameOf']>): Promise<string | undefined> {
  const key = `${tenant.platform}#${tenant.id}#${id}`;
  const known = names.get(key);
  if (known) return known;
  const name = await nameOf(tenant, id).catch(() => undefined);
  if (!name) return undefined;
  names.set(key, name);
  while (names.size > NAMES_MAX) names.delete(names.keys().next().value as string);
  return name;
}

/**
 * A message of a community in several places, drawn for one of them (`target`, on its platform): someone
 * mentioned by an id of the other platform is mentioned by their id here when they linked both accounts,
 * and otherwise shown by the name they go by on their own platform, as plain text (a mention of an id the
 * platform does not know shows as an unknown user). Worker-side only: it may read the person's link (one
 * GetItem each) and ask their platform for their name. A name that cannot be had leaves the mention as it was.
 */
export async function drawnFor(
  message: OutboundMessage,
  target: Tenant,
  home: Tenant,
  places: readonly PlaceLink[],
  links: LinkStore,
  nameOf: Messenger['nameOf'],
): Promise<OutboundMessage> {
  const foreign = [...mentionedIds(message)].filter((id) => platformOfUser(id) !== target.platform);
  if (foreign.length === 0) return message;
  const instead = new Map<string, string>();
  for (const id of foreign) {
    const person = await links.person(home, id);
    const other = person?.alias ?? (await links.sameAs(home, id));
    if (other && platformOfUser(other) === target.platform) {
      instead.set(id, `<@${other}>`);
      continue;
    }
    // Their own platform's workspace or server: the home's, or the place on their platform.
    const platform = platformOfUser(id);
    const theirs = home.platform === platform ? home : places.find((link) => link.place.tenant.platform === platform)?.place.tenant;
    const name = theirs && nameOf ? await nameFor(theirs, id, nameOf) : undefined;
    if (name) instead.set(id, plain(name, target.platform));
  }
  return instead.size > 0 ? replaced(message, instead) : message;
}
