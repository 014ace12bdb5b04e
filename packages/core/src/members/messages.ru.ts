import type { membersEn } from './messages.en.ts';

/** The members feature's messages in Russian: the type makes a missing key a compile error. */
export const membersRu: Record<keyof typeof membersEn, string> = {
  'cmd.tz.description': 'Часовой пояс сообщества для сроков',
  'cmd.tz.zone.description': 'Город, страна или зона IANA: Москва, Германия, Europe/Moscow',
  'tz.current': 'Сроки считаются по зоне **{zone}**. Лидер меняет её: {cmd:tz Europe/Moscow}.',
  'tz.set': 'Теперь сроки считаются по зоне **{zone}**.',
  'tz.invalid': '«{zone}» — незнакомый часовой пояс. Укажите имя IANA, например `Europe/Moscow`, `Asia/Almaty` или `UTC`.',
  'tz.forbidden': 'Часовой пояс меняют только лидеры (координатор, руководители ролей и администраторы).',
  'cmd.tz.me.description': 'Ваш личный часовой пояс вместо пояса сообщества',
  'cmd.away.description': 'Приостановить стендапы и напоминания до даты',
  'cmd.away.until.description': 'Последний день отсутствия, например 2026-12-20 или пятница',
  'cmd.away.off.description': 'Вы вернулись: снять паузу сейчас',
  'tz.mine': 'Ваши стендапы и напоминания идут по поясу **{zone}**. Сменить: {cmd:tz.me Europe/Moscow}.',
  'tz.mineSet': 'Ваши стендапы и напоминания теперь идут по поясу **{zone}**.',
  'away.set':
    'Вы отсутствуете по **{date}** включительно: до этого дня не будет ни стендапов, ни напоминаний. {cmd:away.off} снимет паузу раньше.',
  'away.off': 'С возвращением: стендапы и напоминания снова включены.',
  'away.bad': 'Не получилось понять дату «{date}». Попробуйте {cmd:away 2026-12-20}, `until пятница` или `до 5 декабря`.',
};
