import type { standupEn } from './standup.en.ts';

/** Russian messages of the standup texts (merged into `ru.ts`). */
export const standupRu: Record<keyof typeof standupEn, string> = {};
