/** English messages of the help texts (merged into `en.ts`). */
export const helpEn = {} as const;
