import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Ballot,
  type Decision,
  type DecisionStore,
  type Member,
  sleep,
  type Tenant,
  type VoteHow,
  type VoteResult,
} from '@organizer/core';
import { communityKey } from './entities/community.ts';
import {
  ballotKey,
  ballotsPrefix,
  decisionKey,
  decisionsPrefix,
  fromBallotItem,
  fromDecisionItem,
  maskOf,
  pickAttribute,
  picksFromMask,
  toBallotItem,
  toDecisionItem,
} from './entities/decision.ts';
import { fromMemberItem, memberKey } from './entities/member.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, queryAll } from './query.ts';
import { conflictWait, transactRetrying } from './transactions.ts';
import { writingDirectly } from './unit-of-work.ts';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

const reasonsOf = (error: TransactionCanceledException) => error.CancellationReasons ?? [];

/**
 * `DecisionStore` on the one table: decisions in their community's key range, each ballot its own item
 * under the voter's key (a vote never rewrites the decision, so votes do not race each other's lists).
 *
 * `seal`, `close` and every save bump `version`: a save computed from an older read (a card job recording
 * its message, a reminder) then conflicts instead of putting `open` back over a sealed decision.
 */
export class DynamoDecisionStore implements DecisionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(tenant: Tenant, decision: Decision): Promise<'saved' | 'missing'> {
    try {
      await this.transact([
        {
          ConditionCheck: {
            TableName: this.tableName,
            Key: communityKey(tenant, decision.communityId),
            ConditionExpression: 'attribute_exists(sk)',
          },
        },
        { Put: { TableName: this.tableName, Item: toDecisionItem(tenant, decision), ConditionExpression: 'attribute_not_exists(sk)' } },
      ]);
      return 'saved';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [community, item] = reasonsOf(error);
      if (community?.Code === 'ConditionalCheckFailed') return 'missing';
      // The id is there already: this very decision, made by a repeat of the same work.
      if (item?.Code === 'ConditionalCheckFailed') return 'saved';
      throw error;
    }
  }

  async get(tenant: Tenant, communityId: string, id: string): Promise<Decision | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: decisionKey(tenant, communityId, id), ConsistentRead: true }),
    );
    return Item ? fromDecisionItem(Item) : undefined;
  }

  /** Newest first. Ids are random, not time-ordered, so the order comes from `createdAt` (then the id, for ties). */
  async list(tenant: Tenant, communityId: string): Promise<Decision[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), decisionsPrefix(communityId)));
    return items
      .map(fromDecisionItem)
      .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
  }

  /**
   * An update of the decision's own attributes, never a put: the voters' picks kept on the item (written by
   * votes, which do not bump `version`) stay as they are. A save only ever sets fields, none is cleared.
   */
  async save(tenant: Tenant, decision: Decision): Promise<'saved' | 'conflict'> {
    const { pk: _pk, sk: _sk, ...fields } = toDecisionItem(tenant, decision);
    const names = Object.keys(fields);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: decisionKey(tenant, decision.communityId, decision.id),
          UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
          ConditionExpression: '#version = :previous',
          ExpressionAttributeNames: { '#version': 'version', ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])) },
          ExpressionAttributeValues: {
            ':previous': decision.version - 1,
            ...Object.fromEntries(names.map((n, i) => [`:f${i}`, fields[n]])),
          },
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'conflict';
      throw error;
    }
  }

  /**
   * Inside a command's held unit of work this transaction is held and committed with the command's reply
   * and jobs: the check that the decision is open is then made at that commit, so a ballot, its card redraw
   * and its answer land together or not at all. If the decision closed meanwhile the commit fails and the
   * command runs again writing directly, when this call answers 'closed'.
   */
  async vote(tenant: Tenant, communityId: string, ballot: Ballot, how: VoteHow = {}): Promise<VoteResult> {
    const Key = decisionKey(tenant, communityId, ballot.decisionId);
    const open = {
      TableName: this.tableName,
      Key,
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
    const item = toBallotItem(tenant, communityId, ballot);
    try {
      await this.transact([
        how.toggled
          ? {
              Update: {
                ...open,
                UpdateExpression: 'SET #pick = :mask',
                ExpressionAttributeNames: { ...open.ExpressionAttributeNames, '#pick': pickAttribute(ballot.userId) },
                ExpressionAttributeValues: { ...open.ExpressionAttributeValues, ':mask': maskOf(ballot.values) },
              },
            }
          : { ConditionCheck: open },
        // Toggles replace the voter's ballot (a double click puts the same one twice); any other ballot is
        // put only when it says something else than theirs, so the same one again writes and causes nothing.
        how.toggled
          ? { Put: { TableName: this.tableName, Item: item } }
          : {
              Put: {
                TableName: this.tableName,
                Item: item,
                ConditionExpression: `attribute_not_exists(sk) OR #values <> :values OR ${
                  ballot.reason === undefined ? 'attribute_exists(reason)' : 'attribute_not_exists(reason) OR reason <> :reason'
                }`,
                ExpressionAttributeNames: { '#values': 'values' },
                ExpressionAttributeValues: { ':values': item.values, ...(ballot.reason === undefined ? {} : { ':reason': ballot.reason }) },
              },
            },
        ...(how.member
          ? [
              {
                ConditionCheck: {
                  TableName: this.tableName,
                  Key: memberKey(tenant, communityId, ballot.userId),
                  ConditionExpression: 'attribute_exists(sk)',
                },
              },
            ]
          : []),
      ]);
      return 'saved';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [check, put, member] = reasonsOf(error);
      if (check?.Code === 'ConditionalCheckFailed') {
        if (check.Item) return 'closed';
        return (await this.exists(Key)) ? 'closed' : 'missing';
      }
      if (put?.Code === 'ConditionalCheckFailed') return 'same';
      if (member?.Code === 'ConditionalCheckFailed') return 'notMember';
      throw error;
    }
  }

  async forVote(
    tenant: Tenant,
    communityId: string,
    decisionId: string,
    userId: string,
  ): Promise<{ decision?: Decision; picks?: number[] }> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: decisionKey(tenant, communityId, decisionId), ConsistentRead: true }),
    );
    if (!Item) return {};
    const mask = Item[pickAttribute(userId)];
    return { decision: fromDecisionItem(Item), ...(mask === undefined ? {} : { picks: picksFromMask(mask) }) };
  }

  /** Strongly consistent, so the close that follows a seal counts every ballot cast before it. */
  async ballots(tenant: Tenant, communityId: string, decisionId: string): Promise<Ballot[]> {
    const items = await queryAll(this.db, {
      ...byPrefix(this.tableName, tenantKey(tenant), ballotsPrefix(communityId, decisionId)),
      ConsistentRead: true,
    });
    return items.map(fromBallotItem).filter((b) => b.values.length > 0);
  }

  async voter(
    tenant: Tenant,
    communityId: string,
    decisionId: string,
    userId: string,
  ): Promise<{ decision?: Decision; ballot?: Ballot; member?: Member }> {
    const keys = [
      decisionKey(tenant, communityId, decisionId),
      ballotKey(tenant, communityId, decisionId, userId),
      memberKey(tenant, communityId, userId),
    ];
    const found: Record<string, unknown>[] = [];
    let request: { Keys: Record<string, unknown>[]; ConsistentRead: boolean } | undefined = { Keys: keys, ConsistentRead: true };
    // Three small keys are answered at once; what DynamoDB leaves unprocessed under load is asked again.
    for (let attempt = 0; request && request.Keys.length > 0; attempt++) {
      if (attempt > 0) await sleep(conflictWait(attempt));
      const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: request } }));
      found.push(...((result.Responses?.[this.tableName] ?? []) as Record<string, unknown>[]));
      request = result.UnprocessedKeys?.[this.tableName] as typeof request;
    }
    const item = (key: { sk: string }) => found.find((i) => i.sk === key.sk);
    const [d, b, m] = keys.map((key) => item(key as { sk: string }));
    return {
      ...(d ? { decision: fromDecisionItem(d) } : {}),
      ...(b ? { ballot: fromBallotItem(b) } : {}),
      ...(m ? { member: fromMemberItem(m) } : {}),
    };
  }

  async ballot(tenant: Tenant, communityId: string, decisionId: string, userId: string): Promise<Ballot | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: ballotKey(tenant, communityId, decisionId, userId), ConsistentRead: true }),
    );
    return Item ? fromBallotItem(Item) : undefined;
  }

  /**
   * Sent at once even inside a command's held unit: the ballots are counted after it, so it must already
   * stand, and it is right whatever becomes of the command (a close that dies after it is finished by the tick).
   */
  async seal(tenant: Tenant, communityId: string, id: string): Promise<'sealed' | 'closed' | 'missing'> {
    const Key = decisionKey(tenant, communityId, id);
    try {
      await writingDirectly(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key,
            UpdateExpression: 'SET #status = :closing, version = version + :one',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':closing': 'closing', ':open': 'open', ':one': 1 },
          }),
        ),
      );
      return 'sealed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const now = await this.get(tenant, communityId, id);
      if (!now) return 'missing';
      return now.status === 'closed' ? 'closed' : 'sealed';
    }
  }

  /** Writes only what closing decides (status, outcome, `closedAt`), so nothing saved meanwhile is lost. */
  async close(tenant: Tenant, decision: Decision): Promise<'closed' | 'already'> {
    const set = [
      '#status = :closed',
      'version = version + :one',
      ...(decision.outcome ? ['outcome = :outcome'] : []),
      ...(decision.closedAt ? ['closedAt = :closedAt'] : []),
    ];
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: decisionKey(tenant, decision.communityId, decision.id),
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: '#status = :closing',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':closed': 'closed',
            ':closing': 'closing',
            ':one': 1,
            ...(decision.outcome ? { ':outcome': decision.outcome } : {}),
            ...(decision.closedAt ? { ':closedAt': decision.closedAt } : {}),
          },
        }),
      );
      return 'closed';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'already';
      throw error;
    }
  }

  private async exists(Key: Record<string, unknown>): Promise<boolean> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true, ProjectionExpression: 'sk' }),
    );
    return Item !== undefined;
  }

  /** One transaction, tried again while it only collided with another (20 simultaneous votes all land). */
  private transact(items: TransactItems): Promise<void> {
    return transactRetrying(this.db, items);
  }
}
