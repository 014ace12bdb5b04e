import type { Community } from '../community/model.ts';
import { communityLocaleOf } from '../kernel/context.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { plainText } from '../kernel/reply.ts';
import { isAway } from '../members/model.ts';
import { answerBlocks, headerBlocks, promptBlocks } from './blocks.ts';
import { syncStandupDue } from './due.ts';

/*
 * Jobs that draw their message from the state as it is when they run, not as it was when a command
 * decided them: two redraws delivered out of order still end on the newest card.
 */

/** Posts a stand-up answer in its run's thread and records where, or edits it there after a change. */
export async function runStandupPostJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const [runId = '', userId = ''] = job.ref.split('#');
  const [run, answer] = await Promise.all([
    deps.standups.run(tenant, community.id, runId),
    deps.standups.answer(tenant, community.id, runId, userId),
  ]);
  if (!run || !answer) return;
  const blocks = answerBlocks(communityLocaleOf(community, deps), tenant.id, answer);
  // Not marked `repeat`: nothing recorded tells a redelivery from a first run.
  const outbound = { text: plainText(blocks), blocks, key: `standup-answer#${community.id}#${runId}#${userId}` };
  if (answer.channelId && answer.messageId) return deps.messenger.updateMessage(tenant, answer.channelId, answer.messageId, outbound);
  if (!run.messageId) throw new Error(`stand-up run ${runId} has no prompt to answer in yet`);
  const where = await deps.messenger.postInThread(tenant, run.channelId, run.messageId, outbound);
  await deps.standups.saveAnswer(tenant, { ...answer, ...where });
}

/**
 * Redraws a posted stand-up prompt (or, for one by direct message, its thread header) in the community's
 * language as it is now: after `lang`, a prompt already in the channel reads like the ones to come.
 */
export async function runStandupRedrawJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const run = await deps.standups.run(tenant, community.id, job.ref);
  if (!run?.messageId) return;
  const [schedule, members] = await Promise.all([
    deps.standups.schedule(tenant, community.id, run.scheduleId),
    deps.members.members(tenant, community.id),
  ]);
  const locale = communityLocaleOf(community, deps);
  await loadLocale(locale);
  const away = new Map(members.map((m) => [m.userId, m]));
  const present = run.participants.filter((u) => !isAway(away.get(u), run.date));
  const blocks = schedule?.delivery === 'dm' ? headerBlocks(locale, community, run) : promptBlocks(locale, community, run, present);
  await deps.messenger.updateMessage(tenant, run.channelId, run.messageId, { text: plainText(blocks), blocks });
}

/** Plans a stand-up's participants' zones (after a change), off the request path. */
export async function runStandupSyncJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const schedule = await deps.standups.schedule(community.tenant, community.id, job.ref);
  if (schedule) await syncStandupDue(community, schedule, deps, deps.now());
}
