import type { Role } from '@organizer/core';

/**
 * Roles live in the community's settings item as a map keyed by role id, so `status` and `roles`
 * read them with the community, and each role can be added or changed under its own condition.
 */
export interface RoleItem {
  id: string;
  name: string;
  responsibilities: string[];
  leadId?: string;
  /** A string set; absent while nobody is a member. */
  memberIds?: Set<string>;
  createdAt: string;
}

export type RolesMap = Record<string, RoleItem>;

export function toRoleItem(role: Role): RoleItem {
  return {
    id: role.id,
    name: role.name,
    responsibilities: [...role.responsibilities],
    ...(role.leadId ? { leadId: role.leadId } : {}),
    ...(role.memberIds.length > 0 ? { memberIds: new Set(role.memberIds) } : {}),
    createdAt: role.createdAt,
  };
}

/** The map → roles in the order they were added. */
export function fromRolesMap(map: RolesMap | undefined): Role[] {
  return Object.values(map ?? {})
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((item) => ({
      id: item.id,
      name: item.name,
      responsibilities: item.responsibilities ?? [],
      ...(item.leadId ? { leadId: item.leadId } : {}),
      memberIds: [...(item.memberIds ?? [])].sort(),
      createdAt: item.createdAt,
    }));
}
