/** English messages of the tasks texts (merged into `en.ts`). */
export const tasksEn = {} as const;
