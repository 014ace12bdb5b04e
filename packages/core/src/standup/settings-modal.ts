import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Modal } from '../kernel/reply.ts';
import { defaultQuestions, type StandupSchedule, standupLimits } from './model.ts';
import { standupWhenFields } from './when-fields.ts';

/** The modal a leader schedules (or edits) a stand-up in: its name, days and time, questions, who and how. */
export function settingsModal(
  locale: Locale,
  community: Community,
  existing: StandupSchedule | undefined,
  name: string | undefined,
): Modal {
  return {
    id: 'standup',
    ...(existing ? { state: existing.id } : {}),
    title: t(locale, 'standup.modal.title'),
    submit: t(locale, 'standup.modal.submit'),
    fields: [
      {
        id: 'name',
        label: t(locale, 'standup.modal.name'),
        value: existing?.name ?? name ?? t(locale, 'standup.defaultName'),
        multiline: false,
        required: true,
        maxLength: standupLimits.name,
      },
      // Day checkboxes and a time picker on Slack; one text field elsewhere.
      ...standupWhenFields(locale, communityZone(community), existing, {
        id: 'when',
        label: t(locale, 'standup.modal.when'),
        hint: t(locale, 'standup.modal.when.hint'),
        placeholder: t(locale, 'standup.modal.when.placeholder', { zone: communityZone(community) }),
        ...(existing ? { value: `${existing.days.join(',')} ${existing.time} ${existing.zone} ${existing.windowMinutes / 60}h` } : {}),
        multiline: false,
        required: true,
        maxLength: 100,
      }),
      {
        id: 'questions',
        label: t(locale, 'standup.modal.questions'),
        hint: t(locale, 'standup.modal.questions.hint', { max: standupLimits.questions }),
        value: (existing?.questions ?? defaultQuestions(locale)).join('\n'),
        multiline: true,
        required: true,
        maxLength: standupLimits.questions * (standupLimits.question + 1),
      },
      {
        id: 'participants',
        label: t(locale, 'standup.modal.who'),
        value: existing?.participants ?? 'optin',
        options: [
          { value: 'optin', label: t(locale, 'standup.who.optin') },
          { value: 'roles', label: t(locale, 'standup.who.roles') },
        ],
        multiline: false,
        required: true,
        maxLength: 20,
      },
      {
        id: 'delivery',
        label: t(locale, 'standup.modal.how'),
        value: existing?.delivery ?? 'channel',
        options: [
          { value: 'channel', label: t(locale, 'standup.how.channel') },
          { value: 'dm', label: t(locale, 'standup.how.dm') },
        ],
        multiline: false,
        required: true,
        maxLength: 20,
      },
    ],
  };
}
