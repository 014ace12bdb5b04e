import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  COALITION_MAX,
  type Coalition,
  type CoalitionMember,
  type CoalitionStore,
  type Community,
  retryOnConflict,
  type SharedCampaign,
  sleep,
  type Tenant,
} from '@organizer/core';
import {
  type CoalitionItem,
  coalitionKey,
  fromCoalitionItem,
  isMember,
  markMember,
  toCoalitionItem,
  toMemberEntry,
  unmarkMember,
} from './entities/coalition.ts';
import { communityKey, fromCommunityItem, isCommunityItem } from './entities/community.ts';
import { conflictWait, transactRetrying } from './transactions.ts';

type Reason = NonNullable<TransactionCanceledException['CancellationReasons']>[number];
const failed = (reason: Reason | undefined) => reason?.Code === 'ConditionalCheckFailed';
const reasonsOf = (error: unknown) => {
  if (error instanceof TransactionCanceledException) return error.CancellationReasons ?? [];
  throw error;
};

/** The item a failed condition saw (ALL_OLD), as the document client would give it; undefined when there was none. */
const oldItem = (reason: Reason | undefined) => (reason?.Item ? unmarshall(reason.Item as never) : undefined);

/** What a failed mark on a member's settings item says: gone, or in a coalition already (its id). */
const markFailure = (reason: Reason | undefined) => {
  const old = oldItem(reason) as { coalition?: { id?: string } } | undefined;
  return old ? { busy: true as const, coalitionId: old.coalition?.id } : { busy: false as const };
};

/**
 * `CoalitionStore` on the one table: each coalition its own partition with its members as a list (read by
 * the board in one GetItem), each member's settings item marked with the coalition in the same transaction
 * as the list changes, so a community is in at most one coalition and `status` names it without a read more.
 */
export class DynamoCoalitionStore implements CoalitionStore {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async create(coalition: Coalition): Promise<'created' | 'busy' | 'missing'> {
    const [founder] = coalition.members;
    if (!founder) throw new Error('a coalition is formed by its first member');
    try {
      await transactRetrying(this.db, [
        { Put: { TableName: this.tableName, Item: toCoalitionItem(coalition), ConditionExpression: 'attribute_not_exists(pk)' } },
        markMember(this.tableName, founder.tenant, founder.communityId, coalition),
      ]);
      return 'created';
    } catch (error) {
      const [put, mark] = reasonsOf(error);
      if (failed(mark)) {
        const why = markFailure(mark);
        if (!why.busy) return 'missing';
        // Marked with this very coalition: a repeat of the same create, which stands.
        return why.coalitionId === coalition.id ? 'created' : 'busy';
      }
      if (failed(put)) throw new Error(`coalition id ${coalition.id} is taken`);
      throw error;
    }
  }

  async get(id: string): Promise<Coalition | undefined> {
    const item = await this.item(id);
    return item ? fromCoalitionItem(item) : undefined;
  }

