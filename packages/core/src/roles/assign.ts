import type { Community } from '../community/model.ts';
import { actionId } from '../kernel/actions.ts';
import { isLeader, personLocale, resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import { type Locale, loadLocale, t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { matchRole, type Role, starterRoles } from './model.ts';
import { OFFER_DAYS, type Offer, offerId } from './offers.ts';

const plain = (blocks: Block[]) => blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
/** The role card sent by direct message, with Accept and Decline. */
function offerCard(offer: Offer, community: Community, locale: Parameters<typeof t>[0]): Block[] {
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
        { id: actionId.accept(community.tenant.id, community.id, offer.id), label: t(locale, 'offer.accept'), primary: true },
        { id: actionId.decline(community.tenant.id, community.id, offer.id), label: t(locale, 'offer.decline') },
      ],
    },
  ];
}

/** A name as a sentence quotes it: “…” in English, «…» in Russian. */
const quote = (locale: Locale, name: string) => (locale === 'ru' ? `«${name}»` : `“${name}”`);

/** The community's roles (the starter team's when it has none yet), to show how to name one. */
function roleNames(community: Community, locale: Locale): { id: string; name: string }[] {
  const roles =
    community.roles.length > 0
      ? community.roles.map((r) => ({ id: r.id, name: r.name }))
      : starterRoles.map((r) => ({ id: r, name: t(locale, `role.starter.${r}.name`) }));
  return roles.slice(0, 12);
}

const listed = (locale: Locale, roles: readonly { name: string }[]) => roles.map((r) => quote(locale, r.name)).join(', ');

/** How to name someone and a role, with a role this community really has (not the coordinator's, where it can). */
export function assignUsage(community: Community, locale: Locale) {
  const roles = roleNames(community, locale);
  const example = (roles.find((r) => r.id !== 'coordinator') ?? roles[0])?.name ?? '';
  return ephemeral(t(locale, 'assign.usage.example', { role: example, roles: listed(locale, roles) }));
}

/**
 * The role a typed name means (exact, then a unique beginning, then a unique word), or the kind answer:
 * which roles it could be, or which roles there are.
 */
