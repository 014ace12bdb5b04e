import type { Tenant } from '@organizer/core';

/** The partition of everything a tenant owns: `slack#T123`, `discord#G456`. */
export function tenantKey(tenant: Tenant): string {
  return `${tenant.platform}#${tenant.id}`;
}

/** Sort-key prefix of one community's items; the trailing `#` keeps `C1` from matching `C10`. */
export function communityPrefix(communityId: string): string {
  return `COMMUNITY#${communityId}#`;
}
