import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Adoption, Campaign, CampaignStore, Milestone, Tenant } from '@organizer/core';
import { campaignKey, campaignSummary, campaignsPrefix, fromCampaignItem, toCampaignItem } from './entities/campaign.ts';
import { communityKey } from './entities/community.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, queryAll } from './query.ts';

/** `CampaignStore` on the one table: campaigns in their community's key range. */
export class DynamoCampaignStore implements CampaignStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(tenant: Tenant, campaign: Campaign): Promise<'saved' | 'exists' | 'missing'> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // The community: counted, and this becomes its current campaign (status follows its phase).
              Update: {
                TableName: this.tableName,
                Key: communityKey(tenant, campaign.communityId),
                UpdateExpression: 'SET campaign = :summary ADD campaignCount :one',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':summary': campaignSummary(campaign), ':one': 1 },
              },
            },
            { Put: { TableName: this.tableName, Item: toCampaignItem(tenant, campaign), ConditionExpression: 'attribute_not_exists(sk)' } },
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [community, item] = error.CancellationReasons ?? [];
      if (community?.Code === 'ConditionalCheckFailed') return 'missing';
      if (item?.Code === 'ConditionalCheckFailed') return 'exists';
      throw error;
    }
  }

  async get(tenant: Tenant, communityId: string, id: string): Promise<Campaign | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: campaignKey(tenant, communityId, id) }));
    return Item ? fromCampaignItem(Item) : undefined;
  }

  async list(tenant: Tenant, communityId: string): Promise<Campaign[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), campaignsPrefix(communityId)), 100);
    return items.map(fromCampaignItem);
  }

  async adoptPlan(tenant: Tenant, communityId: string, id: string, adoption: Adoption): Promise<'saved' | 'unchanged' | 'missing'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: campaignKey(tenant, communityId, id),
          UpdateExpression: 'SET adopted = :adoption',
          ConditionExpression: 'attribute_exists(sk) AND (attribute_not_exists(adopted) OR adopted.decisionId <> :id)',
          ExpressionAttributeValues: { ':adoption': adoption, ':id': adoption.decisionId },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return error.Item ? 'unchanged' : 'missing';
      throw error;
    }
    // The settings item's summary follows when this is the current campaign (status's hint reads it there).
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          UpdateExpression: 'SET campaign.adopted = :adoption',
          ConditionExpression: 'campaign.id = :id',
          ExpressionAttributeValues: { ':adoption': adoption, ':id': id },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
    return 'saved';
  }

  async setPhases(tenant: Tenant, campaign: Campaign, previous: string): Promise<'saved' | 'conflict'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: campaignKey(tenant, campaign.communityId, campaign.id),
          UpdateExpression: 'SET phases = :phases, updatedAt = :at',
          ConditionExpression: 'updatedAt = :previous',
          ExpressionAttributeValues: { ':phases': campaign.phases, ':at': campaign.updatedAt, ':previous': previous },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'conflict';
      throw error;
    }
    // The settings item follows when this is the current campaign; otherwise there is nothing to follow.
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: communityKey(tenant, campaign.communityId),
          UpdateExpression: 'SET campaign = :summary',
          ConditionExpression: 'campaign.id = :id',
          ExpressionAttributeValues: { ':summary': campaignSummary(campaign), ':id': campaign.id },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
    return 'saved';
  }

  async addMilestone(tenant: Tenant, communityId: string, id: string, milestone: Milestone): Promise<'saved' | 'missing'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: campaignKey(tenant, communityId, id),
          UpdateExpression: 'SET milestones = list_append(if_not_exists(milestones, :none), :one)',
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeValues: { ':none': [], ':one': [milestone] },
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'missing';
      throw error;
    }
  }
}
