import type { timezoneEn } from './messages.en.ts';

/** The timezone feature's messages in Russian: the type makes a missing key a compile error. */
export const timezoneRu: Record<keyof typeof timezoneEn, string> = {
  'cmd.tz.description': 'Часовой пояс сообщества для сроков',
  'cmd.tz.zone.description': 'Город, страна или зона IANA: Москва, Германия, Europe/Moscow',
  'cmd.tz.me.description': 'Ваш личный часовой пояс вместо пояса сообщества',
  'tz.current': 'Сроки считаются по зоне **{zone}**. Лидер меняет её: {cmd:tz Europe/Moscow}.',
  'tz.set': 'Теперь сроки считаются по зоне **{zone}**.',
  'tz.invalid': '«{zone}» — незнакомый часовой пояс. Укажите имя IANA, например `Europe/Moscow`, `Asia/Almaty` или `UTC`.',
  'tz.forbidden': 'Часовой пояс меняют только лидеры (координатор, руководители ролей и администраторы).',
  'tz.mine': 'Ваши стендапы и напоминания идут по поясу **{zone}**. Сменить: {cmd:tz.me Europe/Moscow}.',
  'tz.mineSet': 'Ваши стендапы и напоминания теперь идут по поясу **{zone}**.',
  'help.about.tz.me': 'ваш часовой пояс',
  'help.about.tz': 'часовой пояс сообщества',
};
