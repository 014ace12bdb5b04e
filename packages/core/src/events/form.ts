import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { ModalField, Reply } from '../kernel/reply.ts';
import { fieldErrors } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { EventCommandOf } from './commands.ts';
import { type CommunityEvent, defaultReminders, eventLimits, remindersOf, repeats } from './model.ts';
import { parseReminders, parseRepeat, remindersText } from './pick.ts';

/** What the event modal says, read and checked: the event's fields, or the errors to show field by field. */
export type EventInput = Pick<
  CommunityEvent,
  'title' | 'startsAt' | 'minutes' | 'place' | 'description' | 'capacity' | 'remind' | 'repeat'
>;

/** Reads the event modal's fields in the community's zone; an edit keeps what a modal did not show. */
export async function readEventInput(
  cmd: EventCommandOf<'event.save'>,
  locale: Locale,
  zone: string,
  now: Date,
  existing: CommunityEvent | undefined,
): Promise<EventInput | Reply> {
  const { parseStart } = await import('../kernel/due-date.ts');
  const title = clip((cmd.title ?? '').replace(/\s+/g, ' ').trim(), eventLimits.title);
  const place = clip((cmd.place ?? '').trim(), eventLimits.place);
  const start = cmd.when?.trim() ? parseStart(cmd.when, zone, now, locale) : undefined;
  const capacityText = (cmd.capacity ?? '').trim();
  const capacity = capacityText ? Number(capacityText) : undefined;
  // Fields a modal did not show (Discord holds five) keep what the event has.
  const remind = cmd.remind === undefined && existing ? remindersOf(existing) : parseReminders(cmd.remind, defaultReminders);
  const repeat = cmd.repeat === undefined ? (existing?.repeat ?? 'off') : parseRepeat(cmd.repeat);
  const errors: Record<string, string> = {};
  if (!title) errors.title = t(locale, 'event.error.title');
  if (!place) errors.place = t(locale, 'event.error.place');
  if (!start) errors.when = t(locale, 'event.error.when');
  // An edit may leave a started event's time as it is; a new time must still be to come.
  else if (start.startsAt * 1000 < now.getTime() && start.startsAt !== existing?.startsAt) {
    const { describeMoment } = await import('../kernel/dates.ts');
    errors.when = t(locale, 'dates.pastTime', {
      when: describeMoment({ date: '', ...start, at: start.startsAt }, { zone, now, locale }),
      zone,
    });
  }
  if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 1 || capacity > eventLimits.capacity))
    errors.capacity = t(locale, 'event.error.capacity');
  if (!remind) errors.remind = t(locale, 'event.error.remind');
  if (!repeat) errors.repeat = t(locale, 'event.error.repeat');
  if (!start || !remind || !repeat || Object.keys(errors).length > 0) return fieldErrors(errors);
  return {
    title,
    startsAt: start.startsAt,
    minutes: start.minutes,
    place,
    description: clip((cmd.description ?? '').trim(), eventLimits.description),
    ...(capacity !== undefined ? { capacity } : {}),
    // The default is stored as absent, as events made before reminders could be chosen.
    ...(remind.join() !== defaultReminders.join() ? { remind } : {}),
    ...(repeat !== 'off' ? { repeat } : {}),
  };
}

/**
 * The event modal's fields, filled from `event` when editing it (`when` as the day, time and length it reads back).
 * Discord shows a modal's first five: there, reminders and repeat are set with `event repeat` and keep their values.
 */
export function eventFields(locale: Locale, event?: CommunityEvent, when?: string): ModalField[] {
  const value = (text: string | undefined) => (text ? { value: text } : {});
  return [
    {
      id: 'title',
      label: t(locale, 'event.title.label'),
      multiline: false,
      required: true,
      maxLength: eventLimits.title,
      ...value(event?.title),
    },
    {
      id: 'when',
      label: t(locale, 'event.when.label'),
      hint: t(locale, 'event.when.hint'),
      placeholder: t(locale, 'event.when.placeholder'),
      pickerLabel: t(locale, 'event.start.label'),
      multiline: false,
      required: true,
      maxLength: 60,
      ...value(when),
      // Slack picks the day and time; the length then has a field of its own (`length`, read with `when`).
      picker: 'datetime',
      ...(event ? { picked: String(event.startsAt) } : {}),
    },
    {
      id: 'length',
      label: t(locale, 'dates.length.label'),
      hint: t(locale, 'dates.length.hint'),
      placeholder: t(locale, 'event.length.placeholder'),
      multiline: false,
      required: false,
      maxLength: 10,
      pickerOnly: true,
      ...value(event ? `${event.minutes}m` : undefined),
    },
    {
      id: 'place',
      label: t(locale, 'event.place.label'),
      multiline: false,
      required: true,
      maxLength: eventLimits.place,
      ...value(event?.place),
    },
    {
      id: 'capacity',
      label: t(locale, 'event.capacity.label'),
      hint: t(locale, 'event.capacity.hint'),
      multiline: false,
      required: false,
      maxLength: 6,
      ...value(event?.capacity !== undefined ? String(event.capacity) : undefined),
    },
    {
      id: 'description',
      label: t(locale, 'event.description.label'),
      multiline: true,
      required: false,
      maxLength: eventLimits.description,
      ...value(event?.description),
    },
    {
      id: 'remind',
      label: t(locale, 'event.remind.label'),
      hint: t(locale, 'event.remind.hint'),
      multiline: false,
      required: false,
      maxLength: 100,
      value: remindersText(locale, event ? remindersOf(event) : defaultReminders),
    },
    {
      id: 'repeat',
      label: t(locale, 'event.repeat.label'),
      multiline: false,
      required: false,
      maxLength: 20,
      value: event?.repeat ?? 'off',
      options: (['off', ...repeats] as const).map((r) => ({ value: r, label: t(locale, `event.repeat.${r}`) })),
    },
  ];
}
