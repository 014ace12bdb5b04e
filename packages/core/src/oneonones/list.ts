import { knownMembers } from '../expansion/ladder.ts';
import { inCommunity, seesAsLeader } from '../kernel/context.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import type { Block } from '../kernel/reply.ts';
import { message } from '../kernel/reply.ts';
import type { OneOnOneCommandOf } from './commands.ts';
import type { OneOnOne } from './model.ts';

/** A logged conversation as its logger (or the coordinator, when shared) reads it. */
function describe(locale: Locale, o: OneOnOne, withNotes: boolean): string {
  return [
    t(locale, 'oneonone.line', { partner: o.partnerId, logger: o.loggerId, date: o.date }),
    ...(o.values.length > 0 ? [t(locale, 'oneonone.values', { values: o.values.join(', ') })] : []),
    ...(withNotes && o.notes ? [t(locale, 'oneonone.notes', { notes: o.notes })] : []),
  ].join('\n');
}

/** Conversations as a list of at most twenty, the oldest left out. */
const conversations = (locale: Locale, list: readonly OneOnOne[]) =>
  linesWithMore(
    locale,
    list.map((o) => describe(locale, o, true)),
    { max: 20, how: t(locale, 'oneonone.more.how'), separator: '\n\n', last: true },
  );

/**
 * `1on1s`: everyone sees their own notes; the coordinator also sees what was shared with them; leaders see
 * who nobody has met yet; the count is for all.
 */
export const listOneOnOnes = inCommunity<OneOnOneCommandOf<'oneonones'>>(async (_cmd, ctx, deps, { locale, snapshot: { community } }) => {
  const coordinator = community.coordinatorId === ctx.userId;
  const leader = coordinator || (await seesAsLeader(community, ctx));
  const all = leader
    ? await deps.oneOnOnes.all(ctx.tenant, community.id)
    : await deps.oneOnOnes.byLogger(ctx.tenant, community.id, ctx.userId);
  const mine = all.filter((o) => o.loggerId === ctx.userId);
  const shared = coordinator ? all.filter((o) => o.shared && o.loggerId !== ctx.userId) : [];
  const blocks: Block[] = [
    { type: 'header', text: t(locale, 'oneonones.title') },
    { type: 'context', text: t(locale, 'oneonone.progress', { count: community.activity.oneOnOnes, target: community.oneOnOneTarget }) },
    { type: 'text', text: mine.length > 0 ? conversations(locale, mine) : t(locale, 'oneonones.none') },
    ...(shared.length > 0 ? [{ type: 'text' as const, text: t(locale, 'oneonones.shared', { list: conversations(locale, shared) }) }] : []),
  ];
  if (leader) {
    const met = new Set(all.flatMap((o) => [o.loggerId, o.partnerId]));
    const members = await deps.members.members(ctx.tenant, community.id);
    const notMet = knownMembers(community, members).filter((u) => !met.has(u));
    blocks.push({
      type: 'text',
      text:
        notMet.length > 0
          ? t(locale, 'oneonones.notMet', {
              people: linesWithMore(
                locale,
                notMet.map((u) => `<@${u}>`),
                { max: 40, separator: ', ' },
              ),
            })
          : t(locale, 'oneonones.allMet'),
    });
  }
  return message('ephemeral', blocks);
});
