import type { Community } from '../community/model.ts';
import { personLocale } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { DueJob as Job } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { localDateOf } from '../kernel/schedule.ts';
import { attemptDue } from '../kernel/work/due-attempt.ts';
import { isAway } from '../members/model.ts';

/**
 * A task reminder (`<task>#dayBefore|morning|overdue`): the owner the day before and on the morning of
 * the due day, unless away; an overdue task once to the leader who asked. Found late, a reminder still
 * goes out while it is true: "tomorrow" until the due day begins in the owner's zone, "today" until the
 * due day ends; past that it is moot and dropped (the overdue notice takes over). The item goes once sent.
 */
export async function runReminderJob(job: Job, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'task' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ now, owner }) => {
    const [taskId = '', kind] = job.ref.split('#');
    const task = await deps.tasks.get(tenant, community.id, taskId);
    if (!task?.due || task.status !== 'accepted') return undefined;
    owner(task.createdBy, task.title);
    const vars = { title: task.title, date: `<t:${task.due.dueAt}:D>`, owner: task.ownerId, community: community.name };
    if (kind === 'overdue') {
      // Each direct message in its reader's own language.
      const locale = await personLocale(deps, community, task.createdBy);
      const blocks: Block[] = [{ type: 'text', text: t(locale, 'reminder.overdue', vars) }];
      await deps.messenger.notifyMember(tenant, task.createdBy, { text: plainText(blocks), blocks });
      return undefined;
    }
    const member = await deps.members.member(tenant, community.id, task.ownerId);
    const today = localDateOf(now, member?.timezone ?? community.timezone ?? 'UTC');
    const moot = kind === 'morning' ? today > task.due.date : today >= task.due.date;
    if (moot || isAway(member, task.due.date)) return undefined;
    const locale = await personLocale(deps, community, task.ownerId);
    const blocks: Block[] = [{ type: 'text', text: t(locale, kind === 'morning' ? 'reminder.today' : 'reminder.tomorrow', vars) }];
    await deps.messenger.notifyMember(tenant, task.ownerId, { text: plainText(blocks), blocks });
    return undefined;
  });
}

/** Puts a task's reminders (in its owner's zone, else the community's) once it is accepted. */
export async function scheduleTaskReminders(
  community: Community,
  taskId: string,
  due: { date: string; dueAt: number },
  ownerId: string,
  deps: CoreDeps,
): Promise<void> {
  const { taskReminders, minuteOf } = await import('../kernel/schedule.ts');
  const member = await deps.members.member(community.tenant, community.id, ownerId);
  const zone = member?.timezone ?? community.timezone ?? 'UTC';
  await Promise.all(
    taskReminders(due, zone, deps.now()).map((r) =>
      deps.due.put({
        tenant: community.tenant,
        communityId: community.id,
        kind: 'task',
        ref: `${taskId}#${r.kind}`,
        minute: minuteOf(r.at),
      }),
    ),
  );
}

/** Removes a task's reminders (done, handed back, declined). */
export async function clearTaskReminders(community: Community, taskId: string, deps: CoreDeps): Promise<void> {
  const items = await deps.due.list(community.tenant, community.id, 'task', `${taskId}#`);
  await Promise.all(items.map((item) => deps.due.remove(community.tenant, community.id, 'task', item.ref)));
}
