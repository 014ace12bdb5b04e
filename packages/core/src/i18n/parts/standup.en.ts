/** English messages of the standup texts (merged into `en.ts`). */
export const standupEn = {} as const;
