import type { statusEn } from './status.en.ts';

/** Russian messages of the status texts (merged into `ru.ts`). */
export const statusRu: Record<keyof typeof statusEn, string> = {
  'status.check.done': '✅ {item}',
  'status.check.todo': '⬜ {item}',
  'status.check.count': '{item} {done}/{total}',
  'status.item.story.questions': 'четыре вопроса',
  'status.item.story.vision': 'видение',
  'status.item.story.self': 'истории себя',
  'status.item.story.us': 'история нас',
  'status.item.story.now': 'история сейчас',
  'status.item.relationships.oneOnOnes': 'встречи один на один',
  'status.item.relationships.values': 'общие ценности',
  'status.item.team.coordinator': 'координатор',
  'status.item.team.roles': 'три роли с обязанностями',
  'status.item.team.filled': 'руководитель у каждой роли',
  'status.item.strategy.goal': 'цель',
  'status.item.strategy.theory': 'теория изменений',
  'status.item.strategy.tactics': 'тактики',
  'status.item.strategy.timeline': 'сроки',
  'status.item.expansion.ladder': 'лестница вовлечения',
  'status.item.expansion.welcome': 'новичок встречен',
  'status.item.campaigns.plan': 'кампания',
  'status.item.campaigns.event': 'событие',
  'status.item.campaigns.tasks': 'принятая задача',
  'status.item.next.debrief': 'разбор итогов',
  'status.item.next.actions': 'следующие шаги',
  'status.item.next.celebrate': 'праздник',
  'status.member.offer':
    '«{title}» ждёт вашего ответа: примите или отклоните задачу в сообщении, которое я вам прислал ({cmd:tasks.filter mine})',
  'status.member.overdue': 'Срок задачи «{title}» был {date}: завершите её или верните ({cmd:tasks.filter mine})',
  'status.member.self': 'Расскажите свою историю себя, почему вы здесь: {cmd:story.self}',
  'status.member.oneOnOne': 'Встретьтесь с кем-нибудь один на один и запишите встречу: {cmd:1on1.log}',
  'status.member.events': 'Посмотрите ближайшие события и ответьте, пойдёте ли: {cmd:events}',
  'status.member.pair': 'Познакомьтесь с остальными в раундах знакомств: {cmd:pair.join}',
  'status.member.tasks': 'Ваши задачи: {cmd:tasks.filter mine}',
  'welcome.leader.note':
    '<@{user}> только что пришёл в **{community}** и получил приветствие. Небольшая первая задача и встреча один на один на этой неделе помогут новичку остаться.',
  'welcome.leader.task': 'Предложить задачу',
  'welcome.leader.oneOnOne': 'Назначить встречу 1 на 1',
  'welcome.task.how':
    'Предложите <@{user}> первую небольшую задачу: {cmd:task @…|что|к какому сроку}, указав его как исполнителя. Он сможет принять или отклонить её.',
};
