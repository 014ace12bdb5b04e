/** English messages of the language texts (merged into `en.ts`). */
export const languageEn = {} as const;
