import type { Community } from '../community/model.ts';
import { actionId } from '../kernel/actions.ts';
import { forLeaders, localeFor, peopleLocales, resolveCommunity, seesAsLeader } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { loadLocale, t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, message, plainText } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { oneOnOnesFeature } from '../oneonones/handlers.ts';
import { knownMembers, nextAsk, rungKeys, rungOf } from './ladder.ts';

const RUNG_NAME = 40;

/** The rung names: the ones a leader defined, else the method's, in the community's language. */
export const rungNames = (community: Community, locale: Locale) =>
  rungKeys.map((key, i) => community.ladder?.[i] ?? t(locale, `ladder.rung.${key}` as MessageKey));

/** The welcome a newcomer gets by direct message: the vision, the story of us, one small first ask. */
function welcomeBlocks(community: Community, locale: Locale): Block[] {
  const us = community.stories.us?.parts;
  return [
    { type: 'text', text: t(locale, 'welcome.hello', { community: community.name }) },
    ...(community.story.vision ? [{ type: 'text' as const, text: t(locale, 'welcome.vision', { vision: community.story.vision }) }] : []),
    ...(us ? [{ type: 'text' as const, text: t(locale, 'welcome.us', { story: Object.values(us).join('\n') }) }] : []),
    { type: 'text', text: t(locale, 'welcome.ask') },
  ];
}

/** The coordinator and the role leads: the people the welcome promises will reach out. */
const leadersOf = (community: Community, except: string): string[] =>
  [...new Set([community.coordinatorId, ...community.roles.flatMap((role) => (role.leadId ? [role.leadId] : []))])].filter(
    (id) => id && id !== except,
  );

/** The note a leader gets when someone joins, in the leader's language, with the two first moves as buttons. */
function leaderNoteBlocks(community: Community, locale: Locale, userId: string): Block[] {
  const { tenant, id } = community;
  return [
    { type: 'text', text: t(locale, 'welcome.leader.note', { user: userId, community: community.name }) },
    {
      type: 'actions',
      buttons: [
        { id: actionId.welcome('task', tenant.id, id, userId), label: t(locale, 'welcome.leader.task'), primary: true },
        { id: actionId.welcome('1on1', tenant.id, id, userId), label: t(locale, 'welcome.leader.oneOnOne') },
      ],
    },
  ];
}

/** Welcomes a member once (however often Slack retries the event or they type `join`), and tells the leaders. */
async function welcome(community: Community, locale: Locale, userId: string, deps: CoreDeps): Promise<'welcomed' | 'already'> {
  const first = await deps.members.welcome(community.tenant, community.id, userId, deps.now().toISOString());
  if (first === 'already') return first;
  const blocks = welcomeBlocks(community, locale);
  const leaders = leadersOf(community, userId);
  const localeOf = await peopleLocales(deps, community, leaders);
  const notes = leaders.map((leader) => {
    const note = leaderNoteBlocks(community, localeOf(leader), userId);
    return sendJob(community.tenant, { member: leader }, { text: plainText(note), blocks: note });
  });
  await deps.deferred.run([sendJob(community.tenant, { member: userId }, { text: plainText(blocks), blocks }), ...notes]);
  await deps.store.countActivity(community.tenant, community.id, 'welcomed', 1);
  return first;
}

/** Stage 5: the ladder of engagement and welcoming newcomers. */
export const expansionFeature: Features<
  'ladder' | 'ladder.open' | 'ladder.save' | 'join' | 'welcome' | 'welcome.task' | 'welcome.oneonone'
> = {
  ladder: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
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
      ? people
          .filter((p) => p.ask)
          .map((p) => t(locale, `ladder.ask.${p.ask}` as MessageKey, { user: p.userId, rung: names[p.rung] ?? '' }))
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
      ...(leader ? [{ type: 'actions' as const, buttons: [{ id: 'ladder:edit', label: t(locale, 'ladder.edit') }] }] : []),
    ]);
  },

  'ladder.open': async (_cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'ladder.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
    const names = rungNames(community, locale);
    return {
      kind: 'modal',
      modal: {
        id: 'ladder',
        title: t(locale, 'ladder.modal.title'),
        submit: t(locale, 'ladder.modal.submit'),
        fields: rungKeys.map((key, i) => ({
          id: key,
          label: t(locale, `ladder.rung.${key}.label` as MessageKey),
          hint: t(locale, `ladder.rung.${key}.hint` as MessageKey),
          value: names[i] ?? '',
          multiline: false,
          required: true,
          maxLength: RUNG_NAME,
        })),
      },
    };
  },

  'ladder.save': async (cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'ladder.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
    const rungs = rungKeys.map((key) => clip((cmd.rungs[key] ?? '').replace(/\s+/g, ' ').trim(), RUNG_NAME));
    if (rungs.some((r) => !r)) return ephemeral(t(locale, 'ladder.blank'));
    await deps.store.setLadder(ctx.tenant, community.id, rungs, deps.now().toISOString());
    return ephemeral(t(locale, 'ladder.saved', { rungs: rungs.join(' → ') }));
  },

  join: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const done = await welcome(resolved.snapshot.community, resolved.locale, ctx.userId, deps);
    return ephemeral(t(resolved.locale, done === 'welcomed' ? 'join.welcomed' : 'join.already'));
  },

  welcome: async (cmd, ctx, deps) => {
    // A member joined a channel: only a community's home channel welcomes.
    const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
    if (found.kind !== 'found' || found.snapshot.community.homeChannelId !== ctx.channelId) return ephemeral('');
    const { community } = found.snapshot;
    // The newcomer's own language (the event is theirs: see `withReader`), else the community's.
    const locale = ctx.userId === cmd.userId ? localeFor(community, ctx, deps) : (community.locale ?? deps.defaultLocale);
    await loadLocale(locale);
    await welcome(community, locale, cmd.userId, deps);
    return ephemeral('');
  },

  // The task command filled in for the newcomer: a task is offered (and accepted or declined) as any other.
  'welcome.task': async (cmd, ctx, deps) => {
    const locale = localeFor(undefined, ctx, deps);
    await loadLocale(locale);
    return ephemeral(t(locale, 'welcome.task.how', { user: cmd.userId }));
  },

  /**
   * The one-on-one form for the newcomer. A Discord modal submitted from a direct message carries no server, so
   * there the leader is shown the command to type instead of a form that could not be saved.
   */
  'welcome.oneonone': async (cmd, ctx, deps) => {
    if (ctx.tenant.platform === 'discord' && ctx.tenantFromId) {
      const locale = localeFor(undefined, ctx, deps);
      await loadLocale(locale);
      return ephemeral(t(locale, 'welcome.oneOnOne.how', { user: cmd.userId }));
    }
    return oneOnOnesFeature['oneonone.open']({ type: 'oneonone.open', userId: cmd.userId, share: false }, ctx, deps);
  },
};
