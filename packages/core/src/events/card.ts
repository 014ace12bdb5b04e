import type { Community } from '../community/model.ts';
import { communityLocaleOf } from '../kernel/context.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { rsvpId } from './ids.ts';
import type { CommunityEvent } from './model.ts';
import { mergeInterested } from './server-interest.ts';
import { serverEventJobs } from './server-sync.ts';

const people = (ids: readonly string[]) => ids.map((u) => `<@${u}>`).join(', ');

/** The event card in the channel: when (each reader's local time), where, who is going, and the RSVP buttons. */
export function eventCard(locale: Locale, tenantId: string, event: CommunityEvent): Block[] {
  const capacity = event.capacity !== undefined ? `/${event.capacity}` : '';
  const who = [
    t(locale, 'event.card.going', { count: `${event.going.length}${capacity}`, people: people(event.going) || '—' }),
    ...(event.maybe.length > 0 ? [t(locale, 'event.card.maybe', { count: event.maybe.length, people: people(event.maybe) })] : []),
    ...(event.waitlist.length > 0
      ? [t(locale, 'event.card.waitlist', { count: event.waitlist.length, people: people(event.waitlist) })]
      : []),
    ...(event.cant.length > 0 ? [t(locale, 'event.card.cant', { count: event.cant.length })] : []),
  ];
  const when = t(locale, 'event.card.when', { start: `<t:${event.startsAt}:F>`, minutes: event.minutes, place: event.place });
  if (event.cancelledAt)
    // Nothing to answer any more: the card keeps what it was, struck through in words, without buttons.
    return [
      { type: 'header', text: `${t(locale, 'event.cancelled.card')}: ${event.title}` },
      { type: 'text', text: when },
    ];
  return [
    { type: 'header', text: event.title },
    { type: 'text', text: when },
    ...(event.description ? [{ type: 'text' as const, text: event.description }] : []),
    { type: 'context', text: who.join('\n') },
    {
      type: 'actions',
      buttons: (['going', 'maybe', 'cant'] as const).map((choice) => ({
        id: rsvpId(choice, tenantId, event.communityId, event.id),
        label: t(locale, `event.${choice}`),
        ...(choice === 'going' ? { primary: true } : {}),
      })),
    },
  ];
}

/**
 * Posts an event's card in its channel and records where, or redraws it in place once it is there. It draws
 * the card from the event as it is when it runs: two redraws delivered out of order still end on the newest.
 */
export async function runEventCardJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const stored = await deps.events.get(tenant, community.id, job.ref);
  if (!stored) return;
  // Those marked Interested in the server's Events tab are counted before the card is drawn.
  let event: CommunityEvent | undefined = await mergeInterested(stored, community, deps);
  // The server's own event follows the event's changes (made, edited, cancelled), as its card does.
  await deps.deferred.run(serverEventJobs(community, event, deps, job.minute));
  const card = eventCard(communityLocaleOf(community, deps), tenant.id, event);
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
