import { loadLocale, t, toLocale } from '../i18n/translate.ts';
import { ephemeral } from '../reply.ts';
import { isLeader, resolveCommunity } from './context.ts';
import type { Features } from './feature.ts';

/** `lang [en|ru]`: shows or changes the language the community is answered in. */
export const languageFeature: Features<'language'> = {
  language: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    if (!cmd.locale) return ephemeral(t(locale, 'lang.current'));
    const wanted = cmd.locale.length <= 5 ? toLocale(cmd.locale) : undefined;
    if (!wanted) return ephemeral(t(locale, 'lang.unsupported'));
    if (!(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'lang.forbidden'));
    const saved = await deps.store.setLocale(ctx.tenant, snapshot.community.id, wanted, deps.now().toISOString());
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    // The answer is already in the new language.
    await loadLocale(wanted);
    return ephemeral(t(wanted, 'lang.set'));
  },
};
