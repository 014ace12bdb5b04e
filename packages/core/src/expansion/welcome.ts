import type { Community } from '../community/model.ts';
import { inCommunity, localeFor, peopleLocales } from '../kernel/context.ts';
import type { Handler } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { loadLocale, t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, plainText } from '../kernel/reply.ts';
import { openOneOnOne } from '../oneonones/handlers.ts';
import type { ExpansionCommand } from './commands.ts';
import { welcomeId } from './ids.ts';

type Of<T extends ExpansionCommand['type']> = Extract<ExpansionCommand, { type: T }>;

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
        { id: welcomeId('task', tenant.id, id, userId), label: t(locale, 'welcome.leader.task'), primary: true },
        { id: welcomeId('1on1', tenant.id, id, userId), label: t(locale, 'welcome.leader.oneOnOne') },
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

const join: Handler<Of<'join'>> = inCommunity(async (_cmd, ctx, deps, { locale, snapshot }) => {
  const done = await welcome(snapshot.community, locale, ctx.userId, deps);
  return ephemeral(t(locale, done === 'welcomed' ? 'join.welcomed' : 'join.already'));
});

/** A member joined a channel (Slack's `member_joined_channel`): only a community's home channel welcomes. */
const welcomeJoined: Handler<Of<'welcome'>> = async (cmd, ctx, deps) => {
  const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
  if (found.kind !== 'found' || found.snapshot.community.homeChannelId !== ctx.channelId) return ephemeral('');
  const { community } = found.snapshot;
  // The newcomer's own language (the event is theirs: see `withReader`), else the community's.
  const locale = ctx.userId === cmd.userId ? localeFor(community, ctx, deps) : (community.locale ?? deps.defaultLocale);
  await loadLocale(locale);
  await welcome(community, locale, cmd.userId, deps);
  return ephemeral('');
};

/** The task command filled in for the newcomer: a task is offered (and accepted or declined) as any other. */
const firstTask: Handler<Of<'welcome.task'>, Pick<CoreDeps, 'defaultLocale'>> = async (cmd, ctx, deps) => {
  const locale = localeFor(undefined, ctx, deps);
  await loadLocale(locale);
  return ephemeral(t(locale, 'welcome.task.how', { user: cmd.userId }));
};

/**
 * The one-on-one form for the newcomer. A Discord modal submitted from a direct message carries no server, so
 * there the leader is shown the command to type instead of a form that could not be saved.
 */
const firstOneOnOne: Handler<Of<'welcome.oneonone'>> = async (cmd, ctx, deps) => {
  if (ctx.tenant.platform === 'discord' && ctx.tenantFromId) {
    const locale = localeFor(undefined, ctx, deps);
    await loadLocale(locale);
    return ephemeral(t(locale, 'welcome.oneOnOne.how', { user: cmd.userId }));
  }
  return openOneOnOne({ type: 'oneonone.open', userId: cmd.userId, share: false }, ctx, deps);
};

/** Stage 5's welcome: on `join`, when someone joins the home channel, and the leaders' first moves. */
export const welcomeHandlers = { join, welcome: welcomeJoined, 'welcome.task': firstTask, 'welcome.oneonone': firstOneOnOne };
