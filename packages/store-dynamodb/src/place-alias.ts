import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { LinkedPerson, PlaceLink, Tenant } from '@organizer/core';
import { tenantKey } from './keys.ts';

/** The place's pointer, in its own partition, listed in its community directory so `lookup` meets it. */
export const pointerKey = (place: Tenant) => ({ pk: tenantKey(place), sk: 'PLACELINK' });

/**
 * A linked person's alias kept in a place's own partition too, beside the place's pointer, so a request from
 * the place reads both in one BatchGetItem (the home's `SAMEAS#` item stays the record; this is its copy).
 * Its own prefix: should the place one day hold a community of its own, its people's `SAMEAS#` items never meet it.
 */
export const aliasHereKey = (place: Tenant, alias: string) => ({ pk: tenantKey(place), sk: `ALIASHERE#${alias}` });

/** The copies of a person's alias, one per place on the alias's platform. */
export const aliasHerePuts = (tableName: string, person: LinkedPerson) =>
  (person.aliasPlaces ?? []).map((place) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...aliasHereKey(place, person.alias),
        entity: 'AliasHere',
        home: { ...person.home },
        communityId: person.communityId,
        primary: person.primary,
        alias: person.alias,
      },
    },
  }));

/** What a pointer item says: the link, and whether every alias of its community is copied beside it. */
export interface Pointer {
  readonly link: PlaceLink;
  /** Set on a pointer made while its community had nobody linked: an alias missing beside it is no alias. */
  readonly aliasesHere: boolean;
}

/**
 * The place's pointer and the person's alias beside it, in one BatchGetItem. The alias counts only when it
 * names the home tenant the pointer names (a copy left from an earlier link elsewhere does not); like the
 * home's `SAMEAS#` item, it holds for the whole home tenant.
 */
export async function readArrival(
  db: DynamoDBDocumentClient,
  tableName: string,
  place: Tenant,
  userId: string,
  linkOf: (item: Record<string, unknown>) => PlaceLink,
): Promise<{ pointer?: Pointer; primary?: string }> {
  const keys = [pointerKey(place), aliasHereKey(place, userId)];
  let items: Record<string, unknown>[] = [];
  let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [tableName]: { Keys: keys } };
  // Unprocessed keys (throttling) are asked for again; two small keys come back at once otherwise.
  while (request && Object.keys(request).length > 0) {
    const out = await db.send(new BatchGetCommand({ RequestItems: request }));
    items = [...items, ...(out.Responses?.[tableName] ?? [])];
    request = out.UnprocessedKeys as typeof request;
  }
  const pointerItem = items.find((i) => i.sk === 'PLACELINK');
  if (!pointerItem) return {};
  const link = linkOf(pointerItem);
  const alias = items.find((i) => i.sk !== 'PLACELINK') as { home?: Tenant; primary?: unknown } | undefined;
  const same =
    alias?.home?.platform === link.home.tenant.platform && alias.home.id === link.home.tenant.id && typeof alias.primary === 'string';
  return { pointer: { link, aliasesHere: pointerItem.aliasesHere === true }, ...(same ? { primary: alias.primary as string } : {}) };
}
