/** A role of the leadership team: an area with clear responsibilities, a lead who accepted it, members. */
export interface Role {
  readonly id: string;
  readonly name: string;
  readonly responsibilities: readonly string[];
  readonly leadId?: string;
  readonly memberIds: readonly string[];
  readonly createdAt: string;
}

/** Limits: a team is a handful of roles, each a short list of responsibilities. */
export const roleLimits = { name: 60, responsibilities: 20, responsibility: 200, roles: 30 } as const;

/** The role's id inside its community: its name, lowercased, letters and digits joined by dashes (any script). */
export function roleId(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** The method's starter team: the coordinator plus four role leads (names and duties in the catalogs). */
export const starterRoles = ['coordinator', 'outreach', 'communications', 'events', 'resources'] as const;
export type StarterRole = (typeof starterRoles)[number];

/** Responsibilities typed one per line → a clean list. */
export function parseResponsibilities(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
}

/** The role a person means: by id, or by its name in any letter case. */
export function findRole(roles: readonly Role[], name: string): Role | undefined {
  const id = roleId(name);
  const lower = name.trim().toLocaleLowerCase();
  return roles.find((r) => r.id === id || r.name.toLocaleLowerCase() === lower);
}

const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The role a typed name means, as people type it: its exact name (any letter case, any spacing or
 * punctuation), else the one role whose name begins with it (`outreach` → “Outreach and recruitment”),
 * else the one role with a word beginning so (`recruit`, `лид` → “Лидерство”). Two or more → `several`.
 */
export function matchRole(roles: readonly Role[], typed: string): { found: Role } | { several: Role[] } | { none: true } {
  const exact = findRole(roles, typed);
  if (exact) return { found: exact };
  const query = words(typed);
  if (query.length === 0) return { none: true };
  const joined = query.join(' ');
  const tiers = [
    roles.filter((r) => words(r.name).join(' ').startsWith(joined)),
    // Every typed word begins some word of the name, in any order.
    roles.filter((r) => query.every((q) => words(r.name).some((w) => w.startsWith(q)))),
  ];
  for (const tier of tiers) {
    if (tier.length === 1) return { found: tier[0] as Role };
    if (tier.length > 1) return { several: tier };
  }
  return { none: true };
}
