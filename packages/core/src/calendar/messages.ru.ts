import type { calendarEn } from './messages.en.ts';

/** The calendar feature's messages in Russian: the type makes a missing key a compile error. */
export const calendarRu: Record<keyof typeof calendarEn, string> = {
  'cmd.me.description': 'Ваше личное: ссылки на календарь, язык, часовой пояс, отпуск',
  'cmd.calendar.description': 'Календари событий сообщества и ваших собственных',
  'cmd.calendar.reset.description': 'Лидеры: новые ссылки, чтобы старые перестали работать',
  'cmd.me.community.description': 'Лидеры: для всего сообщества, а не только для вас',
  'calendar.links':
    'Календари этого сообщества:\n• События сообщества, этапы и вехи кампаний: {community}\n• Ваши события («Иду» или «Может быть») и сроки задач: {mine}',
  'calendar.how':
    'Чтобы подписаться, добавьте в своём календаре подписку по адресу (календарь из интернета) и вставьте ссылку: так умеют календари телефонов, почты и браузера. Календарь может прочитать любой, у кого есть ссылка: свою не передавайте.',
  'calendar.reset.done': 'Готово: прежние ссылки на календари больше не работают. Вот новые.',
  'calendar.reset.forbidden':
    'Сбросить ссылки на календари могут только лидеры (координатор, руководители ролей и администраторы). Ваши ссылки: {cmd:calendar}.',
  'calendar.unavailable': 'Календари здесь ещё не настроены: оператору нужно задать `CALENDAR_SECRET`.',
  'calendar.feed.phase': '{campaign}: {phase}',
  'calendar.feed.milestone': '{campaign}: {milestone}',
  'calendar.feed.task': 'Срок: {task}',
  'calendar.feed.mine': '{community}: моё',
  'help.about.calendar': 'календари для подписки: сообщества и ваш собственный',
  'help.about.calendar.reset': 'новые ссылки на календари вместо старых',
};
