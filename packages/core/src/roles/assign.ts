import type { Community } from '../community/model.ts';
import { leadersOnly, personLocale } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { type Locale, t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, plainText } from '../kernel/reply.ts';
import type { RolesCommandOf } from './commands.ts';
import { offerActionId } from './ids.ts';
import type { Role } from './model.ts';
import { assignUsage, namedRole } from './names.ts';
import { OFFER_DAYS, type Offer, offerId } from './offers.ts';

/** The role card sent by direct message, with Accept and Decline. */
function offerCard(offer: Offer, community: Community, locale: Locale): Block[] {
  const role = community.roles.find((r) => r.id === offer.roleId);
  const duties = role?.responsibilities ?? [];
  const vars = { leader: offer.offeredBy, role: offer.roleName, community: community.name };
  return [
    { type: 'text', text: t(locale, offer.asLead ? 'offer.card.lead' : 'offer.card.member', vars) },
    {
      type: 'text',
      text:
        duties.length > 0
          ? t(locale, 'offer.card.duties', { duties: duties.map((d) => `• ${d}`).join('\n') })
          : t(locale, 'offer.card.noDuties'),
    },
    { type: 'context', text: t(locale, 'offer.card.consent', { days: OFFER_DAYS }) },
    {
      type: 'actions',
      buttons: [
        { id: offerActionId('accept', community.tenant.id, community.id, offer.id), label: t(locale, 'offer.accept'), primary: true },
        { id: offerActionId('decline', community.tenant.id, community.id, offer.id), label: t(locale, 'offer.decline') },
      ],
    },
  ];
}

/** Tells someone they were taken off a role, or that an offer to them was withdrawn, in their language if known. */
async function tellUnassigned(
  community: Community,
  ctx: CommandContext,
  deps: CoreDeps,
  userId: string,
  role: Role,
  what: 'unassign.told.role' | 'unassign.told.lead' | 'unassign.told.offer',
) {
  const locale = await personLocale(deps, community, userId);
  const note: Block[] = [{ type: 'text', text: t(locale, what, { leader: ctx.userId, role: role.name, community: community.name }) }];
  await deps.deferred.run([sendJob(ctx.tenant, { member: userId }, { text: plainText(note), blocks: note })]);
}

/** Assignment with consent: a leader offers, the person accepts or declines; nothing changes before. */
export const assignHandlers: Handlers<RolesCommandOf<'assign' | 'unassign'>> = {
  assign: leadersOnly('assign.forbidden', async (cmd, ctx, deps, { community, locale }) => {
    if (!cmd.userId || !cmd.role) return assignUsage(community, locale);
    const named = namedRole(community, locale, cmd.role);
    if ('reply' in named) return named.reply;
    const { role } = named;
    const vars = { user: cmd.userId, role: role.name };
    if (cmd.lead ? role.leadId === cmd.userId : role.memberIds.includes(cmd.userId)) return ephemeral(t(locale, 'assign.already', vars));
    if (cmd.lead && role.leadId) return ephemeral(t(locale, 'assign.hasLead', { role: role.name, user: role.leadId }));
    const now = deps.now();
    const offer: Offer = {
      id: offerId(role.id, cmd.userId, cmd.lead),
      communityId: community.id,
      roleId: role.id,
      roleName: role.name,
      userId: cmd.userId,
      asLead: cmd.lead,
      offeredBy: ctx.userId,
      offeredAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + OFFER_DAYS * 24 * 60 * 60,
    };
    if ((await deps.offers.create(ctx.tenant, offer)) === 'exists') return ephemeral(t(locale, 'assign.pending', vars));
    // A direct message: in the language of the person it asks.
    const card = offerCard(offer, community, await personLocale(deps, community, cmd.userId));
    // Delivered after this reply; an offer nobody can see would only lapse, so it is taken back and the leader told.
    const unreachable = {
      kind: 'offer.unreachable',
      tenant: ctx.tenant,
      communityId: community.id,
      ref: offer.id,
      minute: now.toISOString().slice(0, 16),
    } as const;
    await deps.deferred.run([sendJob(ctx.tenant, { member: cmd.userId }, { text: plainText(card), blocks: card }, unreachable)]);
    // When the offer lapses unanswered, the scheduler tells the leader who asked (the minute after it expires).
    const lapseMinute = new Date((offer.expiresAt + 60) * 1000).toISOString().slice(0, 16);
    await deps.due.put({ tenant: ctx.tenant, communityId: community.id, kind: 'offer', ref: offer.id, minute: lapseMinute });
    return ephemeral(t(locale, cmd.lead ? 'assign.asked.lead' : 'assign.asked.member', { ...vars, days: OFFER_DAYS }));
  }),

  unassign: leadersOnly('assign.forbidden', async (cmd, ctx, deps, { community, locale }) => {
    if (!cmd.userId || !cmd.role) return assignUsage(community, locale);
    const { userId } = cmd;
    const named = namedRole(community, locale, cmd.role);
    if ('reply' in named) return named.reply;
    const { role } = named;
    const vars = { user: userId, role: role.name };
    const asLead = role.leadId === userId;
    if (asLead || role.memberIds.includes(userId)) {
      const result = await deps.roles.unassign(ctx.tenant, community.id, role.id, userId, asLead);
      // Only the write that took them off tells them: a repeat finds them gone and says so, telling nobody twice.
      if (result === 'saved')
        await tellUnassigned(community, ctx, deps, userId, role, asLead ? 'unassign.told.lead' : 'unassign.told.role');
      return ephemeral(t(locale, result === 'saved' ? 'unassign.done' : 'unassign.notIn', vars));
    }
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const withdrawn = await Promise.all(
      [true, false].map((lead) => deps.offers.withdraw(ctx.tenant, community.id, offerId(role.id, userId, lead), nowSeconds)),
    );
    if (withdrawn.some(Boolean)) await tellUnassigned(community, ctx, deps, userId, role, 'unassign.told.offer');
    return ephemeral(t(locale, withdrawn.some(Boolean) ? 'unassign.withdrawn' : 'unassign.notIn', vars));
  }),
};
