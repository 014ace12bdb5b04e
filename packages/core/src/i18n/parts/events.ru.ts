import type { eventsEn } from './events.en.ts';

/** Russian messages of the events texts (merged into `ru.ts`). */
export const eventsRu: Record<keyof typeof eventsEn, string> = {};
