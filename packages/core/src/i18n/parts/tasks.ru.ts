import type { tasksEn } from './tasks.en.ts';

/** Russian messages of the tasks texts (merged into `ru.ts`). */
export const tasksRu: Record<keyof typeof tasksEn, string> = {};
