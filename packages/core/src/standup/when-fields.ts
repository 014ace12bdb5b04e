import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { ModalField } from '../kernel/reply.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** What a stand-up's `when` says, when editing one. */
export interface WhenSetting {
  readonly days: readonly number[];
  readonly time: string;
  readonly zone: string;
  readonly windowMinutes: number;
}

/**
 * The stand-up modal's `when` as fields: one text field ("mon-fri 09:30 Europe/Moscow 4h") where modals
 * hold only text, and on Slack day checkboxes and a time picker, with the zone and the summary window
 * beside them (`pickerOnly`); the submission joins them back into the same words (`commandForModal`).
 */
export function standupWhenFields(locale: Locale, zone: string, existing: WhenSetting | undefined, text: ModalField): ModalField[] {
  const short = (required: boolean, maxLength: number) => ({ multiline: false, required, maxLength, pickerOnly: true });
  return [
    {
      ...text,
      picker: 'days',
      pickerLabel: t(locale, 'dates.days.label'),
      picked: (existing?.days ?? [1, 2, 3, 4, 5]).map((d) => DAYS[d - 1]).join(','),
      options: DAYS.map((day) => ({ value: day, label: t(locale, `dates.day.${day}`) })),
    },
    { id: 'at', label: t(locale, 'dates.time.label'), picker: 'time', picked: existing?.time ?? '09:00', ...short(true, 5) },
    { id: 'zone', label: t(locale, 'dates.zone.label'), value: existing?.zone ?? zone, ...short(false, 60) },
    {
      id: 'window',
      label: t(locale, 'dates.window.label'),
      hint: t(locale, 'dates.window.hint'),
      placeholder: t(locale, 'dates.window.placeholder'),
      ...(existing ? { value: `${existing.windowMinutes / 60}h` } : {}),
      ...short(false, 4),
    },
  ];
}

/** A submitted stand-up modal's `when`: the text field, or the Slack pickers joined into the same words. */
export function joinedWhen(values: Readonly<Record<string, string>>): string | undefined {
  if (values.at === undefined) return values.when;
  return [values.when, values.at, values.zone, values.window].filter((part) => part?.trim()).join(' ');
}
