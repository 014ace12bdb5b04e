import type { Community } from '../community/model.ts';
import { instantOf } from '../decisions/card-words.ts';
import { inCommunity, type Scope } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { commandText } from '../kernel/forms.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import { ephemeral, type Reply } from '../kernel/reply.ts';
import { clip, shown } from '../kernel/text.ts';
import { speaksForCommunity } from './access.ts';
import { drawCode, shownCode } from './code.ts';
import type { CoalitionCommandOf } from './commands.ts';
import { CODE_TTL_MS, type Coalition, type CoalitionMember } from './model.ts';
import { isCommunity, noticeJobs } from './notice.ts';

/** A coalition's name: one line of at most this many characters. */
export const NAME_MAX = 80;
/** Codes drawn before giving up when each one drawn is taken (50 bits: a second draw is already unheard of). */
const DRAWS = 3;
/** Reads of the coalition when it changed between reading and writing. */
export const RETRIES = 3;

/** This community as a coalition member: who accepted for it, and when. */
export const memberOf = (community: Community, userId: string, at: string): CoalitionMember => ({
  tenant: community.tenant,
  communityId: community.id,
  name: community.name,
  joinedBy: userId,
  joinedAt: at,
});

/** A name as others see it: mentions and broadcasts in it ping nobody. */
export const safe = (text: string) => shown(text);

/** The reply saying this community is in a coalition already (named from its settings, read again after a race). */
export async function busyReply(community: Community, ctx: CommandContext, deps: CoreDeps, scope: Scope): Promise<Reply> {
  let name = community.coalition?.name;
  if (!name) {
    const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
    name = found.kind === 'found' ? found.snapshot.community.coalition?.name : undefined;
  }
  if (!name) return ephemeral(t(scope.locale, 'coalition.join.busy', { community: safe(community.name) }));
  return ephemeral(t(scope.locale, 'coalition.busy', { community: safe(community.name), name: safe(name) }));
}

/** A handler for whoever speaks for the community (its coordinator, or a platform admin); anyone else is told so. */
export const forCoordinator = <C extends { type: string }>(
  run: (command: C, ctx: CommandContext, deps: CoreDeps, scope: Scope & { community: Community }) => Promise<Reply>,
) =>
  inCommunity<C>(async (command, ctx, deps, scope) => {
    const { community } = scope.snapshot;
    if (!(await speaksForCommunity(community, ctx)))
      return ephemeral(t(scope.locale, 'coalition.forbidden', { community: safe(community.name) }));
    return run(command, ctx, deps, { ...scope, community });
  });

/** The answer for a community in no coalition: how to form one or join one. */
export const noneReply = (community: Community, scope: Scope) =>
  ephemeral(t(scope.locale, 'coalition.none', { community: safe(community.name) }));

/** Forming a coalition, inviting to it by a one-time code, leaving it. */
export const coalitionCreateHandlers: Handlers<CoalitionCommandOf<'coalition.create' | 'coalition.invite' | 'coalition.leave'>> = {
  'coalition.create': forCoordinator(async (cmd, ctx, deps, scope) => {
    const { community, locale } = scope;
    if (community.coalition) return busyReply(community, ctx, deps, scope);
    const name = clip((cmd.name ?? '').replace(/\s+/g, ' ').trim(), NAME_MAX);
    if (!name) return ephemeral(t(locale, 'coalition.create.noName', { max: NAME_MAX }));
    const at = deps.now().toISOString();
    const coalition: Coalition = { id: deps.newId(), name, members: [memberOf(community, ctx.userId, at)], createdAt: at, version: 1 };
    const created = await deps.coalitions.create(coalition);
    if (created === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (created === 'busy') return busyReply(community, ctx, deps, scope);
    return ephemeral(t(locale, 'coalition.created', { name: safe(name), community: safe(community.name) }));
  }),

  'coalition.invite': forCoordinator(async (_cmd, ctx, deps, scope) => {
    const { community, locale } = scope;
    const ref = community.coalition;
    if (!ref) return noneReply(community, scope);
    const expiresAt = new Date(deps.now().getTime() + CODE_TTL_MS).toISOString();
    const issuedBy = { tenant: community.tenant, communityId: community.id, userId: ctx.userId };
    for (let draw = 0; draw < DRAWS; draw++) {
      const code = drawCode();
      if (
        (await deps.codes.issue(code, { purpose: 'coalition', coalitionId: ref.id, coalitionName: ref.name, issuedBy, expiresAt })) !==
        'issued'
      )
        continue;
      const typed = shownCode(code);
      return ephemeral(
        t(locale, 'coalition.invite.code', {
          name: safe(ref.name),
          code: typed,
          expires: instantOf(expiresAt, 'f'),
          slack: commandText('coalition.join', 'slack', [typed]),
          discord: commandText('coalition.join', 'discord', [typed]),
        }),
      );
    }
    return ephemeral(t(locale, 'coalition.invite.failed'));
  }),

  'coalition.leave': forCoordinator(async (_cmd, ctx, deps, scope) => {
    const { community, locale } = scope;
    const ref = community.coalition;
    if (!ref) return noneReply(community, scope);
    const vars = { community: safe(community.name), name: safe(ref.name) };
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const coalition = await deps.coalitions.get(ref.id);
      // Gone, or no longer holding this community: the mark on the settings is taken off all the same.
      const version = coalition?.version ?? 0;
      const left = await deps.coalitions.leave(ref.id, community.tenant, community.id, version);
      if (left === 'conflict') continue;
      if (left === 'missing' || !coalition) return ephemeral(t(locale, 'coalition.gone'));
      const remaining = coalition.members.filter((m) => !isCommunity(m, community.tenant, community.id));
      await deps.deferred.run(noticeJobs('left', coalition.id, memberOf(community, ctx.userId, ''), remaining, deps.now()));
      return ephemeral(t(locale, 'coalition.leave.done', vars));
    }
    return ephemeral(t(locale, 'coalition.leave.conflict', vars));
  }),
};
