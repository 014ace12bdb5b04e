import type { Community } from '../community/model.ts';
import { peopleLocales } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { plainText } from '../kernel/reply.ts';
import { localDateOf, minuteAfter } from '../kernel/schedule.ts';
import { claimed } from '../kernel/work/due-attempt.ts';
import { isAway } from '../members/model.ts';
import { headerBlocks, promptBlocks } from './blocks.ts';
import { syncStandupDue } from './due.ts';
import { participantsOf, participantZone, runId, type StandupRun, type StandupSchedule } from './model.ts';
import { planNudge } from './nudge.ts';

/** How long one attempt may take to post a run's message before another may try. */
const POST_LEASE_MS = 5 * 60_000;

/** Which occurrence is delivered: its instant and zone; `manual` for `standup now` (everyone, whatever their zone). */
export interface RunTarget {
  readonly at: Date;
  readonly zone: string;
  readonly manual?: boolean;
  /** Set for the item of a participants' zone other than the stand-up's own (`<id>@<zone>`). */
  readonly memberZone?: string;
  /** A retry of the same due item: an earlier attempt may have sent some direct messages before it failed. */
  readonly repeat?: boolean;
}

/**
 * Delivers one day's run: the run row is created pending, its channel message is posted under the run's
 * post claim, and only then is it marked posted (with the message) and its summary planned. A failed post
 * gives the claim back, so a retry posts it; a second attempt meanwhile posts nothing. Direct messages
 * follow, each claimed per person and given back if it failed.
 */
export async function postRun(community: Community, schedule: StandupSchedule, target: RunTarget, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const date = localDateOf(target.at, target.manual ? schedule.zone : target.zone);
  const locale = community.locale ?? deps.defaultLocale;
  const members = new Map((await deps.members.members(tenant, community.id)).map((m) => [m.userId, m]));
  const now = deps.now();
  const fresh: StandupRun = {
    id: runId(date, schedule.id),
    scheduleId: schedule.id,
    communityId: community.id,
    date,
    name: schedule.name,
    questions: schedule.questions,
    locale,
    channelId: schedule.channelId,
    participants: participantsOf(schedule, community),
    skipped: [],
    postedAt: now.toISOString(),
  };
  const created = (await deps.standups.createRun(tenant, fresh)) === 'created';
  const run = created ? fresh : await deps.standups.run(tenant, community.id, fresh.id);
  if (!run) return;
  // Direct messages go out only after the channel message was recorded: a retry that finds it recorded
  // may follow one that sent some of them (the others found their claims taken and are skipped).
  const dmRepeat = target.repeat === true && run.messageId !== undefined;
  const present = run.participants.filter((u) => !isAway(members.get(u), date));
  let messageId = run.messageId;
  if (!messageId) {
    const until = new Date(now.getTime() + POST_LEASE_MS).toISOString();
    // Another attempt is posting it (and then sends the direct messages): nothing for this one to do.
    if (!(await deps.standups.claimRunPost(tenant, community.id, run.id, now.toISOString(), until))) return;
    const blocks = schedule.delivery === 'dm' ? headerBlocks(locale, community, run) : promptBlocks(locale, community, run, present);
    // A run found without its message was left by an earlier attempt (given back after a failure, or its
    // lease run out after a crash), which may have posted it: that post is looked for first.
    const message = { text: plainText(blocks), blocks, key: `standup-run#${community.id}#${run.id}`, ...(created ? {} : { repeat: true }) };
    try {
      ({ messageId } = await deps.messenger.postInChannel(tenant, schedule.channelId, message));
    } catch (error) {
      await deps.standups.releaseRunPost(tenant, community.id, run.id);
      throw error;
    }
    await deps.standups.setRunMessage(tenant, community.id, run.id, messageId);
    await deps.due.put({
      tenant,
      communityId: community.id,
      kind: 'summary',
      ref: run.id,
      minute: minuteAfter(target.at, schedule.windowMinutes),
    });
    await planNudge(community, schedule, run, target.at, deps);
    // People who joined or changed zones since the last run get their own zone's next time.
    if (!target.manual && !target.memberZone && schedule.delivery === 'dm') await syncStandupDue(community, schedule, deps, target.at);
  }
  if (schedule.delivery !== 'dm') return;
  const recipients = present.filter((u) => target.manual || participantZone(schedule, members.get(u)) === target.zone);
  const failures: unknown[] = [];
  // Each prompt is in its reader's own language (their choice or their platform's, else the community's).
  const localeOf = await peopleLocales(deps, community, recipients);
  await Promise.all(
    recipients.map(async (userId) => {
      const own = localeOf(userId);
      const blocks = promptBlocks(own, community, run, []);
      const intro = t(own, 'standup.dm.intro', { community: community.name });
      await claimed(deps, `standup#${tenant.platform}#${tenant.id}#${community.id}#${run.id}#${userId}`, () =>
        deps.messenger.notifyMember(tenant, userId, {
          text: `${intro}\n${plainText(blocks)}`,
          blocks: [{ type: 'context', text: intro }, ...blocks],
          key: `standup-dm#${community.id}#${run.id}#${userId}`,
          ...(dmRepeat ? { repeat: true } : {}),
        }),
      ).catch((error: unknown) => failures.push(error));
    }),
  );
  // Never dropped silently: the item stays due, and the worker logs what could not be delivered.
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} stand-up prompts could not be delivered`);
}
