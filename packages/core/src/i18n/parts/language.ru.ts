import type { languageEn } from './language.en.ts';

/** Russian messages of the language texts (merged into `ru.ts`). */
export const languageRu: Record<keyof typeof languageEn, string> = {};
