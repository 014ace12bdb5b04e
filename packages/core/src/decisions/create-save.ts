import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { Reading } from './create-read.ts';
import type { Decision } from './model.ts';
import { subjectDraft } from './subject.ts';

/** How a date typed in a modal is read: in the person's own zone, else the community's; now; their language. */
export async function readingFor(ctx: CommandContext, deps: CoreDeps, community: Community, locale: Locale): Promise<Reading> {
  const member = await deps.members.member(ctx.tenant, community.id, ctx.userId);
  return { zone: member?.timezone ?? communityZone(community), now: deps.now(), locale };
}

/**
 * Saves a new decision, hands its card to the worker and plans its reminder and closing. The card goes to
 * the community's home channel (where everyone looks), else where it was proposed.
 */
export async function createDecision(
  ctx: CommandContext,
  deps: CoreDeps,
  community: Community,
  decision: Omit<Decision, 'id' | 'communityId' | 'authorId' | 'channelId' | 'createdAt' | 'status' | 'version'>,
  reopened?: Decision,
): Promise<Decision | 'conflict' | 'missing'> {
  const now = deps.now();
  const made: Decision = {
    ...decision,
    id: deps.newId(),
    communityId: community.id,
    authorId: ctx.userId,
    channelId: community.homeChannelId || ctx.channelId,
    createdAt: now.toISOString(),
    status: 'open',
    version: 0,
  };
  // The earlier decision learns it was reopened, on its version: two proposals reopening it at once, one wins.
  if (reopened && (await deps.decisions.save(ctx.tenant, { ...reopened, reopenedBy: made.id, version: reopened.version + 1 })) !== 'saved')
    return 'conflict';
  if ((await deps.decisions.create(ctx.tenant, made)) !== 'saved') return 'missing';
  const job = { tenant: ctx.tenant, communityId: community.id, minute: now.toISOString().slice(0, 16) };
  // The new card, its due work (planned by the worker, as events' is: the command writes only the decision),
  // and the reopened one redrawn so it points to what reopened it.
  await deps.deferred.run([
    { kind: 'decision.card', ...job, ref: made.id },
    { kind: 'decision.plan', ...job, ref: made.id },
    ...(reopened ? [{ kind: 'decision.card' as const, ...job, ref: reopened.id }] : []),
  ]);
  return made;
}

/** The reply to a failed `createDecision`. */
export const notCreated = (locale: Locale, why: 'conflict' | 'missing') =>
  ephemeral(t(locale, why === 'conflict' ? 'decision.create.conflict' : 'community.gone'));

/** What a stage puts forward, when the subject still names something of this community. */
export const draftOf = (subject: string | undefined, community: Community, deps: CoreDeps) =>
  subject ? subjectDraft(subject, community, deps) : Promise.resolve(undefined);
