import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Tenant } from '@organizer/core';
import { eventsPrefix } from './entities/event.ts';
import { tasksPrefix } from './entities/task.ts';
import { communityPrefix, tenantKey } from './keys.ts';

/** An event's lists of people (RSVPs, the waitlist, who came). */
const EVENT_LISTS = ['going', 'maybe', 'cant', 'waitlist', 'attended'] as const;

const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** Every item of the community under one prefix (paged). */
async function* itemsUnder(db: DynamoDBDocumentClient, tableName: string, home: Tenant, prefix: string) {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantKey(home), ':prefix': prefix },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) yield item;
    start = page.LastEvaluatedKey;
  } while (start);
}

/** A list with the alias as the primary (once: someone who answered from both accounts is there once, first place kept). */
const merged = (list: readonly string[], alias: string, primary: string) => [...new Set(list.map((id) => (id === alias ? primary : id)))];

/**
 * What a person did under their second account before linking it, made their primary's: tasks they own,
 * role offers made to them, and their places in events' lists. Each change is conditional on what it
 * changes (a task's or offer's person still the alias; an event's version), so a repeat changes nothing
 * more, and an event changed meanwhile throws for the job to be tried again. Worker-side: it reads the
 * community's tasks, offers and events. Returns how many items changed, and the events among them.
 */
export async function mergePerson(
  db: DynamoDBDocumentClient,
  tableName: string,
  home: Tenant,
  communityId: string,
  alias: string,
  primary: string,
): Promise<{ changed: number; events: string[] }> {
  let changed = 0;
  const events: string[] = [];
  const swap = async (key: Record<string, unknown>, field: string) => {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET #f = :primary',
          ConditionExpression: '#f = :alias',
          ExpressionAttributeNames: { '#f': field },
          ExpressionAttributeValues: { ':primary': primary, ':alias': alias },
        }),
      );
      changed++;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  };
  for await (const item of itemsUnder(db, tableName, home, tasksPrefix(communityId)))
    if (item.ownerId === alias) await swap({ pk: item.pk, sk: item.sk }, 'ownerId');
  for await (const item of itemsUnder(db, tableName, home, `${communityPrefix(communityId)}OFFER#`))
    if (item.userId === alias) await swap({ pk: item.pk, sk: item.sk }, 'userId');
  for await (const item of itemsUnder(db, tableName, home, eventsPrefix(communityId))) {
    const lists = EVENT_LISTS.filter((name) => Array.isArray(item[name]) && (item[name] as string[]).includes(alias));
    if (lists.length === 0) continue;
    const version = typeof item.version === 'number' ? item.version : 0;
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: `SET ${lists.map((_, i) => `#l${i} = :l${i}`).join(', ')}, version = :next`,
        ConditionExpression: version === 0 ? 'attribute_not_exists(version) OR version = :zero' : 'version = :version',
        ExpressionAttributeNames: Object.fromEntries(lists.map((name, i) => [`#l${i}`, name])),
        ExpressionAttributeValues: {
          ...Object.fromEntries(lists.map((name, i) => [`:l${i}`, merged(item[name] as string[], alias, primary)])),
          ':next': version + 1,
          ...(version === 0 ? { ':zero': 0 } : { ':version': version }),
        },
      }),
    );
    changed++;
    events.push(String(item.id));
  }
  return { changed, events };
}
