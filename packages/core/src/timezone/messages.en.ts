/** The timezone feature's messages in English (the reference set of its keys). */
export const timezoneEn = {
  'cmd.tz.description': 'The community’s timezone for due dates',
  'cmd.tz.zone.description': 'A city, a country or an IANA zone: Moscow, Germany, Europe/Moscow',
  'cmd.tz.me.description': 'Set your own timezone instead of the community’s',
  'tz.current': 'Due dates are counted in **{zone}**. A leader changes it with {cmd:tz Europe/Moscow}.',
  'tz.set': 'Due dates are now counted in **{zone}**.',
  'tz.invalid': '“{zone}” is not a timezone I know. Use an IANA name such as `Europe/Moscow`, `America/New_York` or `UTC`.',
  'tz.forbidden': 'Only leaders (the coordinator, role leads and workspace admins) can change the timezone.',
  'tz.mine': 'Your prompts and reminders follow **{zone}**. Change it with {cmd:tz.me Europe/Moscow}.',
  'tz.mineSet': 'Your prompts and reminders now follow **{zone}**.',
  'help.about.tz.me': 'your own timezone',
  'help.about.tz': 'the community’s timezone',
} as const;