export function namedRole(community: Community, locale: Locale, typed: string): { role: Role } | { reply: ReturnType<typeof ephemeral> } {
  const match = matchRole(community.roles, typed);
  if ('found' in match) return { role: match.found };
  const role = clip(typed.replace(/[`<>*_~]/g, ''), 60);
  if ('several' in match) {
    const names = match.several.slice(0, 6).map((r) => quote(locale, r.name));
    const last = names.pop() as string;
    return { reply: ephemeral(t(locale, 'role.several', { role, first: names.join(', '), last })) };
  }
  return { reply: ephemeral(t(locale, 'role.notFound.roles', { role, roles: listed(locale, roleNames(community, locale)) })) };
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
  const profile = await deps.profiles.profile(ctx.tenant, userId).catch(() => undefined);
  const locale = profile?.locale ?? profile?.seenLocale ?? community.locale ?? deps.defaultLocale;
  await loadLocale(locale);
  const note: Block[] = [{ type: 'text', text: t(locale, what, { leader: ctx.userId, role: role.name, community: community.name }) }];
  await deps.deferred.run([sendJob(ctx.tenant, { member: userId }, { text: plain(note), blocks: note })]);
}

/** Answers to an offer act on the community named in the button, wherever the click happened (a DM). */
async function offerContext(cmd: { tenantId: string; communityId: string; offerId: string }, ctx: CommandContext, deps: CoreDeps) {
  const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId }, deps);
  if ('reply' in resolved) return resolved;
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  if (cmd.tenantId !== ctx.tenant.id || resolved.snapshot.community.id !== cmd.communityId)
    return { reply: ephemeral(t(resolved.locale, 'offer.gone')) };
  const offer = await deps.offers.get(ctx.tenant, cmd.communityId, cmd.offerId, nowSeconds);
  return { ...resolved, offer, nowSeconds };
}

/** Assignment with consent: a leader offers, the person accepts or declines; nothing changes before. */
export const assignFeature: Features<'assign' | 'unassign' | 'offer.accept' | 'offer.decline.open' | 'offer.decline'> = {
  assign: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const { community } = snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'assign.forbidden'));
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
    await deps.deferred.run([sendJob(ctx.tenant, { member: cmd.userId }, { text: plain(card), blocks: card }, unreachable)]);
    // When the offer lapses unanswered, the scheduler tells the leader who asked (the minute after it expires).
    const lapseMinute = new Date((offer.expiresAt + 60) * 1000).toISOString().slice(0, 16);
    await deps.due.put({ tenant: ctx.tenant, communityId: community.id, kind: 'offer', ref: offer.id, minute: lapseMinute });
    return ephemeral(t(locale, cmd.lead ? 'assign.asked.lead' : 'assign.asked.member', { ...vars, days: OFFER_DAYS }));
  },

  unassign: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const { community } = snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'assign.forbidden'));
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
  },

  'offer.accept': async (cmd, ctx, deps) => {
    const found = await offerContext(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { snapshot, locale, offer, nowSeconds } = found;
    const { community } = snapshot;
    if (!offer) {
      // A double click: the first one accepted, the second finds the offer gone.
      const inRole = community.roles.find((r) => r.leadId === ctx.userId || r.memberIds.includes(ctx.userId));
      return ephemeral(inRole ? t(locale, 'offer.already', { role: inRole.name }) : t(locale, 'offer.gone'));
    }
    if (offer.userId !== ctx.userId) return ephemeral(t(locale, 'offer.notYours'));
    const result = await deps.offers.accept(ctx.tenant, offer, nowSeconds);
    if (result === 'gone') return ephemeral(t(locale, 'offer.already', { role: offer.roleName }));
    if (result === 'taken') return ephemeral(t(locale, 'offer.taken', { role: offer.roleName }));
    const note: Block[] = [
      {
        type: 'text',
        // Posted in the community's channel: in the community's language.
        text: t(found.communityLocale, offer.asLead ? 'offer.accepted.lead' : 'offer.accepted.member', {
          user: ctx.userId,
          role: offer.roleName,
        }),
      },
    ];
    // The assignment stands whatever happens to the channel note: the worker posts it after this reply.
    await deps.deferred.run([sendJob(ctx.tenant, { channel: community.homeChannelId }, { text: plain(note), blocks: note })]);
    return ephemeral(t(locale, 'offer.thanks', { role: offer.roleName }));
  },

  'offer.decline.open': async (cmd, ctx, deps) => {
    const found = await offerContext(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { locale, offer } = found;
    if (!offer) return ephemeral(t(locale, 'offer.gone'));
    if (offer.userId !== ctx.userId) return ephemeral(t(locale, 'offer.notYours'));
    return {
      kind: 'modal',
      modal: {
        id: 'decline',
        state: `${cmd.tenantId}|${cmd.communityId}|${cmd.offerId}`,
        title: t(locale, 'offer.decline.title'),
        submit: t(locale, 'offer.decline'),
        fields: [
          {
            id: 'reason',
            label: t(locale, 'offer.decline.reason.label'),
            hint: t(locale, 'offer.decline.reason.hint'),
            multiline: true,
            required: false,
            maxLength: 500,
          },
        ],
      },
    };
  },

  'offer.decline': async (cmd, ctx, deps) => {
    const found = await offerContext(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { locale, offer, nowSeconds } = found;
    if (!offer) return ephemeral(t(locale, 'offer.gone'));
    if (offer.userId !== ctx.userId) return ephemeral(t(locale, 'offer.notYours'));
    const withdrawn = await deps.offers.withdraw(ctx.tenant, cmd.communityId, cmd.offerId, nowSeconds);
    if (!withdrawn) return ephemeral(t(locale, 'offer.gone'));
    const reason = clip((cmd.reason ?? '').trim(), 500);
    // The leader who asked reads it in their own language.
    const theirs = await personLocale(deps, found.snapshot.community, offer.offeredBy);
    const note: Block[] = [
      { type: 'text', text: t(theirs, 'offer.declined.notify', { user: ctx.userId, role: offer.roleName }) },
      ...(reason ? [{ type: 'text' as const, text: t(theirs, 'offer.declined.reason', { reason }) }] : []),
    ];
    await deps.deferred.run([sendJob(ctx.tenant, { member: offer.offeredBy }, { text: plain(note), blocks: note })]);
    return ephemeral(t(locale, 'offer.declined'));
  },
};
