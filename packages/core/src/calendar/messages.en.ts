/** The calendar feature's messages in English (the reference set of its keys). */
export const calendarEn = {
  'cmd.me.description': 'Your own: calendar links, language, timezone, time away',
  'cmd.calendar.description': 'Calendar feeds of the community’s events and of your own',
  'cmd.calendar.reset.description': 'Leaders: make new links, so the old ones stop working',
  'cmd.me.community.description': 'Leaders: set it for the whole community instead of for you',
  'calendar.links':
    'Calendar feeds for this community:\n• The community’s events, campaign phases and milestones: {community}\n• Your own events (Going or Maybe) and task due dates: {mine}',
  'calendar.how':
    'To subscribe, add a calendar from a URL and paste a link: Google Calendar (Other calendars → From URL), Apple Calendar (File → New Calendar Subscription), Outlook (Add calendar → Subscribe from web). Anyone with a link can read that feed: keep your own to yourself.',
  'calendar.reset.done': 'Done: the calendar links shared before no longer work. Here are the new ones.',
  'calendar.reset.forbidden':
    'Only leaders (the coordinator, role leads and workspace admins) can reset the calendar links. Your own links: {cmd:calendar}.',
  'calendar.unavailable': 'Calendar feeds are not set up on this installation yet: an operator needs to set `CALENDAR_SECRET`.',
  'calendar.feed.phase': '{campaign}: {phase}',
  'calendar.feed.milestone': '{campaign}: {milestone}',
  'calendar.feed.task': 'Due: {task}',
  'calendar.feed.mine': '{community}: mine',
  'help.about.calendar': 'calendar feeds to subscribe to: the community’s and your own',
  'help.about.calendar.reset': 'new calendar links, ending the old ones',
} as const;