  async join(id: string, member: CoalitionMember, name: string): Promise<'joined' | 'busy' | 'full' | 'missing'> {
    try {
      await transactRetrying(this.db, [
        {
          Update: {
            TableName: this.tableName,
            Key: coalitionKey(id),
            UpdateExpression: 'SET #members = list_append(#members, :member), #version = #version + :one',
            ConditionExpression: 'attribute_exists(pk) AND size(#members) < :max',
            ExpressionAttributeNames: { '#members': 'members', '#version': 'version' },
            ExpressionAttributeValues: { ':member': [toMemberEntry(member)], ':one': 1, ':max': COALITION_MAX },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        markMember(this.tableName, member.tenant, member.communityId, { id, name }),
      ]);
      return 'joined';
    } catch (error) {
      const [list, mark] = reasonsOf(error);
      if (failed(list) && !oldItem(list)) return 'missing';
      if (failed(mark)) return markFailure(mark).busy ? 'busy' : 'missing';
      if (failed(list)) return 'full';
      throw error;
    }
  }

  async leave(id: string, tenant: Tenant, communityId: string, version: number): Promise<'left' | 'conflict' | 'missing'> {
    const item = await this.item(id);
    if (!item) return 'missing';
    if (item.version !== version) return 'conflict';
    return removeAt(this.db, this.tableName, item, tenant, communityId);
  }

  async saveStory(id: string, story: NonNullable<Coalition['story']>, version: number): Promise<'saved' | 'conflict'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: coalitionKey(id),
          UpdateExpression: 'SET #story = :story, #version = :next',
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#story': 'story', '#version': 'version' },
          ExpressionAttributeValues: {
            ':story': { text: story.text, by: story.by, at: story.at },
            ':version': version,
            ':next': version + 1,
          },
        }),
      );
      return 'saved';
    } catch (error) {
      if ((error as { name?: string })?.name === 'ConditionalCheckFailedException') return 'conflict';
      throw error;
    }
  }

  async saveCampaign(id: string, campaign: SharedCampaign, version: number): Promise<'saved' | 'conflict'> {
    const kept = {
      name: campaign.name,
      goal: campaign.goal,
      endDate: campaign.endDate,
      phases: campaign.phases.map((p) => ({ name: p.name, start: p.start, end: p.end })),
      revision: campaign.revision,
      by: campaign.by,
      at: campaign.at,
    };
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: coalitionKey(id),
          UpdateExpression: 'SET #campaign = :campaign, #version = :next',
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#campaign': 'campaign', '#version': 'version' },
          ExpressionAttributeValues: { ':campaign': kept, ':version': version, ':next': version + 1 },
        }),
      );
      return 'saved';
    } catch (error) {
      if ((error as { name?: string })?.name === 'ConditionalCheckFailedException') return 'conflict';
      throw error;
    }
  }

  async board(id: string): Promise<{ coalition: Coalition; communities: Community[] } | undefined> {
    const item = await this.item(id);
    if (!item) return undefined;
    const coalition = fromCoalitionItem(item);
    const keys = coalition.members.map((m) => communityKey(m.tenant, m.communityId));
    const found = new Map<string, Record<string, unknown>>();
    let request: { Keys: Record<string, unknown>[]; ConsistentRead: boolean } | undefined = { Keys: keys, ConsistentRead: true };
    // Up to COALITION_MAX keys: one BatchGetItem (its limit is 100); what DynamoDB leaves unprocessed is asked again.
    for (let attempt = 0; request && request.Keys.length > 0; attempt++) {
      if (attempt > 0) await sleep(conflictWait(attempt));
      const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: request } }));
      for (const i of (result.Responses?.[this.tableName] ?? []) as Record<string, unknown>[]) found.set(`${i.pk}|${i.sk}`, i);
      request = result.UnprocessedKeys?.[this.tableName] as typeof request;
    }
    const communities = coalition.members.flatMap((m, index) => {
      const key = keys[index];
      const settings = key && found.get(`${key.pk}|${key.sk}`);
      return settings && isCommunityItem(settings) ? [fromCommunityItem(m.tenant, settings)] : [];
    });
    return { coalition, communities };
  }

  private async item(id: string): Promise<CoalitionItem | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: coalitionKey(id), ConsistentRead: true }));
    return Item as CoalitionItem | undefined;
  }
}

/**
 * Takes a community off a coalition's list at its index (the list on its version, the entry checked to be
 * this community), and its settings item's mark with it; the last member takes the coalition item along.
 * A settings item not marked with this coalition (erased meanwhile) leaves the list put right alone.
 */
async function removeAt(
  db: DynamoDBDocumentClient,
  tableName: string,
  item: CoalitionItem,
  tenant: Tenant,
  communityId: string,
  unmark = true,
): Promise<'left' | 'conflict' | 'missing'> {
  const index = item.members.findIndex((m) => isMember(m, tenant, communityId));
  if (index < 0) return 'missing';
  const at = `#members[${index}]`;
  const guard = {
    TableName: tableName,
    Key: coalitionKey(item.id),
    ConditionExpression: `#version = :version AND ${at}.#community = :community AND ${at}.#tenant.#platform = :platform AND ${at}.#tenant.#id = :tenant`,
    ExpressionAttributeValues: { ':version': item.version, ':community': communityId, ':platform': tenant.platform, ':tenant': tenant.id },
  };
  const names = {
    '#members': 'members',
    '#version': 'version',
    '#community': 'communityId',
    '#tenant': 'tenant',
    '#platform': 'platform',
    '#id': 'id',
  };
  const list =
    item.members.length === 1
      ? { Delete: { ...guard, ExpressionAttributeNames: names } }
      : {
          Update: {
            ...guard,
            UpdateExpression: `REMOVE ${at} SET #version = :next`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ...guard.ExpressionAttributeValues, ':next': item.version + 1 },
          },
        };
  try {
    await transactRetrying(db, [list, ...(unmark ? [unmarkMember(tableName, tenant, communityId, item.id)] : [])]);
    return 'left';
  } catch (error) {
    const [guarded, mark] = reasonsOf(error);
    if (failed(guarded)) return 'conflict';
    if (failed(mark)) return removeAt(db, tableName, item, tenant, communityId, false);
    throw error;
  }
}

/**
 * Takes an erased community off its coalition (its name and who accepted for it are its data too), tried
 * again while the coalition changes under it. 'missing' when the coalition or the entry is gone already.
 */
export function leaveOnErase(
  db: DynamoDBDocumentClient,
  tableName: string,
  coalitionId: string,
  tenant: Tenant,
  communityId: string,
): Promise<'left' | 'conflict' | 'missing'> {
  return retryOnConflict(async () => {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: coalitionKey(coalitionId), ConsistentRead: true }));
    return Item ? removeAt(db, tableName, Item as CoalitionItem, tenant, communityId) : 'missing';
  });
}
