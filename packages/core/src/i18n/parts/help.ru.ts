import type { helpEn } from './help.en.ts';

/** Russian messages of the help texts (merged into `ru.ts`). */
export const helpRu: Record<keyof typeof helpEn, string> = {};
