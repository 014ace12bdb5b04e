import type { DueItem, DueKind, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/**
 * Due work (`…#DUE#<kind>#<ref>`), one item per thing: moving it to its next time is an update.
 *
 * Indexed on gsi1 by shard: `gsi1pk = DUE#<shard>` (a hash of the item's key modulo {@link DUE_SHARDS}) and
 * `gsi1sk = <look minute>#<pk>#<sk>`, so "everything due at or before now" is one range read per shard
 * (`gsi1sk <= <minute>~`), however long the scheduler was down, and a popular minute is spread over
 * {@link DUE_SHARDS} partition keys instead of one. The look minute is the due minute, or later while a
 * delivery attempt holds the item (a failure is retried then).
 */
export const dueKey = (tenant: Tenant, communityId: string, kind: DueKind, ref: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}DUE#${kind}#${ref}`,
});
export const duePrefix = (communityId: string, kind: DueKind, refPrefix: string) =>
  `${communityPrefix(communityId)}DUE#${kind}#${refPrefix}`;

/**
 * Partition keys of the due index. One partition serves about 3,000 reads and 1,000 writes a second, so 16
 * carry a minute of some 16,000 due writes a second; raising it later is safe (the tick reads every shard
 * of the constant), lowering it strands the items of the dropped shards.
 */
export const DUE_SHARDS = 16;

/** A small, stable hash (FNV-1a) of an item's key, modulo the shard count: `00`…`15`. */
export function shardOf(pk: string, sk: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${pk}#${sk}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return String((hash >>> 0) % DUE_SHARDS).padStart(2, '0');
}

export const shardKey = (shard: string) => `DUE#${shard}`;
/** The sort key at the look minute: oldest first within a shard. */
export const lookKey = (minute: string, key: { pk: string; sk: string }) => `${minute}#${key.pk}#${key.sk}`;
/** Closes a range at the end of a minute: `~` sorts after `#` and every key character. */
export const upToKey = (minute: string) => `${minute}~`;

/**
 * The previous release's index: one bucket per minute (`DUE#2026-11-24T09:00`). Items written then are
 * moved to the shards as their minute comes (see `DynamoDueStore.dueUpTo`); nothing writes this shape now.
 */
export const legacyBucketKey = (minute: string) => `DUE#${minute}`;

export function toDueItem(item: DueItem): Record<string, unknown> {
  const key = dueKey(item.tenant, item.communityId, item.kind, item.ref);
  return {
    ...key,
    gsi1pk: shardKey(shardOf(key.pk, key.sk)),
    gsi1sk: lookKey(item.minute, key),
    entity: 'Due',
    platform: item.tenant.platform,
    tenantId: item.tenant.id,
    communityId: item.communityId,
    kind: item.kind,
    ref: item.ref,
    minute: item.minute,
    ...(item.attempts ? { attempts: item.attempts } : {}),
  };
}

export function fromDueItem(item: Record<string, unknown>): DueItem {
  return {
    tenant: { platform: item.platform as Tenant['platform'], id: String(item.tenantId) },
    communityId: String(item.communityId),
    kind: item.kind as DueKind,
    ref: String(item.ref),
    minute: String(item.minute),
    ...(typeof item.attempts === 'number' && item.attempts > 0 ? { attempts: item.attempts } : {}),
  };
}

/** The previous release's tick cursor, kept only to read its per-minute buckets once each. */
export const cursorKey = { pk: 'SCHEDULER', sk: 'CURSOR' } as const;
