import { inCommunity, isLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { loadLocale, t, tn, toLocale } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { CommunityCommandOf } from './commands.ts';

const languageName = (reader: Locale, of: Locale) => t(reader, of === 'ru' ? 'lang.name.ru' : 'lang.name.en');

/**
 * `lang [en|ru]`: shows or changes the community's language (channel posts, cards, summaries; leaders).
 * `lang me [en|ru|off]`: the caller's own language for replies, modals and direct messages, in every
 * community of the workspace; `off` follows their Slack or Discord language again.
 */
export const languageHandlers: Handlers<CommunityCommandOf<'language'>> = {
  language: inCommunity(async (cmd, ctx, deps, { snapshot, locale, communityLocale }) => {
    const asked = cmd.locale?.trim().toLowerCase();
    if (cmd.me) {
      const profile = await deps.profiles.profile(ctx.tenant, ctx.userId);
      if (!asked)
        return ephemeral(
          t(locale, profile?.locale ? 'lang.mine.chosen' : 'lang.mine.platform', { language: languageName(locale, locale) }),
        );
      if (asked === 'off') {
        await deps.profiles.setLocale(ctx.tenant, ctx.userId, undefined);
        // What they read from now on: their platform's language as last reported, else the community's.
        const next = profile?.seenLocale ?? communityLocale;
        await loadLocale(next);
        return ephemeral(t(next, 'lang.me.off', { language: languageName(next, next) }));
      }
      const mine = asked.length <= 5 ? toLocale(asked) : undefined;
      if (!mine) return ephemeral(t(locale, 'lang.me.unsupported'));
      await deps.profiles.setLocale(ctx.tenant, ctx.userId, mine);
      await loadLocale(mine);
      return ephemeral(t(mine, 'lang.me.set'));
    }
    if (!asked) return ephemeral(t(locale, 'lang.state', { community: languageName(locale, communityLocale) }));
    const wanted = asked.length <= 5 ? toLocale(asked) : undefined;
    if (!wanted) return ephemeral(t(locale, 'lang.unsupported'));
    if (!(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'lang.forbidden'));
    const { community } = snapshot;
    const now = deps.now();
    const saved = await deps.store.setLocale(ctx.tenant, community.id, wanted, now.toISOString());
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    // Prompts posted before the change are redrawn in the new language through the outbox: those of runs
    // whose summary is still due (the open ones; one read), each drawn from the state when delivered.
    const open = wanted === communityLocale ? [] : await deps.due.list(ctx.tenant, community.id, 'summary', '');
    const minute = now.toISOString().slice(0, 16);
    if (open.length > 0)
      await deps.deferred.run(
        open.map((item) => ({ kind: 'standup.redraw', tenant: ctx.tenant, communityId: community.id, ref: item.ref, minute }) as const),
      );
    // The answer is already in the new language.
    await loadLocale(wanted);
    return ephemeral(t(wanted, 'lang.set'), ...(open.length > 0 ? [tn(wanted, 'lang.redrawn', open.length)] : []));
  }),
};
