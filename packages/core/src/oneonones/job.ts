import type { Community } from '../community/model.ts';
import { personLocale } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { localMorning, minuteOf } from '../kernel/schedule.ts';
import { attemptDue } from '../kernel/work/due-attempt.ts';
import { offerTask } from '../tasks/handlers.ts';

/** Splits "Print flyers by friday" into what and when. */
const split = (line: string) => {
  const at = [...line.matchAll(/\s(by|до|к)\s/gi)].at(-1)?.index;
  return at === undefined ? { what: line } : { what: line.slice(0, at).trim(), due: line.slice(at).trim() };
};

/**
 * After a one-on-one is logged: the logger's commitments become their accepted tasks, the partner's are
 * offered to them with Accept / Decline, both people are counted on the ladder, the follow-up is planned.
 */
export async function commitOneOnOne(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const [loggerId = '', id = ''] = job.ref.split('#');
  const o = await deps.oneOnOnes.get(community.tenant, community.id, loggerId, id);
  if (!o) return;
  const { tenant } = community;
  // A claim per conversation: the worker's retries hand out nothing twice.
  if (!(await deps.due.claim(`oneonone#${tenant.platform}#${tenant.id}#${community.id}#${o.id}`))) return;
  const locale = community.locale ?? deps.defaultLocale;
  const ctx: CommandContext = { tenant, channelId: community.id, userId: o.loggerId, isPlatformAdmin: async () => false };
  const { parseDue } = await import('../kernel/due-date.ts');
  const now = deps.now();
  for (const line of o.mine) {
    const { what, due } = split(line);
    const day = due ? parseDue(due, community.timezone ?? 'UTC', now, locale) : undefined;
    const at = now.toISOString();
    await deps.tasks.create(tenant, {
      id: deps.newId(),
      communityId: community.id,
      title: what,
      ownerId: o.loggerId,
      createdBy: o.loggerId,
      ...(day ? { due: day } : {}),
      // Their own word, given in the conversation: theirs already, no consent to ask.
      status: 'accepted',
      createdAt: at,
      updatedAt: at,
    });
  }
  for (const line of o.theirs) await offerTask(community, locale, { userId: o.partnerId, ...split(line) }, ctx, deps);
  await deps.members.count(tenant, community.id, [o.loggerId, o.partnerId], 'oneOnOnes');
  if (o.followUp) {
    const at = localMorning(o.followUp, community.timezone ?? 'UTC', 9);
    if (at > now) await deps.due.put({ tenant, communityId: community.id, kind: 'oneonone', ref: job.ref, minute: minuteOf(at) });
  }
}

/** The follow-up day of a one-on-one: its logger is reminded, late or not; the item goes once reminded. */
export async function followUpOneOnOne(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'oneonone' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ owner }) => {
    const [loggerId = '', id = ''] = job.ref.split('#');
    const o = await deps.oneOnOnes.get(tenant, community.id, loggerId, id);
    if (!o) return undefined;
    owner(o.loggerId, o.date);
    const locale = await personLocale(deps, community, o.loggerId);
    const blocks: Block[] = [{ type: 'text', text: t(locale, 'oneonone.followUp', { partner: o.partnerId, date: o.date }) }];
    await deps.messenger.notifyMember(tenant, o.loggerId, { text: plainText(blocks), blocks });
    return undefined;
  });
}
