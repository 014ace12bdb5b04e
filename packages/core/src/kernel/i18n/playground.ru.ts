import type { playgroundEn } from './playground.en.ts';

/** Russian messages of the playground texts (merged into `ru.ts`). */
export const playgroundRu: Record<keyof typeof playgroundEn, string> = {
  'playground.submit': 'Отправить',
  'playground.edited': '(изменено)',
  'playground.notYours': 'Эту кнопку может нажать только {name}: выберите этого человека в поле «Вы».',
  'playground.home.tab': 'Главная',
  'playground.home.title': 'Вкладка «Главная» Organizer глазами: {name}',
  'playground.home.published': 'Вкладка «Главная» для: {name}, нарисована заново',
  'playground.home.empty': 'Organizer ещё не нарисовал эту вкладку: он делает это, когда её открывают.',
  'playground.side.open': 'Рядом: канал Slack и канал Discord',
  'playground.side.lead':
    'Канал Slack и канал Discord, у каждого своё поле ввода. Выполните /community link с одной стороны и /community link join code: с другой, чтобы они стали одним сообществом.',
  'playground.side.close': 'Вернуться к одному месту',
};
