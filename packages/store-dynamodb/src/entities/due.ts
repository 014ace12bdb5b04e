import type { DueItem, DueKind, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/**
 * Due work (`…#DUE#<kind>#<ref>`), indexed by minute bucket on gsi1 (`DUE#2026-11-24T09:00`), so a tick
 * reads only what falls due in its minute. One item per thing: moving it to its next time is an update.
 */
export const dueKey = (tenant: Tenant, communityId: string, kind: DueKind, ref: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}DUE#${kind}#${ref}`,
});
export const duePrefix = (communityId: string, kind: DueKind, refPrefix: string) =>
  `${communityPrefix(communityId)}DUE#${kind}#${refPrefix}`;
export const bucketKey = (minute: string) => `DUE#${minute}`;

export function toDueItem(item: DueItem): Record<string, unknown> {
  const key = dueKey(item.tenant, item.communityId, item.kind, item.ref);
  return {
    ...key,
    gsi1pk: bucketKey(item.minute),
    gsi1sk: `${key.pk}#${key.sk}`,
    entity: 'Due',
    platform: item.tenant.platform,
    tenantId: item.tenant.id,
    communityId: item.communityId,
    kind: item.kind,
    ref: item.ref,
    minute: item.minute,
  };
}

export function fromDueItem(item: Record<string, unknown>): DueItem {
  return {
    tenant: { platform: item.platform as Tenant['platform'], id: String(item.tenantId) },
    communityId: String(item.communityId),
    kind: item.kind as DueKind,
    ref: String(item.ref),
    minute: String(item.minute),
  };
}

/** The scheduler's own state: the last minute a tick finished. */
export const cursorKey = { pk: 'SCHEDULER', sk: 'CURSOR' } as const;
