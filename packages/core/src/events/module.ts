import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { eventAttendanceHandlers } from './attendance.ts';
import { runEventCardJob } from './card.ts';
import { type EventCommand, eventCommands } from './commands.ts';
import { eventEditHandlers } from './edit.ts';
import { eventCreateHandlers } from './handlers.ts';
import { eventActions, eventModals } from './ids.ts';
import { planEvent, runEventJob } from './job.ts';
import { eventListHandlers } from './list.ts';
import { eventManageHandlers } from './manage.ts';
import { eventFromOptions, parseEventArgs } from './parse.ts';
import { eventRsvpHandlers } from './rsvp.ts';
import { serverEventHandlers } from './server-events.ts';
import { runServerEventJob } from './server-sync.ts';

/** Events: created by leaders, posted with Going / Maybe / Can't go, updated in place, capacity with a waitlist. */
export const eventsFeature = feature<EventCommand>({
  id: 'events',
  commands: eventCommands,
  handlers: {
    ...eventCreateHandlers,
    ...eventEditHandlers,
    ...eventRsvpHandlers,
    ...eventListHandlers,
    ...eventManageHandlers,
    ...eventAttendanceHandlers,
    ...serverEventHandlers,
  },
  readOnly: ['events', 'event.new', 'events.suggest', 'event.edit', 'event.cancel', 'event.attendance.open'],
  words: { event: (rest) => parseEventArgs(rest), events: () => ({ type: 'events' }) },
  discord: [
    {
      name: 'event',
      description: 'cmd.event.description',
      options: [
        {
          name: 'action',
          kind: 'string',
          description: 'cmd.event.action.description',
          required: true,
          choices: [
            'new',
            'list',
            'attended',
            'edit',
            'cancel',
            'repeat',
            'remind',
            // Not a top-level entry of its own (Discord allows 25, all taken): a leader's setting of events.
            ['server events on', 'server'],
            ['server events off', 'server-off'],
          ],
        },
        // Event titles as the user types (an id or a word of the title both work).
        {
          name: 'id',
          kind: 'string',
          description: 'cmd.event.id.description',
          maxLength: 100,
          suggest: (query) => ({ type: 'events.suggest', query }),
        },
        { name: 'people', kind: 'string', description: 'cmd.event.people.description', maxLength: 2000 },
        { name: 'campaign', kind: 'string', description: 'cmd.event.campaign.description', maxLength: 40 },
        { name: 'every', kind: 'string', description: 'cmd.event.every.description', choices: ['weekly', 'biweekly', 'monthly', 'off'] },
        { name: 'remind', kind: 'string', description: 'cmd.event.remind.description', maxLength: 100 },
      ],
      parse: eventFromOptions,
    },
  ],
  actions: eventActions,
  modals: eventModals,
  forms: {
    'event.new': form('event new', 'event action:new'),
    events: form('events', 'event action:list'),
    'event.edit': form('event edit · $1', 'event action:edit · id:$1'),
    'event.cancel': form('event cancel · $1', 'event action:cancel · id:$1'),
    'event.repeat': form('event repeat · $1 · $2', 'event action:repeat · id:$1 · every:$2'),
    'event.remind': form('event remind · $1 · $2', 'event action:remind · id:$1 · remind:$2'),
    'event.server': form('event server', 'event action:server'),
    /** An event action named by a variable (`{cmd:event.action {verb}|meeting}`). */
    'event.action': form('event $1 · $2', 'event action:$1 · id:$2'),
    'event.attended': form('event attended · $1 · $2', 'event action:attended · id:$1 · people:$2'),
  },
  help: [
    { form: 'events', group: 'campaigns', leadersOnly: false },
    { form: 'event.new', group: 'campaigns', leadersOnly: true },
    { form: 'event.edit', group: 'campaigns', leadersOnly: true },
    { form: 'event.cancel', group: 'campaigns', leadersOnly: true },
    { form: 'event.repeat', group: 'campaigns', leadersOnly: true },
    { form: 'event.remind', group: 'campaigns', leadersOnly: true },
    { form: 'event.server', group: 'campaigns', leadersOnly: true },
    { form: 'event.attended', group: 'campaigns', leadersOnly: true },
  ],
  aliases: { event: ['событие', 'встреча'], events: ['события'] },
  jobs: { event: runEventJob, 'event.plan': planEvent, 'event.card': runEventCardJob, 'event.server': runServerEventJob },
  dueKinds: ['event'],
});
