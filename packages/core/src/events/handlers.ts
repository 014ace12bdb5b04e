import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import { forLeaders, leadersOnly, resolveCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { EventCommand } from './commands.ts';
import { saveEdit } from './edit.ts';
import { type EventInput, eventFields, readEventInput } from './form.ts';
import { type CommunityEvent, remindersOf } from './model.ts';
import { mayManage, remindersText } from './pick.ts';

/** Making an event (leaders): its modal, and its submission, which also saves an edit. */
export const eventCreateHandlers: Pick<Handlers<EventCommand>, 'event.new' | 'event.save'> = {
  'event.new': leadersOnly('event.forbidden', async (cmd, _ctx, _deps, { locale }) => ({
    kind: 'modal',
    modal: {
      id: 'event',
      ...(cmd.campaign ? { state: cmd.campaign.slice(0, 40) } : {}),
      title: t(locale, 'event.modal.title'),
      submit: t(locale, 'event.modal.submit'),
      fields: eventFields(locale),
    },
  })),

  'event.save': async (cmd, ctx, deps) => {
    const resolved = cmd.eventId ? await resolveCommunity(ctx, deps) : await forLeaders(ctx, deps, 'event.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const existing = cmd.eventId ? await deps.events.get(ctx.tenant, community.id, cmd.eventId) : undefined;
    if (cmd.eventId && !existing) return ephemeral(t(locale, 'event.gone'));
    if (existing && !(await mayManage(community, ctx, existing))) return ephemeral(t(locale, 'event.manage.forbidden'));
    if (existing?.cancelledAt) return ephemeral(t(locale, 'event.cancelled.already', { title: existing.title }));
    const now = deps.now();
    const input = await readEventInput(cmd, locale, communityZone(community), now, existing);
    if ('kind' in input) return input;
    if (existing) return saveEdit(deps, ctx, community, locale, existing, input);
    return (await createEvent(deps, ctx, community, locale, input, cmd.campaign ? { campaignId: cmd.campaign } : {})).reply;
  },
};

/**
 * Creates an event from its read fields, posted like every event. Shared by the event modal and by a closed
 * time poll (which names the event's `id` after itself, so a second click finds it taken: 'exists').
 */
export async function createEvent(
  deps: CoreDeps,
  ctx: CommandContext,
  community: Community,
  locale: Locale,
  input: EventInput,
  extra: { readonly id?: string; readonly campaignId?: string } = {},
): Promise<{ readonly saved: 'saved' | 'missing' | 'exists'; readonly reply: Reply }> {
  const now = deps.now();
  const event: CommunityEvent = {
    id: extra.id ?? deps.newId(),
    communityId: community.id,
    ...input,
    ...(extra.campaignId ? { campaignId: extra.campaignId } : {}),
    channelId: community.homeChannelId,
    going: [],
    maybe: [],
    cant: [],
    waitlist: [],
    attended: [],
    createdBy: ctx.userId,
    createdAt: now.toISOString(),
    version: 0,
  };
  const saved = await deps.events.create(ctx.tenant, event);
  if (saved !== 'saved') return { saved, reply: ephemeral(t(locale, 'community.gone')) };
  // The card, the chosen reminders, the debrief prompt and the next occurrence come from the worker.
  const job = { tenant: ctx.tenant, communityId: community.id, ref: event.id, minute: now.toISOString().slice(0, 16) };
  await deps.deferred.run([
    { kind: 'event.card', ...job },
    { kind: 'event.plan', ...job },
  ]);
  const reminders = remindersText(locale, remindersOf(event));
  const text = [
    t(locale, 'event.created.with', { title: event.title, channel: event.channelId, reminders }),
    ...(event.repeat ? [t(locale, `event.repeats.${event.repeat}`)] : []),
  ].join(' ');
  return { saved, reply: ephemeral(text) };
}
