import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';

/** The button under the snowflake that adopts the method's starter team. */
export const adoptRolesId = 'roles:adopt';

/** The offer's Accept and Decline, in a direct message: they name the tenant and community (a DM has neither). */
export const offerActionId = (action: 'accept' | 'decline', tenantId: string, communityId: string, offer: string) =>
  `offer:${action}:${tenantId}:${communityId}:${offer}`;

/** The Decline modal's state: the offer it answers, the tenant first (it is opened from a direct message). */
export const declineState = (tenantId: string, communityId: string, offer: string) => `${tenantId}|${communityId}|${offer}`;

const offerOpens: Readonly<Record<string, 'offer.accept' | 'offer.decline.open'>> = {
  accept: 'offer.accept',
  decline: 'offer.decline.open',
};

export const rolesActions: Readonly<Record<string, ActionSpec>> = {
  roles: { decode: (action, args) => (action === 'adopt' && args.length === 0 ? { type: 'roles.adopt' } : undefined) },
  offer: {
    fromDm: true,
    decode: (action, [tenantId, communityId, offerId]) =>
      Object.hasOwn(offerOpens, action) ? { type: offerOpens[action], tenantId, communityId, offerId } : undefined,
  },
};

/** The role modal (its state: the role being edited, none for a new one) and the Decline modal (from a DM). */
export const rolesModals: Readonly<Record<string, ModalSpec>> = {
  role: { decode: (v, state) => ({ type: 'role.save', ...(state ? { id: state } : {}), name: v.name ?? '', duties: v.duties ?? '' }) },
  decline: {
    fromDm: true,
    decode: (v, state) => {
      const [tenantId, communityId, offerId] = state.split('|');
      return { type: 'offer.decline', tenantId, communityId, offerId, reason: v.reason };
    },
  },
};
