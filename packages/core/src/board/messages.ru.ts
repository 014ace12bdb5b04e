import type { boardEn } from './messages.en.ts';

/** Russian texts of the living board in the home channel (merged into `ru.ts`). */
export const boardRu: Record<keyof typeof boardEn, string> = {
  'board.forbidden': 'Вывесить доску в канале могут только лидеры (координатор, ведущие ролей и администраторы).',
  'board.started':
    'Доска семи этапов публикуется в <#{channel}> и закрепляется там (где мне можно закреплять). Дальше она меняется на месте, как только меняется прогресс.',
  'board.redrawn': 'Доска в <#{channel}> уже висит, поэтому я перерисовываю её на месте, а не публикую вторую.',
  'board.stopped': 'Доска в <#{channel}> больше не обновляется и открепляется. {cmd:board} вывесит новую.',
  'board.none': 'Доски, которую можно остановить, нет. {cmd:board} вывесит её в <#{channel}>.',
  'board.footer': '📌 Эта доска меняется на месте вместе с сообществом. {cmd:status} покажет её только вам.',
  'help.about.board': 'вывесить в канале доску семи этапов: закреплённую и всегда свежую',
  'help.about.board.off': 'перестать обновлять доску в канале и открепить её',
};
