import { _default, boolean, literal, object, optional, type output } from 'zod/mini';
import { id, personName, short, text } from '../kernel/fields.ts';

/** Stage 3: the leadership team's roles, and assigning them with consent (offers answered by direct message). */
export const rolesCommands = [
  object({ type: literal('roles') }),
  object({ type: literal('roles.adopt') }),
  /** The roles that have no lead yet. */
  object({ type: literal('roles.open') }),
  /** The roles whose names contain what is typed so far (Discord autocomplete). */
  object({ type: literal('roles.suggest'), query: short(100) }),
  object({ type: literal('role.add'), name: optional(text) }),
  object({ type: literal('role.edit'), name: text }),
  object({ type: literal('role.remove'), name: text }),
  /** The role modal's submission; `id` is the role being edited, absent for a new one. */
  object({ type: literal('role.save'), id: optional(short(40)), name: text, duties: text }),
  /** A leader offers someone a role (as its lead or a member); nothing is assigned until they accept. */
  object({
    type: literal('assign'),
    userId: optional(id),
    userName: optional(personName),
    role: optional(text),
    lead: _default(boolean(), false),
  }),
  object({ type: literal('unassign'), userId: optional(id), userName: optional(personName), role: optional(text) }),
  /** Buttons in the offer's direct message; they carry the tenant and community (a DM has neither). */
  object({ type: literal('offer.accept'), tenantId: id, communityId: id, offerId: id }),
  object({ type: literal('offer.decline.open'), tenantId: id, communityId: id, offerId: id }),
  object({ type: literal('offer.decline'), tenantId: id, communityId: id, offerId: id, reason: optional(text) }),
] as const;

export type RolesCommand = output<(typeof rolesCommands)[number]>;
/** One of the roles feature's commands, by type. */
export type RolesCommandOf<T extends RolesCommand['type']> = Extract<RolesCommand, { type: T }>;
