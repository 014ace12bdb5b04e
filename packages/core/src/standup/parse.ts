import type { HelpCommand } from '../help/commands.ts';
import type { Options } from '../kernel/feature.ts';
import { clip } from '../kernel/text.ts';
import type { StandupCommand } from './commands.ts';

/** What a stand-up's words read as: one of its commands, or words it does not know (shown help). */
type Parsed = StandupCommand | Extract<HelpCommand, { type: 'unknown' }>;

const nameOf = (rest: readonly string[]) => {
  const name = clip(rest.join(' ').trim(), 80, '');
  return name ? { name } : {};
};

/** `standup [set|off|now|show|join|leave|holiday|report|nudge on|off] …` as typed after `/community` (Slack text). */
export function parseStandupArgs(words: readonly string[]): Parsed {
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

/** Discord's `/community standup action:… name:… date:… to:…`: the same words Slack users type. */
export function standupFromOptions(option: Options): Parsed {
  const action = String(option('action') ?? 'show');
  const extra = action === 'holiday' ? [option('date')] : action === 'report' ? [option('date'), option('to')] : [option('name')];
  return parseStandupArgs([action, ...extra.filter((v) => typeof v === 'string').flatMap((v) => String(v).split(/\s+/))]);
}
