import { personLocale, resolveCommunity, type Scope } from '../kernel/context.ts';
import type { Handler, Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block, Reply } from '../kernel/reply.ts';
import { ephemeral, plainText } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { RolesCommandOf } from './commands.ts';
import { declineState } from './ids.ts';
import type { Offer } from './offers.ts';

/** What an offer's buttons and modal name: the tenant, the community and the offer. */
type OfferCommand = RolesCommandOf<'offer.accept' | 'offer.decline.open' | 'offer.decline'>;
/** The community the offer was made in, the reader's languages, and the clock the offer was read at. */
type OfferScope = Scope & { readonly nowSeconds: number };

/** Answers to an offer act on the community named in the button, wherever the click happened (a DM). */
async function offerContext(cmd: OfferCommand, ctx: CommandContext, deps: CoreDeps) {
  const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId }, deps);
  if ('reply' in resolved) return resolved;
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  if (cmd.tenantId !== ctx.tenant.id || resolved.snapshot.community.id !== cmd.communityId)
    return { reply: ephemeral(t(resolved.locale, 'offer.gone')) };
  const offer = await deps.offers.get(ctx.tenant, cmd.communityId, cmd.offerId, nowSeconds);
  return { ...resolved, offer, nowSeconds };
}

/**
 * A handler for the person an open offer was made to: anyone else is told it is not theirs, and an offer
 * no longer open answers `gone` (by default, that it is no longer open).
 */
const byOfferee =
  <C extends OfferCommand>(
    run: (cmd: C, ctx: CommandContext, deps: CoreDeps, found: OfferScope & { readonly offer: Offer }) => Promise<Reply>,
    gone: (found: OfferScope, ctx: CommandContext) => Reply = (found) => ephemeral(t(found.locale, 'offer.gone')),
  ): Handler<C> =>
  async (cmd, ctx, deps) => {
    const found = await offerContext(cmd, ctx, deps);
    if ('reply' in found) return found.reply;
    const { offer } = found;
    if (!offer) return gone(found, ctx);
    if (offer.userId !== ctx.userId) return ephemeral(t(found.locale, 'offer.notYours'));
    return run(cmd, ctx, deps, { ...found, offer });
  };

/** Answers to an offer, from its direct message: accept it, or decline it (with a reason, if they like). */
export const answerHandlers: Handlers<OfferCommand> = {
  'offer.accept': byOfferee(
    async (_cmd, ctx, deps, { snapshot: { community }, locale, communityLocale, offer, nowSeconds }) => {
      const result = await deps.offers.accept(ctx.tenant, offer, nowSeconds);
      if (result === 'gone') return ephemeral(t(locale, 'offer.already', { role: offer.roleName }));
      if (result === 'taken') return ephemeral(t(locale, 'offer.taken', { role: offer.roleName }));
      const note: Block[] = [
        {
          type: 'text',
          // Posted in the community's channel: in the community's language.
          text: t(communityLocale, offer.asLead ? 'offer.accepted.lead' : 'offer.accepted.member', {
            user: ctx.userId,
            role: offer.roleName,
          }),
        },
      ];
      // The assignment stands whatever happens to the channel note: the worker posts it after this reply.
      await deps.deferred.run([sendJob(ctx.tenant, { channel: community.homeChannelId }, { text: plainText(note), blocks: note })]);
      return ephemeral(t(locale, 'offer.thanks', { role: offer.roleName }));
    },
    ({ snapshot: { community }, locale }, ctx) => {
      // A double click: the first one accepted, the second finds the offer gone.
      const inRole = community.roles.find((r) => r.leadId === ctx.userId || r.memberIds.includes(ctx.userId));
      return ephemeral(inRole ? t(locale, 'offer.already', { role: inRole.name }) : t(locale, 'offer.gone'));
    },
  ),

  'offer.decline.open': byOfferee(async (cmd, _ctx, _deps, { locale }) => ({
    kind: 'modal',
    modal: {
      id: 'decline',
      state: declineState(cmd.tenantId, cmd.communityId, cmd.offerId),
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
  })),

  'offer.decline': byOfferee(async (cmd, ctx, deps, { snapshot: { community }, locale, offer, nowSeconds }) => {
    const withdrawn = await deps.offers.withdraw(ctx.tenant, cmd.communityId, cmd.offerId, nowSeconds);
    if (!withdrawn) return ephemeral(t(locale, 'offer.gone'));
    const reason = clip((cmd.reason ?? '').trim(), 500);
    // The leader who asked reads it in their own language.
    const theirs = await personLocale(deps, community, offer.offeredBy);
    const note: Block[] = [
      { type: 'text', text: t(theirs, 'offer.declined.notify', { user: ctx.userId, role: offer.roleName }) },
      ...(reason ? [{ type: 'text' as const, text: t(theirs, 'offer.declined.reason', { reason }) }] : []),
    ];
    await deps.deferred.run([sendJob(ctx.tenant, { member: offer.offeredBy }, { text: plainText(note), blocks: note })]);
    return ephemeral(t(locale, 'offer.declined'));
  }),
};
