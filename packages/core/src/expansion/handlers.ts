import type { Community } from '../community/model.ts';
import { inCommunity, leadersOnly, seesAsLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { ExpansionCommand } from './commands.ts';
import { editLadderId } from './ids.ts';
import { knownMembers, nextAsk, rungKeys, rungOf } from './ladder.ts';
import { welcomeHandlers } from './welcome.ts';

type Of<T extends ExpansionCommand['type']> = Extract<ExpansionCommand, { type: T }>;
type LadderDeps = Pick<CoreDeps, 'store' | 'defaultLocale'>;

const RUNG_NAME = 40;

/** The rung names: the ones a leader defined, else the method's, in the community's language. */
export const rungNames = (community: Community, locale: Locale) =>
  rungKeys.map((key, i) => community.ladder?.[i] ?? t(locale, `ladder.rung.${key}`));

/** Stage 5: the ladder of engagement (who stands where, for leaders; the counts, for everyone) and welcoming newcomers. */
export const expansionHandlers: Handlers<ExpansionCommand> = {
  ladder: inCommunity<Of<'ladder'>, LadderDeps & Pick<CoreDeps, 'members'>>(async (_cmd, ctx, deps, { locale, snapshot }) => {
    const { community } = snapshot;
    const members = await deps.members.members(ctx.tenant, community.id);
    const byId = new Map(members.map((m) => [m.userId, m]));
    const names = rungNames(community, locale);
    const people = knownMembers(community, members).map((userId) => {
      const rung = rungOf(byId.get(userId), userId, community);
      return { userId, rung, ask: nextAsk(byId.get(userId), rung) };
    });
    const counts = names.map((name, i) => t(locale, 'ladder.count', { rung: name, count: people.filter((p) => p.rung === i).length }));
    const leader = await seesAsLeader(community, ctx);
    // Who stands where is for leaders, who make the asks; everyone sees the counts.
    const asks = leader
      ? people.flatMap((p) => (p.ask ? [t(locale, `ladder.ask.${p.ask}`, { user: p.userId, rung: names[p.rung] ?? '' })] : []))
      : [];
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'ladder.title') },
      { type: 'text', text: counts.join('\n') },
      ...(asks.length > 0
        ? [
            {
              type: 'text' as const,
              text: t(locale, 'ladder.asks', { list: linesWithMore(locale, asks, { max: 30, how: t(locale, 'ladder.more.how') }) }),
            },
          ]
        : []),
      ...(leader ? [{ type: 'actions' as const, buttons: [{ id: editLadderId, label: t(locale, 'ladder.edit') }] }] : []),
    ]);
  }),

  'ladder.open': leadersOnly<Of<'ladder.open'>, LadderDeps>('ladder.forbidden', async (_cmd, _ctx, _deps, { locale, community }) => {
    const names = rungNames(community, locale);
    return {
      kind: 'modal',
      modal: {
        id: 'ladder',
        title: t(locale, 'ladder.modal.title'),
        submit: t(locale, 'ladder.modal.submit'),
        fields: rungKeys.map((key, i) => ({
          id: key,
          label: t(locale, `ladder.rung.${key}.label`),
          hint: t(locale, `ladder.rung.${key}.hint`),
          value: names[i] ?? '',
          multiline: false,
          required: true,
          maxLength: RUNG_NAME,
        })),
      },
    };
  }),

  'ladder.save': leadersOnly<Of<'ladder.save'>, LadderDeps & Pick<CoreDeps, 'now'>>(
    'ladder.forbidden',
    async (cmd, ctx, deps, { locale, community }) => {
      const rungs = rungKeys.map((key) => clip((cmd.rungs[key] ?? '').replace(/\s+/g, ' ').trim(), RUNG_NAME));
      if (rungs.some((r) => !r)) return ephemeral(t(locale, 'ladder.blank'));
      await deps.store.setLadder(ctx.tenant, community.id, rungs, deps.now().toISOString());
      return ephemeral(t(locale, 'ladder.saved', { rungs: rungs.join(' → ') }));
    },
  ),

  ...welcomeHandlers,
};
