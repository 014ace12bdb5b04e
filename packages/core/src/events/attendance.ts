import { forLeaders } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { EventCommand } from './commands.ts';
import { attendanceState } from './ids.ts';
import { communityOf } from './manage.ts';
import { mayManage, pickEvent } from './pick.ts';

/** Who came to an event: the organizer's picker (from the debrief prompt, a direct message) or typed mentions. */
export const eventAttendanceHandlers: Pick<Handlers<EventCommand>, 'event.attendance.open' | 'event.attended'> = {
  'event.attendance.open': async (cmd, ctx, deps) => {
    const resolved = await communityOf(cmd, ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const event = await deps.events.get(ctx.tenant, community.id, cmd.eventId);
    if (!event) return ephemeral(t(locale, 'event.gone'));
    if (!(await mayManage(community, ctx, event))) return ephemeral(t(locale, 'event.forbidden'));
    if (event.startsAt * 1000 > deps.now().getTime()) return ephemeral(t(locale, 'event.attended.early'));
    return {
      kind: 'modal',
      modal: {
        id: 'attendance',
        state: attendanceState(ctx.tenant.id, community.id, event.id),
        title: t(locale, 'event.attendance.title'),
        submit: t(locale, 'event.attendance.submit'),
        fields: [
          {
            id: 'people',
            label: t(locale, 'event.attendance.people'),
            hint: t(locale, 'event.attendance.hint'),
            multiline: false,
            required: false,
            maxLength: 200,
            users: event.attended.length > 0 ? event.attended : event.going,
          },
        ],
      },
    };
  },

  'event.attended': async (cmd, ctx, deps) => {
    // From the picker (which names its community): the people chosen are who came. Typed: they are added.
    const fromPicker = cmd.communityId !== undefined;
    const resolved = fromPicker ? await communityOf(cmd, ctx, deps) : await forLeaders(ctx, deps, 'event.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    if (!fromPicker && (!cmd.eventId || cmd.userIds.length === 0)) return ephemeral(t(locale, 'event.attended.usage'));
    if (fromPicker && cmd.userIds.length === 0)
      return { kind: 'fieldErrors', errors: { people: t(locale, 'event.attended.none') }, text: t(locale, 'event.attended.none') };
    const picked = fromPicker
      ? { event: await deps.events.get(ctx.tenant, community.id, cmd.eventId ?? '') }
      : await pickEvent(deps, community, locale, cmd.eventId, 'started');
    if ('reply' in picked) return picked.reply;
    for (let attempt = 0, event = picked.event; attempt < 5; attempt++) {
      if (!event) return ephemeral(t(locale, 'event.gone'));
      if (fromPicker && !(await mayManage(community, ctx, event))) return ephemeral(t(locale, 'event.forbidden'));
      if (event.startsAt * 1000 > deps.now().getTime()) return ephemeral(t(locale, 'event.attended.early'));
      const attended = fromPicker ? [...new Set(cmd.userIds)] : [...new Set([...event.attended, ...cmd.userIds])];
      const newcomers = attended.filter((u) => !event?.attended.includes(u));
      if ((await deps.events.save(ctx.tenant, { ...event, attended, version: event.version + 1 })) === 'saved') {
        // Counting each person is one write each: the worker does it (once per person and event: only newcomers).
        if (newcomers.length > 0)
          await deps.deferred.run([{ kind: 'count', tenant: ctx.tenant, communityId: community.id, userIds: newcomers, act: 'attended' }]);
        return ephemeral(t(locale, 'event.attended.saved', { title: event.title, count: attended.length, going: event.going.length }));
      }
      event = await deps.events.get(ctx.tenant, community.id, event.id);
    }
    return ephemeral(t(locale, 'event.conflict'));
  },
};
