import type { Offer, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** An open offer of a role (`…#OFFER#<id>`), deleted when answered; `expiresAt` is the table's TTL attribute. */
export interface OfferItem extends Offer {
  pk: string;
  sk: string;
  entity: 'Offer';
}

export const offerKey = (tenant: Tenant, communityId: string, offerId: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}OFFER#${offerId}`,
});

export function toOfferItem(tenant: Tenant, offer: Offer): OfferItem {
  return { ...offerKey(tenant, offer.communityId, offer.id), entity: 'Offer', ...fromOfferItem(offer) };
}

export function fromOfferItem(item: Offer): Offer {
  return {
    id: item.id,
    communityId: item.communityId,
    roleId: item.roleId,
    roleName: item.roleName,
    userId: item.userId,
    asLead: item.asLead,
    offeredBy: item.offeredBy,
    offeredAt: item.offeredAt,
    expiresAt: item.expiresAt,
  };
}
