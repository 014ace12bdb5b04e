import type { Ballot, Decision, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

type Item = Record<string, unknown>;

/** A decision (`…#DECISION#<id>`): a proposal or a poll, guarded by `version`. */
export const decisionsPrefix = (communityId: string) => `${communityPrefix(communityId)}DECISION#`;
export const decisionKey = (tenant: Tenant, communityId: string, id: string) => ({
  pk: tenantKey(tenant),
  sk: `${decisionsPrefix(communityId)}${id}`,
});

/**
 * A ballot (`…#BALLOT#<decision>#<user>`), one per voter, in its own key range: listing decisions never
 * reads ballots, and a decision's ballots are one Query. The trailing `#` keeps decision `d1` from matching `d10`.
 */
export const ballotsPrefix = (communityId: string, decisionId: string) => `${communityPrefix(communityId)}BALLOT#${decisionId}#`;
export const ballotKey = (tenant: Tenant, communityId: string, decisionId: string, userId: string) => ({
  pk: tenantKey(tenant),
  sk: `${ballotsPrefix(communityId, decisionId)}${userId}`,
});

export function toDecisionItem(tenant: Tenant, d: Decision): Item {
  return { ...fromDecisionItem(d as unknown as Item), ...decisionKey(tenant, d.communityId, d.id), entity: 'Decision' };
}

/**
 * A toggling voter's choices on the decision item (`pick#<user>`: a bit per option), so the next toggle
 * reads them with the decision. Top-level attributes, so no map must exist first; never part of a `Decision`.
 */
export const pickAttribute = (userId: string) => `pick#${userId}`;
const isPick = (name: string) => name.startsWith('pick#');
export const picksFromMask = (mask: unknown): number[] =>
  typeof mask === 'number' ? [...Array(31).keys()].filter((i) => (mask >> i) & 1) : [];
export const maskOf = (values: readonly number[]) => values.reduce((m, v) => m | (1 << v), 0);

/**
 * The decision without its key attributes (nor anyone's picks). Every other attribute is kept as stored, so a field the model
 * gains (an event made from a time poll, a statement) round-trips without a change here.
 */
export function fromDecisionItem(item: Item): Decision {
  const { pk: _pk, sk: _sk, entity: _entity, ...rest } = item;
  for (const name of Object.keys(rest)) if (isPick(name)) delete rest[name];
  const i = rest as unknown as Decision;
  return { ...i, options: [...(i.options ?? [])], anonymous: i.anonymous === true, version: i.version ?? 0 };
}

export function toBallotItem(tenant: Tenant, communityId: string, b: Ballot): Item {
  return {
    ...fromBallotItem(b as unknown as Item),
    ...ballotKey(tenant, communityId, b.decisionId, b.userId),
    entity: 'Ballot',
    communityId,
  };
}

export function fromBallotItem(item: Item): Ballot {
  const i = item as unknown as Ballot;
  return {
    decisionId: i.decisionId,
    userId: i.userId,
    values: [...(i.values ?? [])].map(Number),
    ...(i.reason !== undefined ? { reason: i.reason } : {}),
    at: i.at,
  };
}
