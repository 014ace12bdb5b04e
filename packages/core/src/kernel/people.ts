import type { Tenant } from '../community/model.ts';

/**
 * A mention as the platforms send it: Slack with `should_escape: true` (`<@U123|name>`, `<@U123>`,
 * enterprise `<@W123>`), Discord (`<@123>`, the older `<@!123>`). The one pattern every parser uses.
 */
export const MENTION = /^<@!?([UW][A-Z0-9]{1,39}|\d{1,30})(?:\|[^>]*)?>$/;
/** The same, anywhere in a text (every mention of a list). */
export const MENTIONS = /<@!?([UW][A-Z0-9]{1,39}|\d{1,30})(?:\|[^>]*)?>/g;

/** What a word that names a person gives: an id from a mention, else the name typed (`@ben` → `ben`). */
export function personArg(word: string | undefined, bare = false): { userId?: string; userName?: string } {
  if (!word) return {};
  const userId = MENTION.exec(word)?.[1];
  if (userId) return { userId };
  // A typed `@name` (or, where only a person can stand, a bare name): looked up among the members.
  const name = word.startsWith('@') ? word.slice(1) : bare ? word : '';
  return /^[^\s<>@]{1,80}$/.test(name) ? { userName: name } : {};
}

/** A member as the platform lists them: their unique handle (`name` / `username`) and every name they go by. */
export interface Person {
  readonly id: string;
  readonly handle: string;
  readonly names: readonly string[];
}

/** Members of a tenant's workspace or guild; implemented by each adapter with its platform's API. */
export interface PeopleDirectory {
  /**
   * Members who may be meant by `query` (the adapter may return more than match; core decides). Throws when
   * the platform cannot be asked (429, 5xx, timeout): the user hears it could not look people up right now.
   */
  find(tenant: Tenant, query: string): Promise<readonly Person[]>;
}

export const fold = (text: string) => text.normalize('NFKC').trim().replace(/^@/, '').toLocaleLowerCase();

/** Who a typed name means: one person whose name is exactly it (any letter case), else those it begins. */
export function matchPeople(people: readonly Person[], query: string): { found: Person } | { several: Person[] } | { none: true } {
  const q = fold(query);
  if (!q) return { none: true };
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  const exact = unique.filter((p) => [p.handle, ...p.names].some((n) => fold(n) === q));
  if (exact.length === 1) return { found: exact[0] as Person };
  if (exact.length > 1) return { several: exact };
  const near = unique.filter((p) =>
    [p.handle, ...p.names].some((n) =>
      fold(n)
        .split(/[\s._-]+/)
        .some((word) => word.startsWith(q) || fold(n).startsWith(q)),
    ),
  );
  return near.length > 0 ? { several: near } : { none: true };
}
