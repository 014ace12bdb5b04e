import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type LinkedPerson, type LinkStore, memberActs, type PlaceLink, type Tenant } from '@organizer/core';
import { communityDirectoryKey, communityKey } from './entities/community.ts';
import { countMemberAct, fromMemberItem, memberKey } from './entities/member.ts';
import { tenantKey } from './keys.ts';
import { mergePerson } from './person-merge.ts';
import { aliasHerePuts, pointerKey, readArrival } from './place-alias.ts';

/** How long that a tenant is no place (or has no places) is remembered: a link made meanwhile is found by `lookup`. */
const NONE_FOR_MS = 60_000;
/** Remembered tenants at most (the oldest forgotten first). */
const NONE_MAX = 5_000;

/** The home's record of one of its places. */
const placeKey = (home: Tenant, place: Tenant) => ({ pk: tenantKey(home), sk: `PLACE#${place.platform}#${place.id}` });

/** A person's alias, and the person under their home id: tenant-wide, as profiles are. */
const sameAsKey = (home: Tenant, alias: string) => ({ pk: tenantKey(home), sk: `SAMEAS#${alias}` });
const personKey = (home: Tenant, primary: string) => ({ pk: tenantKey(home), sk: `PERSON#${primary}` });

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

  async arrival(tenant: Tenant, userId: string): Promise<{ link: PlaceLink; primary?: string } | undefined> {
    const key = `pointer|${tenantKey(tenant)}`;
    if (this.known(key)) return undefined;
    const { pointer, primary } = await readArrival(this.db, this.tableName, tenant, userId, linkOf);
    if (!pointer) {
      this.remember(key);
      return undefined;
    }
    if (primary) return { link: pointer.link, primary };
    // A pointer made after people had linked has no copies of their aliases beside it: the home's record is read.
    if (pointer.aliasesHere) return { link: pointer.link };
    const found = await this.sameAs(pointer.link.home.tenant, userId);
    return found ? { link: pointer.link, primary: found } : { link: pointer.link };
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
    // While nobody in the home tenant has linked their accounts, every alias to come is copied beside this
    // pointer, which says so; otherwise (rarely) the pointer is made without that word, and aliases are read at home.
    const first = await this.linkOnce(link, true);
    const outcome = first === 'people' ? await this.linkOnce(link, false) : first;
    if (outcome !== 'linked') return outcome === 'people' ? 'missing' : outcome;
    this.none.delete(`places|${tenantKey(link.home.tenant)}`);
    this.none.delete(`pointer|${tenantKey(link.place.tenant)}`);
    return 'linked';
  }

  private async linkOnce(link: PlaceLink, aliasesHere: boolean): Promise<'linked' | 'busy' | 'missing' | 'people'> {
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
                  ...(aliasesHere ? { aliasesHere: true } : {}),
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: this.tableName, Item: { ...placeKey(link.home.tenant, link.place.tenant), entity: 'Place', ...fields } } },
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: communityKey(link.home.tenant, link.home.communityId),
                ConditionExpression: aliasesHere
                  ? 'attribute_exists(pk) AND (attribute_not_exists(linkedPeople) OR linkedPeople = :zero)'
                  : 'attribute_exists(pk)',
                ...(aliasesHere ? { ExpressionAttributeValues: { ':zero': 0 } } : {}),
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      );
      return 'linked';
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string; Item?: unknown }[] }).CancellationReasons;
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return 'busy';
      if (reasons?.[2]?.Code === 'ConditionalCheckFailed') return reasons[2].Item && aliasesHere ? 'people' : 'missing';
      throw error;
    }
  }

  async sameAs(home: Tenant, userId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: sameAsKey(home, userId) }));
    return typeof Item?.primary === 'string' ? Item.primary : undefined;
  }

  async person(home: Tenant, primary: string): Promise<LinkedPerson | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: personKey(home, primary) }));
    if (!Item) return undefined;
    const p = Item as unknown as LinkedPerson;
    return { home, communityId: p.communityId, primary, alias: p.alias, dmOn: p.dmOn, at: p.at };
  }

  async linkPerson(person: LinkedPerson): Promise<'linked' | 'busy'> {
    const { home, communityId, primary, alias } = person;
    // What the alias counted as a member moves onto the primary, in the same transaction.
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: memberKey(home, communityId, alias) }));
    const acts = Item ? (fromMemberItem(Item).acts ?? {}) : {};
    const moved = memberActs.flatMap((act) =>
      (acts[act] ?? 0) > 0 ? [countMemberAct(this.tableName, home, communityId, primary, act, acts[act])] : [],
    );
    const fields = { communityId, primary, alias, dmOn: person.dmOn, at: person.at };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...sameAsKey(home, alias), entity: 'SameAs', ...fields },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...personKey(home, primary), entity: 'Person', ...fields },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...(Item ? [{ Delete: { TableName: this.tableName, Key: memberKey(home, communityId, alias) } }] : []),
            ...moved,
            // Copies beside the places' pointers (read with them), and the count that tells a new place to read at home.
            ...aliasHerePuts(this.tableName, person),
            {
              Update: {
                TableName: this.tableName,
                Key: communityKey(home, communityId),
                UpdateExpression: 'ADD linkedPeople :one',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      return 'linked';
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if (reasons?.slice(0, 2).some((r) => r.Code === 'ConditionalCheckFailed')) return 'busy';
      throw error;
    }
  }

  mergePerson(home: Tenant, communityId: string, alias: string, primary: string): Promise<{ changed: number; events: string[] }> {
    return mergePerson(this.db, this.tableName, home, communityId, alias, primary);
  }

  async setDmOn(home: Tenant, primary: string, platform: Tenant['platform']): Promise<'saved' | 'missing'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: personKey(home, primary),
          UpdateExpression: 'SET dmOn = :on',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':on': platform },
        }),
      );
      return 'saved';
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 'missing';
      throw error;
    }
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
