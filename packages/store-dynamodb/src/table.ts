/**
 * The one table's shape, shared by the store (local creation, tests) and by `infra/` (the CDK table).
 * Keys are generic; values carry an entity prefix (`COMMUNITY#…`, `MEMBER#…`) and every partition
 * key starts with the tenant (`slack#T…`, `discord#G…`).
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** TTL attribute (epoch seconds). DynamoDB deletes late or never, so reads filter expired items themselves. */
  timeToLiveAttribute: 'expiresAt',
  indexes: {
    /** Due work by minute bucket (`DUE#2026-11-24T09:00`) and other secondary access patterns. */
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  },
} as const;

/** Attribute definitions in the shape both DynamoDB `CreateTable` and CDK need (all keys are strings). */
export const keyAttributes = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;
