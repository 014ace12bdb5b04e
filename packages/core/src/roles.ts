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
