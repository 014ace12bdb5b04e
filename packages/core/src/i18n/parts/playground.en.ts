/** English messages of the playground texts (merged into `en.ts`). */
export const playgroundEn = {} as const;
