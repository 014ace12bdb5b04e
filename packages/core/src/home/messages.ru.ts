import type { homeEn } from './messages.en.ts';

/** Russian texts of the Slack App Home (merged into `ru.ts`). */
export const homeRu: Record<keyof typeof homeEn, string> = {
  'home.none':
    'Вы пока не состоите ни в одном сообществе Organizer здесь. Сообщество живёт в канале: лидер создаёт его там командой {cmd:setup <name>}, и тогда на этой странице появятся ваши задачи, стендапы, события и решения. {cmd:help} покажет всё, что умеет Organizer.',
  'home.title': '🏠 {name}',
  'home.updated': 'Обновлено {at}',
  'home.nothing': 'Сейчас вас ничего не ждёт.',
  'home.tasks': '**Мои открытые задачи**',
  'home.tasks.how': 'Все — в {cmd:tasks.filter mine}.',
  'home.task': '{icon} **{title}**{due}',
  'home.offers': '**Ждут вашего ответа**',
  'home.offer.task': '⏳ <@{by}> просит вас взять **{title}**{due}',
  'home.offer.lead': '⏳ <@{by}> предлагает вам вести роль **{role}**',
  'home.offer.member': '⏳ <@{by}> предлагает вам войти в роль **{role}**',
  'home.offers.how': 'Ответьте на первые — остальные появятся следом.',
  'home.standups': '**Мои стендапы сегодня**',
  'home.standup.open': '🗣 **{name}** открыт: ответьте здесь.',
  'home.standup.later': '🗣 **{name}** в {time} ({zone})',
  'home.events': '**Скоро (ближайшие 14 дней)**',
  'home.event': '🗓 **{title}** · {start} · 📍 {place}\n{answer}',
  'home.event.going': 'Вы идёте.',
  'home.event.maybe': 'Вы ответили «может быть».',
  'home.event.cant': 'Вы не сможете прийти.',
  'home.event.waitlisted': 'Вы в листе ожидания.',
  'home.event.none': 'Вы ещё не ответили.',
  'home.events.how': 'Все — в {cmd:events}.',
  'home.decisions': '**Открытые предложения и опросы**',
  'home.decision.proposal': '🤝 **{title}** · до {closes}',
  'home.decision.poll': '🗳 **{title}** · до {closes}',
  'home.decisions.how': 'Все — в {cmd:decisions}.',
  'home.leaders': 'Для лидеров',
  'home.roles.open': '**Роли без лидера:** {roles}',
  'home.more': '…и ещё — в {cmd:status}: на этой странице помещается не всё.',
  'cmd.me.home.description': 'Что ждёт именно вас: задачи, предложения, стендапы, события, решения',
  'help.about.me': 'что ждёт именно вас, с кнопками: задачи, предложения, стендапы, события',
  'me.buttons.more.one':
    'Ещё у {count} строки здесь нет кнопок (в сообщении их не больше {max} рядов): смотрите {cmd:tasks.filter mine} и {cmd:events}.',
  'me.buttons.more.few':
    'Ещё у {count} строк здесь нет кнопок (в сообщении их не больше {max} рядов): смотрите {cmd:tasks.filter mine} и {cmd:events}.',
  'me.buttons.more.many':
    'Ещё у {count} строк здесь нет кнопок (в сообщении их не больше {max} рядов): смотрите {cmd:tasks.filter mine} и {cmd:events}.',
  'me.buttons.more.other':
    'Ещё у {count} строки здесь нет кнопок (в сообщении их не больше {max} рядов): смотрите {cmd:tasks.filter mine} и {cmd:events}.',
  'me.drawing': 'Собираю вашу сводку…',
  'me.more': '…и ещё — в {cmd:status}: в одно сообщение помещается не всё.',
};
