import type { Command } from './command.ts';
import { MENTIONS, personArg } from './people.ts';
import { parseTaskArgs } from './story-args.ts';
import { clip } from './text.ts';

const nameOf = (rest: readonly string[]) => {
  const name = clip(rest.join(' ').trim(), 80, '');
  return name ? { name } : {};
};

/** `standup [set|off|now|show|join|leave|holiday|report|nudge on|off] …` as typed after `/community` (Slack text). */
export function parseStandupArgs(words: readonly string[]): Command {
  const [verb = 'show', ...rest] = words;
  switch (verb.toLowerCase()) {
    case 'set':
      return { type: 'standup.set', ...nameOf(rest) };
    case 'off':
      return { type: 'standup.off', ...nameOf(rest) };
    case 'now':
      return { type: 'standup.now', ...nameOf(rest) };
    case 'join':
      return { type: 'standup.join', ...nameOf(rest), joined: true };
    case 'leave':
      return { type: 'standup.join', ...nameOf(rest), joined: false };
    case 'holiday':
      return { type: 'standup.holiday', date: clip(rest.join(' '), 100, '') };
    case 'report': {
      const [from, to] = rest;
      return { type: 'standup.report', ...(from ? { from: clip(from, 60, '') } : {}), ...(to ? { to: clip(to, 60, '') } : {}) };
    }
    case 'show':
      return { type: 'standup.show' };
    // `nudge off [name]` as typed; `nudge-off [name]` as Discord's action choice sends it.
    case 'nudge': {
      const [state = '', ...name] = rest;
      const on = /^(on|вкл)$/i.test(state);
      if (!on && !/^(off|выкл)$/i.test(state)) return { type: 'unknown', input: clip(`standup nudge ${state}`, 200, '') };
      return { type: 'standup.nudge', ...nameOf(name), on };
    }
    case 'nudge-on':
    case 'nudge-off':
      return { type: 'standup.nudge', ...nameOf(rest), on: verb.toLowerCase() === 'nudge-on' };
    default:
      return { type: 'unknown', input: `standup ${verb}`.slice(0, 200) };
  }
}

/** `away until <date>`, `away <date>`, `away off`. */
export function parseAwayArgs(words: readonly string[]): Command {
  const [first = '', ...rest] = words;
  if (/^(off|back|нет|вернулся|вернулась)$/i.test(first)) return { type: 'away', off: true };
  const untilText = (/^(until|till|до|по)$/i.test(first) ? rest : words).join(' ');
  const until = clip(untilText, 100, '');
  return { type: 'away', ...(until ? { until } : {}), off: false };
}

/** `tz [zone]` for the community, `tz me [zone]` for oneself. */
export function parseTzArgs(words: readonly string[]): Command {
  const me = /^(me|my|я|мой)$/i.test(words[0] ?? '');
  const zone = clip((me ? words.slice(1) : words).join(' ').trim(), 60, '');
  return { type: 'tz', ...(zone ? { zone } : {}), me };
}

/** `campaign new [name]`, `campaign list`, `campaign show [name]`. */
export function parseCampaignArgs(words: readonly string[]): Command {
  const [verb = 'list', ...rest] = words;
  const name = clip(rest.join(' ').trim(), 80, '');
  switch (verb.toLowerCase()) {
    case 'new':
      return { type: 'campaign.new', ...(name ? { name } : {}) };
    case 'show':
      return { type: 'campaign.show', ...(name ? { name } : {}) };
    case 'list':
      return { type: 'campaign.list' };
    case 'milestone': {
      // The same shape as a task: `<what> by <date> [campaign:<name>]`.
      const task = parseTaskArgs(['-', ...rest]);
      if (task.type !== 'task') return { type: 'campaign.milestone' };
      return {
        type: 'campaign.milestone',
        ...(task.what ? { text: task.what } : {}),
        ...(task.due ? { due: task.due } : {}),
        ...(task.campaign ? { campaign: task.campaign } : {}),
      };
    }
    default:
      return { type: 'campaign.show', name: clip(words.join(' '), 80, '') };
  }
}

/** `event new [campaign]`, `event list`, `event attended <event> @a @b` (mentions as Slack and Discord send them), `event edit|cancel <event>`, `event repeat <event> <how often>`. */
export function parseEventArgs(words: readonly string[]): Command {
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
    default:
      return { type: 'events' };
  }
}

/** `next` lists open next steps; `next <n|ref> @someone [by <date>]` hands one out as a task. */
export function parseNextArgs(words: readonly string[]): Command {
  const [ref, who = '', ...rest] = words;
  if (!ref) return { type: 'next' };
  const person = personArg(who);
  const due = rest
    .join(' ')
    .replace(/^(by|до|к)\s+/i, '')
    .trim()
    .slice(0, 100);
  return { type: 'next.assign', ref: clip(ref, 20, ''), ...person, ...(due ? { due } : {}) };
}

/** `1on1 log @someone [share] [date]`, `1on1 target <n>`. */
export function parseOneOnOneArgs(words: readonly string[]): Command {
  const [verb = '', ...rest] = words;
  if (/^target$/i.test(verb)) return { type: 'oneonone.target', ...(/^\d{1,4}$/.test(rest[0] ?? '') ? { count: Number(rest[0]) } : {}) };
  if (!/^log$/i.test(verb)) return { type: 'oneonones' };
  const [who = '', ...more] = rest;
  const person = personArg(who);
  const share = more.some((w) => /^(share|shared|поделиться)$/i.test(w));
  const date = more
    .filter((w) => !/^(share|shared|поделиться)$/i.test(w))
    .join(' ')
    .slice(0, 60);
  return { type: 'oneonone.open', ...person, ...(date ? { date } : {}), share };
}

/** `pair start [weeks] [newcomers]`, `pair stop|now|join|leave|status`, `pair snooze until <date>`. */
export function parsePairArgs(words: readonly string[]): Command {
  const [verb = 'status', ...rest] = words;
  const action = verb.toLowerCase();
  if (action === 'start') {
    const weeks = rest.find((w) => /^\d{1,2}$/.test(w));
    return {
      type: 'pair',
      action,
      ...(weeks ? { weeks: Number(weeks) } : {}),
      ...(rest.some((w) => /^newcomers$/i.test(w)) ? { newcomers: true } : {}),
    };
  }
  if (action === 'snooze') {
    const untilText = (/^(until|till|до|по)$/i.test(rest[0] ?? '') ? rest.slice(1) : rest).join(' ');
    const until = clip(untilText, 100, '');
    return { type: 'pair', action, ...(until ? { until } : {}) };
  }
  if (action === 'stop' || action === 'now' || action === 'join' || action === 'leave') return { type: 'pair', action };
  return { type: 'pair', action: 'status' };
}
