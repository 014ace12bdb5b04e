import type { peopleEn } from './people.en.ts';

/** Russian messages of the people texts (merged into `ru.ts`). */
export const peopleRu: Record<keyof typeof peopleEn, string> = {};
