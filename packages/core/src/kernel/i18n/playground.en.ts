/** English messages of the playground texts (merged into `en.ts`). */
export const playgroundEn = {
  'playground.submit': 'Submit',
  'playground.edited': '(edited)',
  'playground.notYours': 'Only {name} can press this: choose them under “You are”.',
  'playground.home.tab': 'Home',
  'playground.home.title': 'Organizer’s Home tab, as {name} sees it',
  'playground.home.published': 'The Home tab of {name}, drawn anew',
  'playground.home.empty': 'Organizer has not drawn this Home yet: it does when the tab is opened.',
  'playground.side.open': 'Side by side: a Slack channel and a Discord channel',
  'playground.side.lead':
    'A Slack channel and a Discord channel, each with its own composer. Run /community link on one side and /community link join code: on the other to make them one community.',
  'playground.side.close': 'Back to one place',
} as const;
