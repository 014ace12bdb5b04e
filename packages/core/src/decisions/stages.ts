import type { Community } from '../community/model.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { DecisionCommand, DecisionCommandOf } from './commands.ts';
import type { Decision } from './model.ts';
import { handoutHandlers } from './stages-handout.ts';
import { decisionForActing } from './stages-scope.ts';

/** An event made from a poll lasts as long as one typed without a length (the date reader's default). */
const EVENT_MINUTES = 120;
const when = (seconds: number) => `<t:${seconds}:F>`;

/** Records the event on the decision (version-guarded; a concurrent edit of the decision is read again). */
async function recordEvent(deps: CoreDeps, community: Community, decision: Decision, eventId: string): Promise<void> {
  let current: Decision | undefined = decision;
  for (let attempt = 0; current && !current.eventId && attempt < 3; attempt++) {
    if ((await deps.decisions.save(community.tenant, { ...current, eventId, version: current.version + 1 })) === 'saved') return;
    current = await deps.decisions.get(community.tenant, community.id, decision.id);
  }
}

/**
 * A closed time poll's winning slot becomes an event through the events feature's own create path, titled
 * by the poll's question and posted like any event. The event takes the decision's id, so a second click
 * (or two at once) finds it made: one event per poll.
 */
async function makeEvent(cmd: DecisionCommandOf<'decision.event'>, ctx: CommandContext, deps: CoreDeps): Promise<Reply> {
  const scope = await decisionForActing(cmd, ctx, deps);
  if ('reply' in scope) return scope.reply;
  const { community, locale, communityLocale, decision } = scope;
  const title = decision.title;
  if (decision.kind !== 'time') return ephemeral(t(locale, 'decision.stages.event.notTime'));
  if (decision.eventId) return ephemeral(t(locale, 'decision.stages.event.already', { title, channel: community.homeChannelId }));
  if (decision.status !== 'closed') return ephemeral(t(locale, 'decision.stages.event.open', { title }));
  const winners = decision.outcome?.winners ?? [];
  const slot = Number(decision.options[winners[0] ?? -1]);
  if (!Number.isInteger(slot) || slot <= 0) return ephemeral(t(locale, 'decision.stages.event.noWinner', { title }));
  if (slot * 1000 < deps.now().getTime()) return ephemeral(t(locale, 'decision.stages.event.past', { title, when: when(slot) }));
  const [{ createEvent }, { eventLimits }] = await Promise.all([import('../events/handlers.ts'), import('../events/model.ts')]);
  // What the channel reads on the card is in the community's language.
  const input = {
    title: clip(title.replace(/\s+/g, ' ').trim(), eventLimits.title),
    startsAt: slot,
    minutes: EVENT_MINUTES,
    place: t(communityLocale, 'decision.stages.event.place'),
    description: t(communityLocale, 'decision.stages.event.description', { title: clip(title, 200) }),
  };
  const made = await createEvent(deps, ctx, community, locale, input, { id: decision.id });
  if (made.saved === 'missing') return made.reply;
  await recordEvent(deps, community, decision, decision.id);
  if (made.saved === 'exists') return ephemeral(t(locale, 'decision.stages.event.already', { title, channel: community.homeChannelId }));
  const tie = winners.length > 1 ? t(locale, 'decision.stages.event.tie', { when: when(slot) }) : '';
  return tie && made.reply.kind === 'message' ? ephemeral(made.reply.text, tie) : made.reply;
}

/** Acting on a result: a time poll's slot → an event; an opt-in's volunteers → tasks offered with consent. */
export const decisionStageHandlers: Pick<Handlers<DecisionCommand>, 'decision.event' | 'decision.handout' | 'decision.handout.open'> = {
  'decision.event': makeEvent,
  ...handoutHandlers,
};
