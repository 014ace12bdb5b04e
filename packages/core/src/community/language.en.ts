/** English messages of the language texts (merged into `en.ts`). */
export const languageEn = {
  'lang.name.en': 'English',
  'lang.name.ru': 'Russian',
  'lang.state':
    'The community speaks {community}: channel posts, cards and summaries. A leader changes it with {cmd:lang en} or {cmd:lang ru}.',
  'lang.mine.chosen':
    'You chose {language} for yourself: replies, forms and direct messages. {cmd:lang.me off} follows your Slack or Discord language again.',
  'lang.mine.platform':
    'You read {language}, as your Slack or Discord settings say. Choose your own with {cmd:lang.me ru} or {cmd:lang.me en}.',
  'lang.me.set': 'Done: I answer you in English now — replies, forms and direct messages. Channel posts stay in the community’s language.',
  'lang.me.off': 'Done: I answer you in your Slack or Discord language again ({language} now).',
  'lang.me.unsupported':
    'I speak `en` (English) and `ru` (Russian): {cmd:lang.me ru}, or {cmd:lang.me off} to follow your Slack or Discord language.',
  'lang.redrawn.one': 'The open stand-up prompt is redrawn in the new language.',
  'lang.redrawn.few': '{count} open stand-up prompts are redrawn in the new language.',
  'lang.redrawn.many': '{count} open stand-up prompts are redrawn in the new language.',
  'lang.redrawn.other': '{count} open stand-up prompts are redrawn in the new language.',
  'cmd.lang.me.description': 'Your own language, not the community’s (off: follow Discord)',
  'setup.field.zone.label': 'Timezone',
  'setup.field.zone.placeholder': 'Europe/Moscow or a city',
  'setup.field.zone.hint': 'Stand-up times and due dates follow it. Empty: UTC.',
  'setup.zone.invalid': '“{zone}” is not a timezone I know. Try a name like Europe/Moscow or America/New_York, or leave it empty for UTC.',
  'setup.zone.choose': '“{place}” has several timezones: {zones}. Type the one the community lives in.',
  'setup.zone.set': 'Timezone: **{zone}**. Stand-up times and due dates follow it; a leader changes it with {cmd:tz}.',
  'setup.zone.fromProfile': 'Timezone: **{zone}**, from your profile — change it with {cmd:tz}.',
  'setup.zone.ask':
    'Which timezone does the community live in? Stand-up times and due dates follow it, and until it is set they run on UTC.',
  'setup.zone.button': 'Set the timezone',
  'tz.modal.title': 'Community timezone',
  'tz.modal.submit': 'Save',
} as const;
