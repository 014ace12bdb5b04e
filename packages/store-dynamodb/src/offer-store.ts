import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Offer, OfferStore, Tenant } from '@organizer/core';
import { communityKey } from './entities/community.ts';
import { fromOfferItem, offerKey, toOfferItem } from './entities/offer.ts';

/** `OfferStore`: consent is an offer item that only one answer can consume. */
export class DynamoOfferStore implements OfferStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(tenant: Tenant, offer: Offer): Promise<'saved' | 'exists'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toOfferItem(tenant, offer),
          // A lapsed offer may be made again; an open one is not duplicated.
          ConditionExpression: 'attribute_not_exists(sk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': Math.floor(Date.parse(offer.offeredAt) / 1000) },
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  }

  async get(tenant: Tenant, communityId: string, offerId: string, nowSeconds: number): Promise<Offer | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: offerKey(tenant, communityId, offerId) }));
    // TTL deletes late (or never, locally): a lapsed offer is treated as gone here.
    return Item && (Item.expiresAt as number) > nowSeconds ? fromOfferItem(Item as Offer) : undefined;
  }

  async accept(tenant: Tenant, offer: Offer, nowSeconds: number): Promise<'accepted' | 'gone' | 'taken'> {
    const place = offer.asLead
      ? {
          update: 'SET #roles.#id.leadId = :user',
          condition: 'attribute_exists(#roles.#id) AND attribute_not_exists(#roles.#id.leadId)',
          value: offer.userId,
        }
      : { update: 'ADD #roles.#id.memberIds :user', condition: 'attribute_exists(#roles.#id)', value: new Set([offer.userId]) };
    // Two clicks at once may collide as a TransactionConflict instead of a failed condition: try again,
    // and the conditions decide which one won.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: this.tableName,
                  Key: offerKey(tenant, offer.communityId, offer.id),
                  ConditionExpression: 'attribute_exists(sk) AND expiresAt > :now',
                  ExpressionAttributeValues: { ':now': nowSeconds },
                },
              },
              {
                Update: {
                  TableName: this.tableName,
                  Key: communityKey(tenant, offer.communityId),
                  UpdateExpression: place.update,
                  ConditionExpression: place.condition,
                  // `roles` is one of DynamoDB's reserved words.
                  ExpressionAttributeNames: { '#roles': 'roles', '#id': offer.roleId },
                  ExpressionAttributeValues: { ':user': place.value },
                },
              },
            ],
          }),
        );
        return 'accepted';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [offerReason, roleReason] = error.CancellationReasons ?? [];
        if (offerReason?.Code === 'ConditionalCheckFailed') return 'gone';
        if (roleReason?.Code === 'ConditionalCheckFailed') return 'taken';
        if (attempt >= 3 || !(error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict')) throw error;
      }
    }
  }

  async withdraw(tenant: Tenant, communityId: string, offerId: string, nowSeconds: number): Promise<Offer | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: offerKey(tenant, communityId, offerId),
          ConditionExpression: 'attribute_exists(sk) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return Attributes ? fromOfferItem(Attributes as Offer) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async lapse(tenant: Tenant, communityId: string, offerId: string): Promise<Offer | undefined> {
    // Any expiry: the offer is gone once answered, so whatever is still here lapsed unanswered.
    return this.withdraw(tenant, communityId, offerId, 0);
  }
}
