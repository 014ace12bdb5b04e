import type { datesEn } from './dates.en.ts';

/** Russian messages of the dates texts (merged into `ru.ts`). */
export const datesRu: Record<keyof typeof datesEn, string> = {};
