/** English messages of the events texts (merged into `en.ts`). */
export const eventsEn = {} as const;
