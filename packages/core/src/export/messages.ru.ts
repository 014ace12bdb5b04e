import type { exportEn } from './messages.en.ts';

/** The export feature's messages in Russian: the type makes a missing key a compile error. */
export const exportRu: Record<keyof typeof exportEn, string> = {
  'cmd.export.description': 'Все данные сообщества файлами в личные сообщения (лидеры)',
  'export.forbidden': 'Выгружать данные сообщества могут только лидеры (координатор, лидеры ролей и администраторы).',
  'export.started': 'Готовлю выгрузку: файлы придут в личные сообщения через минуту.',
  'export.failed': 'Экспорт не удался. Если файлы не придут в течение часа, запустите {cmd:export} снова.',
  'export.ready.one': 'Всё, что есть о сообществе «{community}» в Organizer: {count} файл.',
  'export.ready.few':
    'Всё, что есть о сообществе «{community}» в Organizer: {count} файла (один JSON со всем и по CSV на каждый вид записей).',
  'export.ready.many':
    'Всё, что есть о сообществе «{community}» в Organizer: {count} файлов (один JSON со всем и по CSV на каждый вид записей).',
  'export.ready.other':
    'Всё, что есть о сообществе «{community}» в Organizer: {count} файла (один JSON со всем и по CSV на каждый вид записей).',
  'export.progress': 'Готовлю выгрузку сообщества «{community}»…',
  'export.done.one': 'Выгрузка сообщества «{community}» отправлена: {count} файл: {list}.',
  'export.done.few': 'Выгрузка сообщества «{community}» отправлена: {count} файла: {list}.',
  'export.done.many': 'Выгрузка сообщества «{community}» отправлена: {count} файлов: {list}.',
  'export.done.other': 'Выгрузка сообщества «{community}» отправлена: {count} файла: {list}.',
  'help.about.export': 'все данные файлами вам лично',
};
