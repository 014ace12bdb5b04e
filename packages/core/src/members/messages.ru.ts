import type { membersEn } from './messages.en.ts';

/** The members feature's messages in Russian: the type makes a missing key a compile error. */
export const membersRu: Record<keyof typeof membersEn, string> = {
  'cmd.away.description': 'Приостановить стендапы и напоминания до даты',
  'cmd.away.until.description': 'Последний день отсутствия, например 2026-12-20 или пятница',
  'cmd.away.off.description': 'Вы вернулись: снять паузу сейчас',
  'away.set':
    'Вы отсутствуете по **{date}** включительно: до этого дня не будет ни стендапов, ни напоминаний. {cmd:away.off} снимет паузу раньше.',
  'away.off': 'С возвращением: стендапы и напоминания снова включены.',
  'help.about.away': 'приостановить напоминания',
  'help.about.away.off': 'вернуться раньше',
  'away.bad': 'Не получилось понять дату «{date}». Попробуйте {cmd:away 2026-12-20}, `until пятница` или `до 5 декабря`.',
};
