import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LinkStore, PlaceLink, Tenant } from '@organizer/core';
import { communityDirectoryKey, communityKey } from './entities/community.ts';
import { tenantKey } from './keys.ts';

/** How long that a tenant is no place (or has no places) is remembered: a link made meanwhile is found by `lookup`. */
const NONE_FOR_MS = 60_000;
/** Remembered tenants at most (the oldest forgotten first). */
const NONE_MAX = 5_000;

/** The place's pointer, in its own partition, listed in its community directory so `lookup` meets it. */
const pointerKey = (place: Tenant) => ({ pk: tenantKey(place), sk: 'PLACELINK' });
/** The home's record of one of its places. */
const placeKey = (home: Tenant, place: Tenant) => ({ pk: tenantKey(home), sk: `PLACE#${place.platform}#${place.id}` });

const linkFields = (link: PlaceLink) => ({
  home: { tenant: { ...link.home.tenant }, communityId: link.home.communityId, name: link.home.name },
  place: { tenant: { ...link.place.tenant }, channelId: link.place.channelId },
  linkedBy: link.linkedBy,
  invitedBy: link.invitedBy,
  linkedAt: link.linkedAt,
});

/** A stored link (pointer or the home's record) → the link. */
export function linkOf(item: Record<string, unknown>): PlaceLink {
  const l = item as unknown as PlaceLink;
  return { home: l.home, place: l.place, linkedBy: l.linkedBy, invitedBy: l.invitedBy, linkedAt: l.linkedAt };
}

export const isPointerItem = (item: Record<string, unknown>) => item.entity === 'PlaceLink';

/** `LinkStore` on the one table. */
export class DynamoLinkStore implements LinkStore {
  private readonly none = new Map<string, number>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date,
  ) {}

  private known(key: string): boolean {
    const until = this.none.get(key);
    if (until !== undefined && until > this.now().getTime()) return true;
    this.none.delete(key);
    return false;
  }

  private remember(key: string): void {
    this.none.set(key, this.now().getTime() + NONE_FOR_MS);
    while (this.none.size > NONE_MAX) this.none.delete(this.none.keys().next().value as string);
  }

  async pointer(tenant: Tenant): Promise<PlaceLink | undefined> {
    const key = `pointer|${tenantKey(tenant)}`;
    if (this.known(key)) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: pointerKey(tenant) }));
    if (!Item) this.remember(key);
    return Item ? linkOf(Item) : undefined;
  }

  async places(home: Tenant): Promise<PlaceLink[]> {
    const key = `places|${tenantKey(home)}`;
    if (this.known(key)) return [];
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :place)',
        ExpressionAttributeValues: { ':pk': tenantKey(home), ':place': 'PLACE#' },
      }),
    );
    if (Items.length === 0) this.remember(key);
    return Items.map(linkOf);
  }

  async link(link: PlaceLink): Promise<'linked' | 'busy' | 'missing'> {
    const fields = linkFields(link);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...pointerKey(link.place.tenant),
                  gsi1pk: communityDirectoryKey(link.place.tenant),
                  gsi1sk: 'PLACELINK',
                  entity: 'PlaceLink',
                  ...fields,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: this.tableName, Item: { ...placeKey(link.home.tenant, link.place.tenant), entity: 'Place', ...fields } } },
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: communityKey(link.home.tenant, link.home.communityId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return 'busy';
      if (reasons?.[2]?.Code === 'ConditionalCheckFailed') return 'missing';
      throw error;
    }
    this.none.delete(`places|${tenantKey(link.home.tenant)}`);
    this.none.delete(`pointer|${tenantKey(link.place.tenant)}`);
    return 'linked';
  }

  async unlink(link: PlaceLink): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: this.tableName, Key: pointerKey(link.place.tenant), ConditionExpression: 'attribute_exists(pk)' } },
            { Delete: { TableName: this.tableName, Key: placeKey(link.home.tenant, link.place.tenant) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if (reasons?.[0]?.Code !== 'ConditionalCheckFailed') throw error;
      // No pointer: whatever the home still had of it goes too.
      await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: placeKey(link.home.tenant, link.place.tenant) }));
      return false;
    }
  }
}

/** An erased community's places: each pointer and the home's record of it go. */
export async function unlinkOnErase(db: DynamoDBDocumentClient, tableName: string, home: Tenant, communityId: string): Promise<void> {
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :place)',
      ExpressionAttributeValues: { ':pk': tenantKey(home), ':place': 'PLACE#' },
    }),
  );
  for (const link of Items.map(linkOf).filter((l) => l.home.communityId === communityId)) {
    await db.send(new DeleteCommand({ TableName: tableName, Key: pointerKey(link.place.tenant) }));
    await db.send(new DeleteCommand({ TableName: tableName, Key: placeKey(home, link.place.tenant) }));
  }
}
