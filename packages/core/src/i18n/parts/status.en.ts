/** English messages of the status texts (merged into `en.ts`). */
export const statusEn = {} as const;
