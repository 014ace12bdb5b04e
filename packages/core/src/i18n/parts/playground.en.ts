/** English messages of the playground texts (merged into `en.ts`). */
export const playgroundEn = {
  'playground.submit': 'Submit',
  'playground.edited': '(edited)',
} as const;
