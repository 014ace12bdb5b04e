import type { peopleEn } from './people.en.ts';

/** Russian messages of the people texts (merged into `ru.ts`). */
export const peopleRu: Record<keyof typeof peopleEn, string> = {
  'people.none': 'Не нашёл здесь никого с именем «{name}». Выберите человека из списка, который открывается, когда вы набираете @.',
  'people.one': 'Никого здесь не зовут ровно «{name}». Может быть, {last}? Наберите имя так, как оно показано.',
  'people.several': 'Под «{name}» подходят несколько человек: {first} или {last}? Наберите имя так, как оно показано.',
  'people.several.more.one': 'Под «{name}» подходят многие: {people} и ещё {count}. Наберите полное имя того, кого имеете в виду.',
  'people.several.more.few': 'Под «{name}» подходят многие: {people} и ещё {count}. Наберите полное имя того, кого имеете в виду.',
  'people.several.more.many': 'Под «{name}» подходят многие: {people} и ещё {count}. Наберите полное имя того, кого имеете в виду.',
  'people.several.more.other': 'Под «{name}» подходят многие: {people} и ещё {count}. Наберите полное имя того, кого имеете в виду.',
  'people.unavailable':
    'Сейчас не получилось найти «{name}» среди участников. Попробуйте через минуту или выберите человека из списка, который открывается, когда вы набираете @.',
  'role.notFound.roles': 'Роли «{role}» нет. Роли здесь: {roles}.',
  'role.exactly': 'Роли, которая называется ровно «{role}», нет. Может быть, «{name}»? Чтобы удалить роль, наберите её название полностью.',
  'role.several': 'Под «{role}» подходят несколько ролей: {first} или {last}?',
  'assign.usage.example': 'Укажите кого и какую роль, например {cmd:assign @кто|{role}|lead}. Роли здесь: {roles}.',
  'unassign.told.role': '<@{leader}> снял(а) вас с роли **{role}** в сообществе {community}. Спасибо за то, что вы в ней сделали.',
  'unassign.told.lead':
    '<@{leader}> снял(а) вас с руководства ролью **{role}** в сообществе {community}. Спасибо за то, что вы сделали как её руководитель.',
  'unassign.told.offer': '<@{leader}> отозвал(а) предложение войти в роль **{role}** в сообществе {community}; отвечать на него не нужно.',
} as const;
