import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Coalition, CoalitionMember, CoalitionStore, Community, Tenant } from '@organizer/core';

/** `CoalitionStore` on the one table (to be written: see the contract in core's coalitions/port.ts). */
export class DynamoCoalitionStore implements CoalitionStore {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}
  create(_coalition: Coalition): Promise<'created' | 'busy' | 'missing'> {
    throw new Error('not written yet');
  }
  get(_id: string): Promise<Coalition | undefined> {
    throw new Error('not written yet');
  }
  join(_id: string, _member: CoalitionMember, _version: number): Promise<'joined' | 'busy' | 'full' | 'conflict' | 'missing'> {
    throw new Error('not written yet');
  }
  leave(_id: string, _tenant: Tenant, _communityId: string, _version: number): Promise<'left' | 'conflict' | 'missing'> {
    throw new Error('not written yet');
  }
  saveStory(_id: string, _story: NonNullable<Coalition['story']>, _version: number): Promise<'saved' | 'conflict'> {
    throw new Error('not written yet');
  }
  board(_id: string): Promise<{ coalition: Coalition; communities: Community[] } | undefined> {
    throw new Error('not written yet');
  }
}
