import type { Community } from '../community/model.ts';
import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { matchRole, type Role, starterRoles } from './model.ts';

/** A name as a sentence quotes it: “…” in English, «…» in Russian. */
const quote = (locale: Locale, name: string) => (locale === 'ru' ? `«${name}»` : `“${name}”`);

/** What someone typed, safe to quote back: no formatting characters, at most 60 characters. */
export const typedName = (typed: string) => clip(typed.replace(/[`<>*_~]/g, ''), 60);

/** The community's roles (the starter team's when it has none yet), to show how to name one. */
function roleNames(community: Community, locale: Locale): { id: string; name: string }[] {
  const roles =
    community.roles.length > 0
      ? community.roles.map((r) => ({ id: r.id, name: r.name }))
      : starterRoles.map((r) => ({ id: r, name: t(locale, `role.starter.${r}.name`) }));
  return roles.slice(0, 12);
}

const listed = (locale: Locale, roles: readonly { name: string }[]) => roles.map((r) => quote(locale, r.name)).join(', ');

/** How to name someone and a role, with a role this community really has (not the coordinator's, where it can). */
export function assignUsage(community: Community, locale: Locale): Reply {
  const roles = roleNames(community, locale);
  const example = (roles.find((r) => r.id !== 'coordinator') ?? roles[0])?.name ?? '';
  return ephemeral(t(locale, 'assign.usage.example', { role: example, roles: listed(locale, roles) }));
}

/**
 * The role a typed name means (exact, then a unique beginning, then a unique word), or the kind answer:
 * which roles it could be, or which roles there are.
 */
export function namedRole(community: Community, locale: Locale, typed: string): { role: Role } | { reply: Reply } {
  const match = matchRole(community.roles, typed);
  if ('found' in match) return { role: match.found };
  const role = typedName(typed);
  if ('several' in match) {
    const names = match.several.slice(0, 6).map((r) => quote(locale, r.name));
    const last = names.pop() as string;
    return { reply: ephemeral(t(locale, 'role.several', { role, first: names.join(', '), last })) };
  }
  return { reply: ephemeral(t(locale, 'role.notFound.roles', { role, roles: listed(locale, roleNames(community, locale)) })) };
}
