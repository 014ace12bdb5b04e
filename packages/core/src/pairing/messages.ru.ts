import type { pairingEn } from './messages.en.ts';

/** The pairing feature's messages in Russian: the type makes a missing key a compile error. */
export const pairingRu: Record<keyof typeof pairingEn, string> = {
  'pair.conflict': 'Знакомства изменились, пока я сохранял. Попробуйте ещё раз.',
  'cmd.pair.description': 'Раунды знакомств: join, leave, snooze, status; start, stop, now (лидеры)',
  'cmd.pair.action.description': 'Что сделать',
  'cmd.pair.weeks.description': 'Недель между раундами (start)',
  'cmd.pair.newcomers.description': 'Сначала знакомить новичков с лидерами (start)',
  'cmd.pair.until.description': 'Пауза до этого дня (snooze)',
  'pair.forbidden':
    'Запускать, останавливать и проводить раунды знакомств могут только лидеры (координатор, лидеры ролей и администраторы).',
  'pair.weeks': 'Раунды идут раз в 1–{max} недель: {cmd:pair.start 2}.',
  'pair.stopped': 'Раунды знакомств выключены. Прошлые раунды сохранены.',
  'pair.now': 'Провожу раунд сейчас: каждый получит личное сообщение.',
  'pair.joined': 'Вы участвуете в раундах знакомств. Перерыв — {cmd:pair.snooze <дата>}, выйти — `pair leave`.',
  'pair.left': 'Вы больше не участвуете в раундах знакомств.',
  'pair.snooze.bad': 'Не получилось понять «{date}». Попробуйте {cmd:pair.snooze 2026-12-31} или `до пятницы`.',
  'pair.snoozed': 'Без знакомств для вас по {date} включительно.',
  'pair.status.none': 'Раундов ещё не было.',
  'pair.status.in': 'Вы участвуете.',
  'pair.status.out': 'Вы не участвуете: {cmd:pair.join}.',
  'pair.and': ' и ',
  'pair.intro':
    'В этом раунде {community} познакомьтесь: {others}! Найдите полчаса на этой неделе для встречи один на один: кофе, прогулка или звонок.',
  'pair.questions': 'Для начала: что привело вас сюда? Что вам важнее всего в нашем сообществе? Что мы могли бы сделать вместе?',
  'pair.checkin': 'Вы встретились с {others}?',
  'pair.met': 'Встретились',
  'pair.notyet': 'Ещё нет',
  'pair.skip': 'Пропустить',
  'pair.answer.met': 'Отлично: встреча записана как встреча один на один для каждого из вас.',
  'pair.answer.notyet': 'Не спешите: до следующего раунда ещё есть время.',
  'pair.answer.skip': 'Пропущено. До следующего раунда.',
  'pair.answer.already': 'Кто-то из вашей группы уже отметил встречу. Спасибо!',
  'pair.gone': 'Этот раунд знакомств уже закрыт.',
};
