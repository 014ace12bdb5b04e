import type { Locale } from '../i18n/translate.ts';
import { loadLocale, t, toLocale } from '../i18n/translate.ts';
import { ephemeral } from '../reply.ts';
import { isLeader, resolveCommunity } from './context.ts';
import type { Features } from './feature.ts';

const languageName = (reader: Locale, of: Locale) => t(reader, of === 'ru' ? 'lang.name.ru' : 'lang.name.en');

/**
 * `lang [en|ru]`: shows or changes the community's language (channel posts, cards, summaries; leaders).
 * `lang me [en|ru|off]`: the caller's own language for replies, modals and direct messages, in every
 * community of the workspace; `off` follows their Slack or Discord language again.
 */
export const languageFeature: Features<'language'> = {
  language: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale, communityLocale } = resolved;
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
    const saved = await deps.store.setLocale(ctx.tenant, snapshot.community.id, wanted, deps.now().toISOString());
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    // The answer is already in the new language.
    await loadLocale(wanted);
    return ephemeral(t(wanted, 'lang.set'));
  },
};
