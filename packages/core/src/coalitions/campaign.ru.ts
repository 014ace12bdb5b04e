import type { coalitionCampaignEn } from './campaign.en.ts';

/** Russian texts of the coalition's shared campaign, typed against English's keys. */
export const coalitionCampaignRu: Record<keyof typeof coalitionCampaignEn, string> = {
  'cmd.coalition.campaign.description': 'Общая кампания коалиции: цель, срок и этапы для всех (лидеры)',
  'help.about.coalition.campaign': 'общая кампания коалиции, которую каждое сообщество ведёт как свою',
  'coalition.campaign.title': 'Общая кампания',
  'coalition.campaign.submit': 'Сохранить',
  'coalition.campaign.name.label': 'Название',
  'coalition.campaign.goal.label': 'Общая цель',
  'coalition.campaign.goal.hint': 'Измеримая: что будет правдой к концу, считая все сообщества',
  'coalition.campaign.end.label': 'Дата окончания',
  'coalition.campaign.end.hint': 'В часовом поясе вашего сообщества: «через 8 недель», «31 марта»',
  'coalition.campaign.end.placeholder': 'через 8 недель',
  'coalition.campaign.phases.label': 'Этапы, по одному в строке',
  'coalition.campaign.phases.hint': 'Не больше {max}, каждый до {length} символов; дни делятся поровну',
  'coalition.campaign.error.name': 'Назовите кампанию (до {max} символов).',
  'coalition.campaign.error.goal': 'Напишите общую цель (до {max} символов).',
  'coalition.campaign.error.end': 'Не удалось прочитать дату. Попробуйте «через 8 недель» или «31 марта».',
  'coalition.campaign.error.short': 'Кампании нужно не меньше {days} дней и хотя бы день на каждый этап.',
  'coalition.campaign.error.phases': 'Напишите этапы по одному в строке: хотя бы один, не больше {max}.',
  'coalition.campaign.error.phaseLong': 'Этап {n} длиной {length} символов; не больше {max}.',
  'coalition.campaign.forbidden':
    'Общую кампанию коалиции задаёт только координатор **{community}** (или администратор пространства или сервера). Ничего не изменено.',
  'coalition.campaign.saved':
    'Общая кампания **{name}** коалиции **{coalition}** сохранена. Каждое сообщество получит её в своём канале с кнопкой, чтобы начать её у себя.',
  'coalition.campaign.conflict':
    'Кто-то уже сохранил общую кампанию **{coalition}**, поэтому ваша не записана поверх. Откройте {cmd:coalition.campaign} снова, чтобы увидеть её.',
  'coalition.campaign.post': '📣 Коалиция **{coalition}** предлагает общую кампанию: **{name}**',
  'coalition.campaign.post.goal': '🎯 {goal}\n🏁 До {end}',
  'coalition.campaign.phase.line': '{n}. {name} · {start} – {end}',
  'coalition.campaign.post.how':
    'Цель и этапы общие; задачи и события остаются своими у этого сообщества ({cmd:task}, {cmd:event.new}). Координатор начинает её здесь:',
  'coalition.campaign.run.button': 'Начать у нас',
  'coalition.campaign.run.forbidden':
    'Начать общую кампанию здесь может только координатор **{community}** ({coordinator}) или администратор пространства или сервера. Ничего не изменено.',
  'coalition.campaign.run.done':
    '**{name}** теперь идёт в **{community}** как своя кампания, с общими с коалицией этапами. Задачи и события добавляйте через {cmd:task} и {cmd:event.new}.',
  'coalition.campaign.run.exists': '**{name}** уже идёт в **{community}**. Ничего не изменено.',
  'coalition.campaign.run.outdated':
    'Это уже не текущая общая кампания коалиции (её изменили или отменили). Смотрите {cmd:coalition.status}.',
  'coalition.campaign.run.tooLate':
    'Общая кампания заканчивается {end}: слишком поздно начинать здесь (кампании нужно не меньше {days} дней).',
  'coalition.campaign.board': '📣 Общая кампания **{name}** · до {end}\n🎯 {goal}\n{phases}',
  'coalition.campaign.board.none': 'Общей кампании пока нет: координатор любого сообщества задаёт её через {cmd:coalition.campaign}.',
  'coalition.campaign.board.runs': '📣 Ведёт общую кампанию · этап: {phase}',
  'coalition.campaign.board.ended': '📣 Вела общую кампанию (она закончилась)',
  'coalition.campaign.board.notYet': '📣 Пока не ведёт общую кампанию',
};
