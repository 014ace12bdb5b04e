import type { strategyEn } from './messages.en.ts';

/** The strategy feature's messages in Russian: the type makes a missing key a compile error. */
export const strategyRu: Record<keyof typeof strategyEn, string> = {
  'cmd.strategy.description': 'Стратегия: прочитать, изменить (лидеры) или посмотреть версии',
  'cmd.strategy.action.description': 'show, edit или history',
  'cmd.strategy.number.description': 'Какую версию показать (history)',
  'strategy.title': 'Стратегия',
  'strategy.modal.title': 'Стратегия',
  'strategy.modal.submit': 'Сохранить',
  'strategy.goal.label': 'Цель: что изменится и насколько',
  'strategy.goal.hint': 'Измеримо: «30 жильцов подпишут петицию, и к марту починят отопление»',
  'strategy.change.label': 'Как произойдут изменения',
  'strategy.change.hint': 'Если мы …, то …, потому что …',
  'strategy.tactics.label': 'Выбранные тактики',
  'strategy.tactics.hint': 'Петиция, общее собрание, делегация в совет… по одной в строке',
  'strategy.timeline.label': 'Сроки: к какому времени',
  'strategy.timeline.hint': 'Вехи и дата, к которой всё должно быть сделано',
  'strategy.empty': 'Стратегии пока нет. Лидеры пишут её командой {cmd:strategy.edit}.',
  'strategy.empty.leader': 'Стратегии пока нет. Напишите её по методу: измеримая цель, как произойдут изменения, тактики, сроки.',
  'strategy.version': 'Версия {version} · {cmd:strategy.history} — прежние версии',
  'strategy.edit': 'Изменить стратегию',
  'strategy.propose': 'Предложить эту стратегию',
  'strategy.adopted': '✅ Принята сообществом {date} (решение «{title}»).',
  'strategy.adopted.older': 'Сообщество приняло версию {version} {date} (решение «{title}»); эту версию ему ещё не предлагали.',
  'strategy.forbidden':
    'Менять стратегию могут только лидеры (координатор, лидеры ролей и администраторы). Прочитать её может каждый: {cmd:strategy}.',
  'strategy.tooLong': '{field}: слишком длинно, до {max} символов.',
  'strategy.blank': 'Стратегия пустая, поэтому ничего не сохранено.',
  'strategy.conflict': 'Кто-то уже сохранил стратегию. Откройте её снова, чтобы увидеть новую версию.',
  'strategy.saved': 'Стратегия сохранена, версия {version}: написано частей — {done} из {total}.',
};
