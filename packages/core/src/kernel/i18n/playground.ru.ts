import type { playgroundEn } from './playground.en.ts';

/** Russian messages of the playground texts (merged into `ru.ts`). */
export const playgroundRu: Record<keyof typeof playgroundEn, string> = {
  'playground.submit': 'Отправить',
  'playground.edited': '(изменено)',
  'playground.notYours': 'Эту кнопку может нажать только {name}: выберите этого человека в поле «Вы».',
};
