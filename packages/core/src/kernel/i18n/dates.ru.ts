import type { datesEn } from './dates.en.ts';

/** Russian messages of the dates texts (merged into `ru.ts`). */
export const datesRu: Record<keyof typeof datesEn, string> = {
  'dates.past': 'Эта дата уже прошла: {when} ({zone}). Укажите дату не раньше сегодняшней, например `пятница` или `5 декабря`.',
  'dates.pastTime': 'Это время уже прошло: {when} ({zone}). Укажите время, которое ещё впереди, например `пятница 18:00`.',
  'tz.choose': 'В «{place}» больше одного часового пояса. Какой из них? {zones}. Например: {cmd:tz {example}}.',
  'tz.invalidName':
    'Не знаю часового пояса «{zone}». Назовите город или страну (`Москва`, `Берлин`, `Германия`) или имя из базы IANA, например `Europe/Moscow`, `Asia/Yekaterinburg` или `UTC`.',
  'dates.length.label': 'Длительность',
  'dates.length.hint': 'Сколько длится, например 2ч или 90мин (по умолчанию 2 часа)',
  'dates.zone.label': 'Часовой пояс',
  'dates.window.label': 'Сводка через',
  'dates.window.hint': 'Сколько часов собираются ответы до сводки, например 4ч (по умолчанию)',
  'dates.days.label': 'Дни',
  'dates.time.label': 'Время',
  'dates.day.mon': 'Понедельник',
  'dates.day.tue': 'Вторник',
  'dates.day.wed': 'Среда',
  'dates.day.thu': 'Четверг',
  'dates.day.fri': 'Пятница',
  'dates.day.sat': 'Суббота',
  'dates.day.sun': 'Воскресенье',
  'dates.window.placeholder': '4ч',
  'campaign.end.placeholder': 'через 8 недель',
} as const;
