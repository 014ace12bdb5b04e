import type { Community } from '../../community/model.ts';
import { eventCard } from '../../events/handlers.ts';
import { answerBlocks, headerBlocks, promptBlocks } from '../../standup/blocks.ts';
import { isAway } from '../../standup/model.ts';
import { sharedStoryBlocks } from '../../story/common.ts';
import { parseStoryRef, storyRef } from '../../story/model.ts';
import { actionId } from '../actions.ts';
import { personLocale } from '../context.ts';
import { loadLocale, t } from '../i18n/translate.ts';
import { type DueJob, plainMessage, sendJob } from '../jobs.ts';
import type { CoreDeps } from '../ports.ts';
import { plainText } from '../reply.ts';

/**
 * Jobs that draw their message from the state as it is when they run, not as it was when a command
 * decided them: two redraws delivered out of order still end on the newest card.
 */
const localeOf = (community: Community, deps: CoreDeps) => community.locale ?? deps.defaultLocale;

/** Posts an event's card in its channel and records where, or redraws it in place once it is there. */
export async function runEventCardJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  let event = await deps.events.get(tenant, community.id, job.ref);
  if (!event) return;
  const card = eventCard(localeOf(community, deps), tenant.id, event);
  // The key makes a post retried after an unknown outcome land once. Not marked `repeat`: this job cannot
  // tell its outbox redelivery (after a post that landed but was never recorded) from a first run.
  const outbound = { text: plainText(card), blocks: card, key: `event-card#${community.id}#${event.id}` };
  if (event.messageId) return deps.messenger.updateMessage(tenant, event.channelId, event.messageId, outbound);
  const { messageId } = await deps.messenger.postInChannel(tenant, event.channelId, outbound);
  // An RSVP may land between reading and saving: save on the newest version.
  for (let attempt = 0; attempt < 5 && event; attempt++) {
    if ((await deps.events.save(tenant, { ...event, messageId, version: event.version + 1 })) === 'saved') return;
    event = await deps.events.get(tenant, community.id, job.ref);
  }
  throw new Error(`event ${job.ref}: card posted as ${messageId} but not recorded`);
}

/** Posts a stand-up answer in its run's thread and records where, or edits it there after a change. */
export async function runStandupPostJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const [runId = '', userId = ''] = job.ref.split('#');
  const [run, answer] = await Promise.all([
    deps.standups.run(tenant, community.id, runId),
    deps.standups.answer(tenant, community.id, runId, userId),
  ]);
  if (!run || !answer) return;
  const blocks = answerBlocks(localeOf(community, deps), tenant.id, answer);
  // Not marked `repeat`, like the event card: nothing recorded tells a redelivery from a first run.
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
  const locale = localeOf(community, deps);
  await loadLocale(locale);
  const away = new Map(members.map((m) => [m.userId, m]));
  const present = run.participants.filter((u) => !isAway(away.get(u), run.date));
  const blocks = schedule?.delivery === 'dm' ? headerBlocks(locale, community, run) : promptBlocks(locale, community, run, present);
  await deps.messenger.updateMessage(tenant, run.channelId, run.messageId, { text: plainText(blocks), blocks });
}

/** A task whose offer could not reach its owner: it goes back to the leader, who hears why. */
export async function runTaskUnreachableJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const task = await deps.tasks.get(community.tenant, community.id, job.ref);
  if (task?.status !== 'proposed') return;
  const moved = await deps.tasks.move(
    community.tenant,
    community.id,
    task.id,
    task.ownerId,
    'proposed',
    'declined',
    deps.now().toISOString(),
  );
  if (moved !== 'saved') return;
  // A direct message to the leader: in their own language.
  const text = t(await personLocale(deps, community, task.createdBy), 'task.unreachable', { user: task.ownerId });
  await deps.deferred.run([sendJob(community.tenant, { member: task.createdBy }, plainMessage(text))]);
}

/** An offer that could not reach the person: it is taken back, and the leader who made it hears why. */
export async function runOfferUnreachableJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const offer = await deps.offers.withdraw(community.tenant, community.id, job.ref, Math.floor(deps.now().getTime() / 1000));
  if (!offer) return;
  await deps.due.remove(community.tenant, community.id, 'offer', offer.id);
  const text = t(await personLocale(deps, community, offer.offeredBy), 'assign.unreachable', { user: offer.userId, role: offer.roleName });
  await deps.deferred.run([sendJob(community.tenant, { member: offer.offeredBy }, plainMessage(text))]);
}

/** Shares a story in a channel and records where, so its Reflect button finds it there. `ref`: `<story ref>|<channel>`. */
export async function runStoryShareJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const [ref = '', channelId = ''] = job.ref.split('|');
  const parsed = parseStoryRef(ref);
  if (!parsed || !channelId) return;
  const head = parsed.kind === 'self' ? await deps.stories.selfStory(tenant, community.id, parsed.owner) : community.stories[parsed.kind];
  // Deleted meanwhile (a story of self its author took back): nothing to share.
  if (!head) return;
  const blocks = sharedStoryBlocks(localeOf(community, deps), head, actionId.reflect(storyRef(head.kind, head.owner)));
  const key = `story-share#${community.id}#${ref}#${head.version}#${channelId}#${job.minute}`;
  const { messageId } = await deps.messenger.postInChannel(tenant, channelId, { text: plainText(blocks), blocks, key });
  await deps.stories.markShared(tenant, community.id, head, { channelId, messageId, version: head.version });
}
