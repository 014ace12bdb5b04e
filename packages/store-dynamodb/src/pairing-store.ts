import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { emptyPairing, type Pairing, type PairingStore, type Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from './keys.ts';

/** A community's pairing settings and recent rounds (`…#PAIRING`), one item guarded by `version`. */
const pairingKey = (tenant: Tenant, communityId: string) => ({ pk: tenantKey(tenant), sk: `${communityPrefix(communityId)}PAIRING` });

export class DynamoPairingStore implements PairingStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(tenant: Tenant, communityId: string): Promise<Pairing> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: pairingKey(tenant, communityId), ConsistentRead: true }),
    );
    if (!Item) return emptyPairing(communityId);
    const i = Item as unknown as Pairing;
    return {
      communityId,
      active: i.active === true,
      everyWeeks: i.everyWeeks ?? 2,
      newcomersWithLeaders: i.newcomersWithLeaders === true,
      members: [...(i.members ?? [])],
      snoozed: { ...(i.snoozed ?? {}) },
      rounds: (i.rounds ?? []).map((r) => ({
        number: r.number,
        date: r.date,
        groups: r.groups.map((g) => [...g]),
        ...(r.conversations ? { conversations: { ...r.conversations } } : {}),
      })),
      version: i.version ?? 0,
    };
  }

  async save(tenant: Tenant, pairing: Pairing): Promise<'saved' | 'conflict'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...pairingKey(tenant, pairing.communityId), entity: 'Pairing', ...pairing },
          // Optimistic: two ticks (or a tick and a join) never overwrite each other.
          ConditionExpression: pairing.version === 1 ? 'attribute_not_exists(sk)' : 'version = :previous',
          ...(pairing.version === 1 ? {} : { ExpressionAttributeValues: { ':previous': pairing.version - 1 } }),
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'conflict';
      throw error;
    }
  }
}
