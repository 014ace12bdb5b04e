/** English messages of the people texts (merged into `en.ts`). */
export const peopleEn = {} as const;
