/** The members feature's messages in English (the reference set of its keys). */
export const membersEn = {
  'cmd.tz.description': 'The community’s timezone for due dates',
  'cmd.tz.zone.description': 'A city, a country or an IANA zone: Moscow, Germany, Europe/Moscow',
  'tz.current': 'Due dates are counted in **{zone}**. A leader changes it with {cmd:tz Europe/Moscow}.',
  'tz.set': 'Due dates are now counted in **{zone}**.',
  'tz.invalid': '“{zone}” is not a timezone I know. Use an IANA name such as `Europe/Moscow`, `America/New_York` or `UTC`.',
  'tz.forbidden': 'Only leaders (the coordinator, role leads and workspace admins) can change the timezone.',
  'cmd.tz.me.description': 'Set your own timezone instead of the community’s',
  'cmd.away.description': 'Pause your stand-up prompts and reminders until a date',
  'cmd.away.until.description': 'Your last day away, e.g. 2026-12-20 or friday',
  'cmd.away.off.description': 'You are back: end the pause now',
  'tz.mine': 'Your prompts and reminders follow **{zone}**. Change it with {cmd:tz.me Europe/Moscow}.',
  'tz.mineSet': 'Your prompts and reminders now follow **{zone}**.',
  'away.set': 'You are away until **{date}** (included): no stand-up prompts or task reminders until then. {cmd:away.off} ends it early.',
  'away.off': 'Welcome back: your prompts and reminders are on again.',
  'away.bad': 'I could not read “{date}” as a date. Try {cmd:away 2026-12-20}, `until friday` or `until 5 December`.',
} as const;
