/** English messages of the dates texts (merged into `en.ts`). */
export const datesEn = {} as const;
