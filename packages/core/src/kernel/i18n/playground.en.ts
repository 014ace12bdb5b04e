/** English messages of the playground texts (merged into `en.ts`). */
export const playgroundEn = {
  'playground.submit': 'Submit',
  'playground.edited': '(edited)',
  'playground.notYours': 'Only {name} can press this: choose them under “You are”.',
} as const;
