/** The members feature's messages in English (the reference set of its keys). */
export const membersEn = {
  'cmd.away.description': 'Pause your stand-up prompts and reminders until a date',
  'cmd.away.until.description': 'Your last day away, e.g. 2026-12-20 or friday',
  'cmd.away.off.description': 'You are back: end the pause now',
  'away.set': 'You are away until **{date}** (included): no stand-up prompts or task reminders until then. {cmd:away.off} ends it early.',
  'away.off': 'Welcome back: your prompts and reminders are on again.',
  'help.about.away': 'pause your prompts and reminders',
  'help.about.away.off': 'back early',
  'away.bad': 'I could not read “{date}” as a date. Try {cmd:away 2026-12-20}, `until friday` or `until 5 December`.',
} as const;
