import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  Activity,
  Adoption,
  CoalitionRef,
  Community,
  CommunityLookup,
  CommunitySnapshot,
  CommunityStore,
  Locale,
  SaveResult,
  StageId,
  StageMark,
  StoryAnswers,
  StoryVersion,
  Strategy,
  Tenant,
} from '@organizer/core';
import { COMMUNITY_OWNER } from '@organizer/core';
import { leaveOnErase } from './coalition-store.ts';
import {
  communityDirectoryKey,
  communityKey,
  countActivity,
  fromCommunityItem,
  isCommunityItem,
  toCommunityItem,
} from './entities/community.ts';
import { storyVersionKey, toStoryVersionItem } from './entities/story.ts';
import { communityPrefix, tenantKey } from './keys.ts';
import { isPointerItem, linkOf, unlinkOnErase } from './link-store.ts';
import { byPrefix, deleteAll, queryAll } from './query.ts';
import { transactVersioned } from './transactions.ts';

/** Builds the snapshot `status` reads from the items of one community partition prefix. */
function snapshotFrom(tenant: Tenant, items: Record<string, unknown>[]): CommunitySnapshot | undefined {
  const meta = items.find(isCommunityItem);
  return meta ? { community: fromCommunityItem(tenant, meta) } : undefined;
}

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** `CommunityStore` on one DynamoDB table. */
export class DynamoCommunityStore implements CommunityStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(community: Community): Promise<'created' | 'exists'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toCommunityItem(community),
          // One community per channel: a second setup (or a platform retry) never overwrites the first.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  /**
   * At most two reads. Invariant: everything `status` needs lives on the community's settings item
   * (facts from other entities are kept there as counters, written in the same transaction), so the
   * directory entry — which projects the whole item — is a complete snapshot for the fallback.
   */
  async lookup(tenant: Tenant, channelId: string): Promise<CommunityLookup> {
    const here = await this.queryCommunity(tenant, channelId);
    if (here) return { kind: 'found', snapshot: here };
    // Not a home channel: fall back to the tenant's only community, if it has exactly one.
    const directory = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :d',
        ExpressionAttributeValues: { ':d': communityDirectoryKey(tenant) },
        Limit: 25,
      }),
    );
    const communities = (directory.Items ?? []).filter(isCommunityItem);
    // No community of its own, but a pointer: the tenant is a place of a community elsewhere.
    const pointer = (directory.Items ?? []).find(isPointerItem);
    if (communities.length === 0 && pointer) return { kind: 'linked', link: linkOf(pointer) };
    if (communities.length === 0) return { kind: 'none' };
    if (communities.length > 1) return { kind: 'elsewhere', homeChannelIds: communities.map((c) => c.homeChannelId) };
    const snapshot = snapshotFrom(tenant, communities);
    return snapshot ? { kind: 'found', snapshot } : { kind: 'none' };
  }

  saveAnswers(tenant: Tenant, communityId: string, answers: StoryAnswers, version: StoryVersion): Promise<SaveResult> {
    return this.saveVersioned(tenant, communityId, 'story', 'storyVersion', answers, version);
  }

  saveStrategy(tenant: Tenant, communityId: string, strategy: Strategy, version: StoryVersion): Promise<SaveResult> {
    return this.saveVersioned(tenant, communityId, 'strategy', 'strategyVersion', strategy, version);
  }

  /**
   * Sets a versioned field of the settings item (the story's four questions, the strategy) and keeps the
   * version as its own item, in one transaction guarded by the previous version number.
   */
  private saveVersioned(
    tenant: Tenant,
    communityId: string,
    field: 'story' | 'strategy',
    versionField: 'storyVersion' | 'strategyVersion',
    value: StoryAnswers | Strategy,
    version: StoryVersion,
  ): Promise<SaveResult> {
    // Who wrote the strategy is kept beside it, for `status` ("written by …, not yet put to the community").
    const by = field === 'strategy' ? { expression: ', strategyBy = :by', values: { ':by': version.authorId } } : undefined;
    return transactVersioned(this.db, [
      {
        Update: {
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          UpdateExpression: `SET ${field} = :value, ${versionField} = :version, updatedAt = :at${by?.expression ?? ''}`,
          ConditionExpression: `attribute_exists(pk) AND (${versionField} = :previous OR (attribute_not_exists(${versionField}) AND :previous = :zero))`,
          ExpressionAttributeValues: {
            ':value': value,
            ':version': version.version,
            ':previous': version.version - 1,
            ':zero': 0,
            ':at': version.createdAt,
            ...by?.values,
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: toStoryVersionItem(tenant, communityId, version),
          ConditionExpression: 'attribute_not_exists(sk)',
        },
      },
    ]);
  }

  /**
   * The adoption goes on the settings item (which `status` already reads: no read more) and on the version's
   * own item, in one transaction. The guard makes a repeat, or an older version's late decision, change nothing.
   */
  async adoptStrategy(
    tenant: Tenant,
    communityId: string,
    adoption: Adoption & { version: number },
  ): Promise<'saved' | 'unchanged' | 'missing'> {
    const saved = await transactVersioned(this.db, [
      {
        Update: {
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          UpdateExpression: 'SET strategyAdopted = :adoption',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(strategyAdopted) OR (strategyAdopted.decisionId <> :id AND strategyAdopted.version <= :version))',
          ExpressionAttributeValues: { ':adoption': adoption, ':id': adoption.decisionId, ':version': adoption.version },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: storyVersionKey(tenant, communityId, 'strategy', COMMUNITY_OWNER, adoption.version),
          UpdateExpression: 'SET adoptedBy = :id, adoptedAt = :at',
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeValues: { ':id': adoption.decisionId, ':at': adoption.at },
        },
      },
    ]);
    return saved === 'conflict' ? 'unchanged' : saved;
  }

  setSelfStoriesNeeded(tenant: Tenant, communityId: string, needed: number, at: string): Promise<'saved' | 'missing'> {
    return this.update(tenant, communityId, 'SET selfStoriesNeeded = :n, updatedAt = :at', { ':n': needed, ':at': at });
  }

  setTimezone(tenant: Tenant, communityId: string, zone: string, at: string): Promise<'saved' | 'missing'> {
    return this.update(
      tenant,
      communityId,
      'SET #timezone = :zone, updatedAt = :at',
      { ':zone': zone, ':at': at },
      { '#timezone': 'timezone' },
    );
  }

  setLadder(tenant: Tenant, communityId: string, rungs: readonly string[], at: string): Promise<'saved' | 'missing'> {
    return this.update(tenant, communityId, 'SET ladder = :rungs, updatedAt = :at', { ':rungs': [...rungs], ':at': at });
  }

  setOneOnOneTarget(tenant: Tenant, communityId: string, target: number, at: string): Promise<'saved' | 'missing'> {
    return this.update(tenant, communityId, 'SET oneOnOneTarget = :n, updatedAt = :at', { ':n': target, ':at': at });
  }

  setServerEvents(tenant: Tenant, communityId: string, on: Community['serverEvents'], at: string): Promise<'saved' | 'missing'> {
    return on
      ? this.update(tenant, communityId, 'SET serverEvents = :on, updatedAt = :at', { ':on': { by: on.by, at: on.at }, ':at': at })
      : this.update(tenant, communityId, 'REMOVE serverEvents SET updatedAt = :at', { ':at': at });
  }

  async countActivity(tenant: Tenant, communityId: string, what: keyof Activity, by: number): Promise<void> {
    await this.db.send(new UpdateCommand(countActivity(this.tableName, tenant, communityId, what, by).Update));
  }

  addHoliday(tenant: Tenant, communityId: string, date: string, at: string): Promise<'saved' | 'missing'> {
    return this.update(tenant, communityId, 'ADD holidays :day SET updatedAt = :at', { ':day': new Set([date]), ':at': at });
  }

  setLocale(tenant: Tenant, communityId: string, locale: Locale, at: string): Promise<'saved' | 'missing'> {
    return this.update(
      tenant,
      communityId,
      'SET #locale = :locale, updatedAt = :at',
      { ':locale': locale, ':at': at },
      { '#locale': 'locale' },
    );
  }

  /**
   * A leader's mark on one stage, in the settings item's `stageMarks` map, on a condition: marking needs the
   * stage unmarked, undoing needs it marked, so two leaders at once change it once. An item written before
   * the map existed gets the whole map (guarded by its absence).
   */
  async markStage(
    tenant: Tenant,
    communityId: string,
    stage: StageId,
    mark: StageMark | undefined,
    at: string,
  ): Promise<'saved' | 'unchanged' | 'missing'> {
    const update = mark
      ? {
          UpdateExpression: 'SET stageMarks.#stage = :mark, updatedAt = :at',
          ConditionExpression: 'attribute_exists(stageMarks) AND attribute_not_exists(stageMarks.#stage)',
          ExpressionAttributeValues: { ':mark': mark, ':at': at },
        }
      : {
          UpdateExpression: 'REMOVE stageMarks.#stage SET updatedAt = :at',
          ConditionExpression: 'attribute_exists(stageMarks.#stage)',
          ExpressionAttributeValues: { ':at': at },
        };
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          ...update,
          ExpressionAttributeNames: { '#stage': stage },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'saved';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const old = error.Item;
      if (!old) return 'missing';
      if ('stageMarks' in old || !mark) return 'unchanged';
      return this.firstMark(tenant, communityId, stage, mark, at);
    }
  }

  private async firstMark(tenant: Tenant, communityId: string, stage: StageId, mark: StageMark, at: string) {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          UpdateExpression: 'SET stageMarks = :marks, updatedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(stageMarks)',
          ExpressionAttributeValues: { ':marks': { [stage]: mark }, ':at': at },
        }),
      );
      return 'saved' as const;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Another leader's first mark came first: mark this stage beside it.
      return this.markStage(tenant, communityId, stage, mark, at);
    }
  }

  /** Access pattern "a community's status": one Query for its settings item, which holds all status needs. */
  private async queryCommunity(tenant: Tenant, communityId: string): Promise<CommunitySnapshot | undefined> {
    const { pk, sk } = communityKey(tenant, communityId);
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': pk, ':sk': sk },
      }),
    );
    return snapshotFrom(tenant, result.Items ?? []);
  }

  private async update(
    tenant: Tenant,
    communityId: string,
    expression: string,
    values: Record<string, unknown>,
    names?: Record<string, string>,
  ): Promise<'saved' | 'missing'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          UpdateExpression: expression,
          // Never resurrect a community removed in the meantime as a half-empty item.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
          ...(names ? { ExpressionAttributeNames: names } : {}),
        }),
      );
      return 'saved';
    } catch (error) {
      if (isConditionFailure(error)) return 'missing';
      throw error;
    }
  }

  async erase(tenant: Tenant, communityId: string): Promise<number> {
    const meta = communityKey(tenant, communityId);
    const items = await queryAll(this.db, {
      ...byPrefix(this.tableName, tenantKey(tenant), communityPrefix(communityId)),
      ProjectionExpression: 'pk, sk, #coalition',
      ExpressionAttributeNames: { '#coalition': 'coalition' },
    });
    // Its entry on its coalition's list (its name, who accepted for it) goes first, with the mark.
    const mark = items.find((item) => item.sk === meta.sk)?.coalition as CoalitionRef | undefined;
    if (mark) await leaveOnErase(this.db, this.tableName, mark.id, tenant, communityId);
    // Its places are unlinked: they point at nothing any more, and may have a community of their own.
    await unlinkOnErase(this.db, this.tableName, tenant, communityId);
    const keys = items.filter((item) => item.sk !== meta.sk).map((item) => ({ pk: item.pk, sk: item.sk }));
    await deleteAll(this.db, this.tableName, keys);
    // The community itself goes last: until then its channel cannot get a new one whose items this would take.
    const { Attributes } = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: meta, ReturnValues: 'ALL_OLD' }));
    return keys.length + (Attributes ? 1 : 0);
  }
}
