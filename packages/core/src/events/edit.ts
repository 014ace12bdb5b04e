import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { EventCommand } from './commands.ts';
import { type EventInput, eventFields } from './form.ts';
import { editState } from './ids.ts';
import { minuteNow, redraw, tellEach, when } from './manage.ts';
import type { CommunityEvent } from './model.ts';
import { remindersOf, withCapacity } from './model.ts';
import { managedEvent } from './pick.ts';

/** What changed between two versions of an event, one line each (times in each reader's own zone). */
function changes(locale: Locale, before: CommunityEvent, after: CommunityEvent): string[] {
  const places = (e: CommunityEvent) => (e.capacity !== undefined ? String(e.capacity) : t(locale, 'event.changed.unlimited'));
  return [
    ...(before.title !== after.title ? [t(locale, 'event.changed.title', { old: before.title, new: after.title })] : []),
    ...(before.startsAt !== after.startsAt
      ? [t(locale, 'event.changed.time', { old: when(before.startsAt), new: when(after.startsAt) })]
      : []),
    ...(before.minutes !== after.minutes ? [t(locale, 'event.changed.minutes', { old: before.minutes, new: after.minutes })] : []),
    ...(before.place !== after.place ? [t(locale, 'event.changed.place', { old: before.place, new: after.place })] : []),
    ...(before.capacity !== after.capacity ? [t(locale, 'event.changed.capacity', { old: places(before), new: places(after) })] : []),
    ...(before.description !== after.description ? [t(locale, 'event.changed.description')] : []),
  ];
}

/**
 * Saves an edit over the version it was made from (re-read and applied again when someone answered
 * meanwhile). Raising the places moves the first waiting up; lowering them takes no place away.
 */
export async function saveEdit(
  deps: CoreDeps,
  ctx: CommandContext,
  community: Community,
  locale: Locale,
  original: CommunityEvent,
  input: EventInput,
): Promise<Reply> {
  let before = original;
  for (let attempt = 0; attempt < 5; attempt++) {
    const { capacity: _c, remind: _r, repeat: _p, ...kept } = before;
    const { event: after, promoted } = withCapacity({ ...kept, ...input, capacity: before.capacity }, input.capacity);
    const lines = changes(locale, before, after);
    const plan = remindersOf(before).join() !== remindersOf(after).join() || before.repeat !== after.repeat;
    if (lines.length === 0 && !plan) return ephemeral(t(locale, 'event.edited.same', { title: after.title }));
    const saved = await deps.events.save(ctx.tenant, { ...after, version: before.version + 1 });
    if (saved === 'saved') {
      const told = [...before.going, ...before.maybe].filter((u) => !promoted.includes(u));
      const start = when(after.startsAt);
      const changedNote = (l: Locale) => [t(l, 'event.changed', { title: after.title }), changes(l, before, after).join('\n')];
      await deps.deferred.run([
        ...redraw(ctx.tenant, community.id, after.id, minuteNow(deps)),
        ...(lines.length > 0 ? await tellEach(deps, community, told, changedNote) : []),
        ...(await tellEach(deps, community, promoted, (l) => [t(l, 'event.promoted', { title: after.title, start })])),
      ]);
      const kept = after.capacity !== undefined && after.going.length > after.capacity;
      return ephemeral(
        [
          t(locale, 'event.edited', { title: after.title }),
          ...(lines.length > 0 ? [tn(locale, 'event.told', told.length)] : []),
          ...(kept ? [t(locale, 'event.edited.kept', { going: after.going.length })] : []),
        ].join(' '),
      );
    }
    const fresh = await deps.events.get(ctx.tenant, community.id, original.id);
    if (!fresh) return ephemeral(t(locale, 'event.gone'));
    before = fresh;
  }
  return ephemeral(t(locale, 'event.conflict'));
}

/** Editing an upcoming event: its modal, filled with what it is now (the submission is `event.save`). */
export const eventEditHandlers: Pick<Handlers<EventCommand>, 'event.edit'> = {
  'event.edit': managedEvent(async (_cmd, _ctx, _deps, { locale, community, event }) => {
    if (event.cancelledAt) return ephemeral(t(locale, 'event.cancelled.already', { title: event.title }));
    const { DateTime } = await import('luxon');
    // Written the way the `when` field reads it back, in the community's zone.
    const written = `${DateTime.fromSeconds(event.startsAt, { zone: communityZone(community) }).toFormat('yyyy-MM-dd HH:mm')} ${event.minutes}m`;
    return {
      kind: 'modal',
      modal: {
        id: 'event',
        state: editState(event.id),
        title: t(locale, 'event.modal.edit.title'),
        submit: t(locale, 'event.modal.edit.submit'),
        fields: eventFields(locale, event, written),
      },
    };
  }),
};
