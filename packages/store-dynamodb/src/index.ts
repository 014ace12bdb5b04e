export { createDocumentClient, type DynamoConfig } from './client.ts';
export { DynamoCommunityStore } from './community-store.ts';
export { ensureTable } from './ensure-table.ts';
export { claimOnce } from './idempotency-store.ts';
export { DynamoOfferStore } from './offer-store.ts';
export { DynamoRoleStore } from './role-store.ts';
export { DynamoStoryStore } from './story-store.ts';
export { keyAttributes, tableDefinition } from './table.ts';
export { DynamoTaskStore } from './task-store.ts';
