import type { Community, Tenant } from '../community/model.ts';
import { communityLocaleOf } from '../kernel/context.ts';
import { tn } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { shown } from '../kernel/text.ts';
import type { CoalitionMember } from './model.ts';

/** What a notice tells the members' channels. */
export type NoticeVerb = 'joined' | 'left';

/** Whether a member entry is that community. */
export const isCommunity = (member: Pick<CoalitionMember, 'tenant' | 'communityId'>, tenant: Tenant, communityId: string) =>
  member.tenant.platform === tenant.platform && member.tenant.id === tenant.id && member.communityId === communityId;

/**
 * One notice per member community, each a job of that community (its own tenant, so it goes out on its own
 * platform and workspace, in its own language). `ref`: `<verb>|<coalition>|<instant>|<platform>|<tenant>|<community>|<name>`:
 * the community it is about, and its name, which the coalition no longer holds once it left.
 */
export function noticeJobs(
  verb: NoticeVerb,
  coalitionId: string,
  subject: CoalitionMember,
  recipients: readonly CoalitionMember[],
  now: Date,
): DueJob[] {
  const at = now.toISOString();
  const ref = [verb, coalitionId, at, subject.tenant.platform, subject.tenant.id, subject.communityId, subject.name].join('|');
  return recipients.map((r) => ({ kind: 'coalition.notice', tenant: r.tenant, communityId: r.communityId, ref, minute: at.slice(0, 16) }));
}

/**
 * One job, of the community the notice is about, that tells every member when it runs (`all|` before the
 * notice's ref): a command that does not read the coalition (joining) leaves the fan-out to the worker.
 */
export function announceJob(verb: NoticeVerb, coalitionId: string, subject: CoalitionMember, now: Date): DueJob {
  const [job] = noticeJobs(verb, coalitionId, subject, [subject], now);
  return { ...(job as DueJob), ref: `all|${(job as DueJob).ref}` };
}

/**
 * Posts a notice in the community's home channel, drawn from the coalition as it is when the job runs: a
 * community that left meanwhile hears nothing more of it, and a join undone meanwhile is not announced.
 */
export async function runNoticeJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  if (job.ref.startsWith('all|')) return announce(job.ref.slice(4), deps);
  const [verb, coalitionId = '', at = '', platform, tenantId = '', communityId = '', ...name] = job.ref.split('|');
  if ((verb !== 'joined' && verb !== 'left') || (platform !== 'slack' && platform !== 'discord')) return;
  if (community.coalition?.id !== coalitionId) return;
  const coalition = await deps.coalitions.get(coalitionId);
  if (!coalition) return;
  const member = coalition.members.some((m) => isCommunity(m, { platform, id: tenantId }, communityId));
  if (member !== (verb === 'joined')) return;
  const text = tn(communityLocaleOf(community, deps), `coalition.notice.${verb}`, coalition.members.length, {
    community: shown(name.join('|')),
    name: shown(coalition.name),
  });
  const blocks: Block[] = [{ type: 'text', text }];
  const key = `coalition#${community.id}#${verb}#${coalitionId}#${communityId}#${at}`;
  await deps.messenger.postInChannel(community.tenant, community.homeChannelId, { text: plainText(blocks), blocks, key });
}

/** An `all|` job: one notice job per member of the coalition as it is now. */
async function announce(ref: string, deps: CoreDeps): Promise<void> {
  const coalitionId = ref.split('|')[1] ?? '';
  const coalition = await deps.coalitions.get(coalitionId);
  if (!coalition) return;
  const minute = ref.split('|')[2]?.slice(0, 16) ?? '';
  await deps.deferred.run(
    coalition.members.map((m) => ({ kind: 'coalition.notice', tenant: m.tenant, communityId: m.communityId, ref, minute })),
  );
}
