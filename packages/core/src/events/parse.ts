import type { Options } from '../kernel/feature.ts';
import { MENTIONS } from '../kernel/people.ts';
import { clip } from '../kernel/text.ts';

/**
 * `event new [campaign]`, `event list`, `event attended <event> @a @b` (mentions as Slack and Discord send them),
 * `event edit|cancel <event>`, `event remind <event> <reminders>`, `event repeat <event> <how often>`, `event server [off]`.
 */
export function parseEventArgs(words: readonly string[]): unknown {
  const [verb = 'list', ...rest] = words;
  switch (verb.toLowerCase()) {
    case 'new':
      return { type: 'event.new', ...(rest[0] ? { campaign: clip(rest.join(' '), 40, '') } : {}) };
    case 'attended': {
      // The event (its id or words of its title) is what comes before the first mention.
      const joined = rest.join(' ');
      const userIds = [...joined.matchAll(MENTIONS)].map((m) => m[1] as string).slice(0, 200);
      const eventId = clip(joined.split(/<[@#!]/)[0]?.trim() ?? '', 100, '');
      return { type: 'event.attended', ...(eventId ? { eventId } : {}), userIds };
    }
    case 'edit':
    case 'cancel': {
      const event = clip(rest.join(' ').trim(), 100, '');
      return { type: verb.toLowerCase() === 'edit' ? 'event.edit' : 'event.cancel', ...(event ? { event } : {}) };
    }
    case 'remind': {
      // `event remind <event> 1 day, 3 hours`: the reminders start at the first number or "none".
      const at = rest.findIndex((w) => /^(\d|none$|no$|off$|нет$|за$|без$)/iu.test(w));
      const cut = at < 0 ? rest.length : at;
      const event = clip(rest.slice(0, cut).join(' ').trim(), 100, '');
      const remind = clip(rest.slice(cut).join(' ').trim(), 100, '');
      return { type: 'event.remind', ...(event ? { event } : {}), ...(remind ? { remind } : {}) };
    }
    case 'repeat': {
      // `event repeat <event> weekly|biweekly|monthly|off`: the last word says how often.
      const last = rest.at(-1)?.toLowerCase() ?? '';
      const every = /^(weekly|biweekly|monthly|off)$/.test(last) ? last : undefined;
      const event = clip((every ? rest.slice(0, -1) : rest).join(' ').trim(), 100, '');
      return { type: 'event.repeat', ...(event ? { event } : {}), ...(every ? { every } : {}) };
    }
    case 'server':
      // `event server` turns the server's own events on, `event server off` off.
      return { type: 'event.server', on: !/^(off|no|stop|нет|выкл)$/iu.test(rest[0] ?? '') };
    case 'server-off':
      return { type: 'event.server', on: false };
    default:
      return { type: 'events' };
  }
}

/** Discord's `/community event action:… id:… …`: the same words Slack users type, the action's options after it. */
export function eventFromOptions(option: Options): unknown {
  const action = String(option('action') ?? 'list');
  const extra =
    action === 'new'
      ? [option('campaign')]
      : action === 'attended'
        ? [option('id'), option('people')]
        : action === 'repeat'
          ? [option('id'), option('every')]
          : [option('id')];
  // Options keep the event and its reminders apart, which typed words cannot.
  if (action === 'remind')
    return {
      type: 'event.remind',
      ...(typeof option('id') === 'string' ? { event: clip(String(option('id')), 100, '') } : {}),
      ...(typeof option('remind') === 'string' ? { remind: clip(String(option('remind')), 100, '') } : {}),
    };
  return parseEventArgs([action, ...extra.filter((v) => typeof v === 'string').flatMap((v) => String(v).split(/\s+/))]);
}
