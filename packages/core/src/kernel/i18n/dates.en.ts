/** English messages of the dates texts (merged into `en.ts`). */
export const datesEn = {
  'dates.past': 'That date has already passed: {when} ({zone}). Give a date from today on, for example `friday` or `5 December`.',
  'dates.pastTime': 'That time has already passed: {when} ({zone}). Give a time still to come, for example `friday 18:00`.',
  'tz.choose': '“{place}” has more than one timezone. Which one? {zones}. For example {cmd:tz {example}}.',
  'tz.invalidName':
    '“{zone}” is not a timezone I know. Give a city or a country (`Moscow`, `Berlin`, `Germany`) or an IANA name such as `Europe/Moscow`, `America/New_York` or `UTC`.',
  'dates.length.label': 'Length',
  'dates.length.hint': 'How long it lasts, for example 2h or 90m (default 2 hours)',
  'dates.zone.label': 'Timezone',
  'dates.window.label': 'Summary after',
  'dates.window.hint': 'Hours the answers are collected before the summary, for example 4h (the default)',
  'dates.days.label': 'Days',
  'dates.time.label': 'Time',
  'dates.day.mon': 'Monday',
  'dates.day.tue': 'Tuesday',
  'dates.day.wed': 'Wednesday',
  'dates.day.thu': 'Thursday',
  'dates.day.fri': 'Friday',
  'dates.day.sat': 'Saturday',
  'dates.day.sun': 'Sunday',
  'dates.window.placeholder': '4h',
  'campaign.end.placeholder': 'in 8 weeks',
} as const;
