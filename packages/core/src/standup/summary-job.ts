import type { Community } from '../community/model.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { DueJob as Job } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { attemptDue, type DueAttempt } from '../kernel/work/due-attempt.ts';
import type { StandupRun } from './model.ts';
import { attachSummaryChart } from './summary-chart.ts';

const WEEK_SECONDS = 7 * 24 * 60 * 60;

/**
 * At the end of a run's window: who answered, who skipped, every "where do you need help" answer with
 * its author to @mention, and the tasks due in the next 7 days. Still worth having late, so a summary found
 * after downtime is posted; one of a run that never went out is dropped. The item goes once it is posted.
 */
export async function runSummaryJob(job: Job, community: Community, deps: CoreDeps): Promise<void> {
  const item = { tenant: community.tenant, communityId: community.id, kind: 'summary' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ owner }) => {
    const run = await deps.standups.run(community.tenant, community.id, job.ref);
    if (run?.messageId) await postSummary(community, { ...run, messageId: run.messageId }, deps, owner);
    return undefined;
  });
}

async function postSummary(community: Community, run: StandupRun & { messageId: string }, deps: CoreDeps, owner: DueAttempt['owner']) {
  const { tenant } = community;
  const [schedule, answers, tasks] = await Promise.all([
    deps.standups.schedule(tenant, community.id, run.scheduleId),
    deps.standups.answers(tenant, community.id, run.id),
    deps.tasks.list(tenant, community.id, 100),
  ]);
  if (schedule) owner(schedule.createdBy, schedule.name);
  const locale = community.locale ?? deps.defaultLocale;
  const answered = answers.map((a) => a.userId);
  const silent = run.participants.filter((u) => !answered.includes(u) && !run.skipped.includes(u));
  const helpIndex = (schedule?.questions.length ?? 3) - 1;
  const help = answers.filter((a) => a.answers[helpIndex]).map((a) => `• <@${a.userId}>: ${a.answers[helpIndex]}`);
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const soon = tasks
    .filter((task) => task.status === 'accepted' && task.due && task.due.dueAt >= nowSeconds && task.due.dueAt <= nowSeconds + WEEK_SECONDS)
    .sort((a, b) => (a.due?.dueAt ?? 0) - (b.due?.dueAt ?? 0))
    .map((task) => `• ${task.title} · <@${task.ownerId}> · <t:${task.due?.dueAt}:D>`);
  const people = (ids: readonly string[]) => (ids.length > 0 ? ids.map((u) => `<@${u}>`).join(', ') : '—');
  const blocks: Block[] = [
    { type: 'header', text: t(locale, 'standup.summary.title', { name: schedule?.name ?? '' }) },
    { type: 'text', text: tn(locale, 'standup.summary.answers', answered.length, { people: people(answered) }) },
    ...(run.skipped.length > 0
      ? [{ type: 'text' as const, text: t(locale, 'standup.summary.skipped', { people: people(run.skipped) }) }]
      : []),
    ...(silent.length > 0 ? [{ type: 'context' as const, text: t(locale, 'standup.summary.silent', { people: people(silent) }) }] : []),
    {
      type: 'text',
      text: help.length > 0 ? t(locale, 'standup.summary.help', { list: help.join('\n') }) : t(locale, 'standup.summary.noHelp'),
    },
    ...(soon.length > 0 ? [{ type: 'text' as const, text: t(locale, 'standup.summary.tasks', { list: soon.join('\n') }) }] : []),
  ];
  const posted = await deps.messenger.postInThread(tenant, run.channelId, run.messageId, { text: plainText(blocks), blocks });
  // The picture follows the text, which is never held back or repeated for it.
  await attachSummaryChart(community, run, posted.channelId, deps);
}
