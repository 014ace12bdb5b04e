import type { statusEn } from './status.en.ts';

/** Russian messages of the status texts (merged into `ru.ts`). */
export const statusRu: Record<keyof typeof statusEn, string> = {};
