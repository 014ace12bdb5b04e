import type { tasksEn } from './tasks.en.ts';

/** Russian messages of the tasks texts (merged into `ru.ts`). */
export const tasksRu: Record<keyof typeof tasksEn, string> = {
  'task.reschedule': 'Перенести',
  'task.drop': 'Снять',
  'task.due.title': 'Новый срок',
  'task.due.submit': 'Сохранить',
  'task.due.label': 'К какому дню',
  'task.due.hint': 'Например: завтра, пятница, 5 декабря, 2026-12-05',
  'task.due.moved': '📅 Новый срок задачи **{title}**: {date}.',
  'task.due.same': 'Срок задачи **{title}** уже {date}.',
  'task.due.bad': 'Не получилось понять дату «{due}». Попробуйте: завтра, пятница, 5 декабря или 2026-12-05.',
  'task.notify.rescheduled': '📅 <@{user}> перенёс(ла) срок задачи **{title}** на {date}.',
  'task.dropped': 'Снято: задачи **{title}** больше нет в списке.',
  'task.notAsker': 'Менять эту задачу могут только её исполнитель и <@{leader}>, кто её предложил.',
  'task.decline.title': 'Отказаться от задачи',
  'task.decline.submit': 'Отказаться',
  'task.decline.label': 'Почему (необязательно)',
  'task.decline.hint': 'Это прочтёт тот, кто предложил задачу.',
  'task.notify.declinedWhy': '<@{user}> отказался(ась) от задачи **{title}**. Причина: {reason}',
  'tasks.declinedWhy': ' · <@{owner}> отказался(ась): {reason}',
  'tasks.declinedBy': ' · <@{owner}> отказался(ась)',
  'tasks.handedBackBy': ' · <@{owner}> вернул(а) задачу',
  'tasks.title.word': 'Задачи по слову «{word}»',
  'tasks.empty.word': 'Нет открытых задач со словом «{word}».',
  'tasks.more.buttons.one':
    'Кнопки есть у первых; ещё {count} задача, с которой вы можете что-то сделать, показана без них. Сузьте список: `/community tasks <слово>`.',
  'tasks.more.buttons.few':
    'Кнопки есть у первых; ещё {count} задачи, с которыми вы можете что-то сделать, показаны без них. Сузьте список: `/community tasks <слово>`.',
  'tasks.more.buttons.many':
    'Кнопки есть у первых; ещё {count} задач, с которыми вы можете что-то сделать, показаны без них. Сузьте список: `/community tasks <слово>`.',
  'tasks.more.buttons.other':
    'Кнопки есть у первых; ещё {count} задачи, с которыми вы можете что-то сделать, показаны без них. Сузьте список: `/community tasks <слово>`.',
  'task.done.usage': 'Назовите задачу словом из её названия, например `/community done зал`.',
  'task.done.which': 'Под «{query}» подходят несколько ваших задач. Какая выполнена?',
  'task.done.none': 'Ни одна из ваших открытых задач не подходит под «{query}».',
  'task.done.yours': 'Ваши открытые задачи:',
  'task.done.nothing': 'Открытых задач у вас сейчас нет.',
  'task.done.notYet': 'Задача **{title}** ждёт вашего ответа: сначала примите её.',
  'campaign.task.dropped': 'снята',
  'cmd.tasks.done.description': 'Отметить свою задачу выполненной (слово из названия)',
  'cmd.tasks.word.description': 'Только задачи с этим словом в названии',
};
