import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type CalendarCommand, calendarCommands } from './commands.ts';
import { calendarHandlers } from './handlers.ts';
import { calendarFromOptions, meAway, meLanguage, meTimezone, parseCalendarArgs, parseMeArgs } from './parse.ts';

/**
 * Calendar feeds (iCalendar) of the community's events and campaign days, and of each person's own events
 * and due dates, served at `/calendar/<token>.ics`. On Discord its `calendar` sits in the `me` group with
 * one's own `lang`, `tz` and `away` (`/community` holds 25 entries, the most Discord allows); the older
 * top-level `lang`, `tz` and `away` stay understood from earlier registrations.
 */
export const calendarFeature = feature<CalendarCommand>({
  id: 'calendar',
  commands: calendarCommands,
  handlers: calendarHandlers,
  words: { calendar: (rest) => parseCalendarArgs(rest), me: (rest) => parseMeArgs(rest) },
  discord: [
    {
      name: 'me',
      description: 'cmd.me.description',
      subcommands: [
        // `me home`: one's Home as an ephemeral answer (a group cannot be run bare; Slack's bare `me` is it).
        { name: 'home', description: 'cmd.me.home.description', parse: () => ({ type: 'me.view' }) },
        {
          name: 'calendar',
          description: 'cmd.calendar.description',
          options: [{ name: 'reset', kind: 'boolean', description: 'cmd.calendar.reset.description' }],
          parse: calendarFromOptions,
        },
        {
          name: 'lang',
          description: 'cmd.lang.me.description',
          options: [
            {
              name: 'locale',
              kind: 'string',
              description: 'cmd.lang.locale.description',
              choices: [
                ['English', 'en'],
                ['Русский', 'ru'],
                ['off', 'off'],
              ],
            },
            { name: 'community', kind: 'boolean', description: 'cmd.me.community.description' },
          ],
          parse: meLanguage,
        },
        {
          name: 'tz',
          description: 'cmd.tz.me.description',
          options: [
            { name: 'zone', kind: 'string', description: 'cmd.tz.zone.description', maxLength: 60 },
            { name: 'community', kind: 'boolean', description: 'cmd.me.community.description' },
          ],
          parse: meTimezone,
        },
        {
          name: 'away',
          description: 'cmd.away.description',
          options: [
            { name: 'until', kind: 'string', description: 'cmd.away.until.description', maxLength: 60 },
            { name: 'off', kind: 'boolean', description: 'cmd.away.off.description' },
          ],
          parse: meAway,
        },
      ],
    },
  ],
  forms: {
    calendar: form('calendar', 'me calendar'),
    'calendar.reset': form('calendar reset', 'me calendar reset:True'),
  },
  help: [
    { form: 'calendar', group: 'everyday', leadersOnly: false },
    { form: 'calendar.reset', group: 'everyday', leadersOnly: true },
  ],
  aliases: { calendar: ['календарь', 'ical', 'ics'] },
});
