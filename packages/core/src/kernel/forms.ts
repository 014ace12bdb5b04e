import type { Tenant } from '../community/model.ts';
import type { CommandForm, HelpEntry, HelpGroup } from './feature.ts';
import { featureAliases, featureForms, featureHelp } from './registry.ts';

export type { CommandForm, HelpEntry, HelpGroup } from './feature.ts';

const f = (slack: string, discord: string): CommandForm => ({ slack: slack.split(' · '), discord: discord.split(' · ') });

/**
 * Every command form any text of Organizer names, as Slack users type it and as Discord's `/community`
 * definition (`packages/discord/src/commands.ts`) has it. Segments are separated by ` · ` so an optional
 * argument drops with its words (`by $3`).
 */
const legacyForms = {
  help: f('help', 'help'),
  setup: f('setup · $1', 'setup · name:$1'),
  status: f('status', 'status'),
  story: f('story', 'story'),
  'story.questions': f('story questions', 'story action:questions'),
  'story.self': f('story self', 'story action:self'),
  'story.us': f('story us', 'story action:us'),
  'story.now': f('story now', 'story action:now'),
  'story.kind': f('story $1', 'story action:$1'),
  'story.history': f('story history · $1 · $2', 'story action:history · kind:$1 · number:$2'),
  'story.share': f('story share $1', 'story action:share kind:$1'),
  'story.delete': f('story delete', 'story action:delete'),
  'story.needed': f('story needed · $1', 'story action:needed · number:$1'),
  roles: f('roles', 'role list'),
  'role.add': f('role add · $1', 'role add · name:$1'),
  'role.edit': f('role edit · $1', 'role edit name:$1'),
  'role.remove': f('role remove · $1', 'role remove name:$1'),
  assign: f('assign · $1 · $2 · lead?3', 'assign · user:$1 · role:$2 · lead:True?3'),
  unassign: f('unassign $1 $2', 'unassign user:$1 role:$2'),
  task: f('task · $1 · $2 · by $3 · campaign:$4', 'task · user:$1 · what:$2 · due:$3 · campaign:$4'),
  tasks: f('tasks', 'tasks'),
  'tasks.filter': f('tasks $1', 'tasks filter:$1'),
  'tasks.word': f('tasks $1', 'tasks word:$1'),
  /** Marks one's own task done by a word of its title. */
  done: f('done $1', 'tasks done:$1'),
  tz: f('tz · $1', 'tz · zone:$1'),
  'tz.me': f('tz me · $1', 'tz me:True · zone:$1'),
  standup: f('standup', 'standup action:show'),
  'standup.set': f('standup set', 'standup action:set'),
  'standup.now': f('standup now · $1', 'standup action:now · name:$1'),
  'standup.off': f('standup off · $1', 'standup action:off · name:$1'),
  'standup.nudge.on': f('standup nudge on · $1', 'standup action:nudge-on · name:$1'),
  'standup.nudge.off': f('standup nudge off · $1', 'standup action:nudge-off · name:$1'),
  'standup.join': f('standup join · $1', 'standup action:join · name:$1'),
  'standup.leave': f('standup leave · $1', 'standup action:leave · name:$1'),
  'standup.holiday': f('standup holiday · $1', 'standup action:holiday · date:$1'),
  'standup.report': f('standup report · $1 · $2', 'standup action:report · date:$1 · to:$2'),
  away: f('away until $1', 'away until:$1'),
  'away.off': f('away off', 'away off:True'),
  lang: f('lang · $1', 'lang · locale:$1'),
  'lang.me': f('lang me · $1', 'lang me:True · locale:$1'),
  'campaign.new': f('campaign new', 'campaign action:new'),
  'campaign.list': f('campaign list', 'campaign action:list'),
  'campaign.show': f('campaign show · $1', 'campaign action:show · name:$1'),
  'campaign.milestone': f('campaign milestone · $1 · by $2', 'campaign action:milestone · name:$1 · by $2'),
  'event.new': f('event new', 'event action:new'),
  events: f('events', 'event action:list'),
  'event.edit': f('event edit · $1', 'event action:edit · id:$1'),
  'event.cancel': f('event cancel · $1', 'event action:cancel · id:$1'),
  'event.repeat': f('event repeat · $1 · $2', 'event action:repeat · id:$1 · every:$2'),
  'event.remind': f('event remind · $1 · $2', 'event action:remind · id:$1 · remind:$2'),
  /** An event action named by a variable (`{cmd:event.action {verb}|meeting}`). */
  'event.action': f('event $1 · $2', 'event action:$1 · id:$2'),
  'event.attended': f('event attended · $1 · $2', 'event action:attended · id:$1 · people:$2'),
  debrief: f('debrief · $1', 'debrief · campaign:$1'),
  next: f('next', 'next'),
  'next.assign': f('next $1 · $2 · by $3', 'next step:$1 · user:$2 · due:$3'),
  celebrate: f('celebrate · $1', 'celebrate note:$1'),
  export: f('export', 'export'),
  erase: f('erase', 'erase'),
  ladder: f('ladder', 'ladder'),
  'ladder.edit': f('ladder edit', 'ladder'),
  join: f('join', 'join'),
  '1on1.log': f('1on1 log · $1 · share?2', '1on1 action:log · user:$1 · share:True?2'),
  '1on1s': f('1on1s', '1on1 action:list'),
  '1on1.target': f('1on1 target · $1', '1on1 action:target · count:$1'),
  values: f('values', '1on1 action:values'),
  'pair.join': f('pair join', 'pair action:join'),
  'pair.leave': f('pair leave', 'pair action:leave'),
  'pair.snooze': f('pair snooze until $1', 'pair action:snooze until:$1'),
  'pair.status': f('pair status', 'pair action:status'),
  'pair.start': f('pair start · $1', 'pair action:start · weeks:$1'),
  'pair.stop': f('pair stop', 'pair action:stop'),
  'pair.now': f('pair now', 'pair action:now'),
} as const satisfies Record<string, CommandForm>;

/** A form's id: `role.edit`, `standup.set`… (a feature's forms, or the ones still listed here). */
export type FormId = string;

/** Every form: the features' and the ones still listed here. */
export const allForms = (): Readonly<Record<string, CommandForm>> => ({ ...legacyForms, ...featureForms() });

/** Builds a form: Slack's words and Discord's, each segment separated by ` · `. */
export const form = f;

const entry = (form: keyof typeof legacyForms, group: HelpGroup, leadersOnly = false): HelpEntry => ({ form, group, leadersOnly });

/** Help, in the order it is shown: the seven stages, then everyday tools, then the community itself. */
const legacyHelp: readonly HelpEntry[] = [
  entry('story', 'story', true),
  entry('story.self', 'story'),
  entry('story.us', 'story', true),
  entry('story.now', 'story', true),
  entry('story.share', 'story'),
  entry('story.history', 'story'),
  entry('story.delete', 'story'),
  entry('story.needed', 'story', true),
  entry('1on1.log', 'relationships'),
  entry('1on1s', 'relationships'),
  entry('values', 'relationships'),
  entry('1on1.target', 'relationships', true),
  entry('pair.join', 'relationships'),
  entry('pair.snooze', 'relationships'),
  entry('pair.leave', 'relationships'),
  entry('pair.status', 'relationships'),
  entry('pair.start', 'relationships', true),
  entry('pair.stop', 'relationships', true),
  entry('roles', 'team'),
  entry('role.add', 'team', true),
  entry('role.edit', 'team', true),
  entry('role.remove', 'team', true),
  entry('assign', 'team', true),
  entry('unassign', 'team', true),
  entry('standup', 'team'),
  entry('standup.join', 'team'),
  entry('standup.leave', 'team'),
  entry('standup.set', 'team', true),
  entry('standup.now', 'team', true),
  entry('standup.off', 'team', true),
  entry('standup.nudge.off', 'team', true),
  entry('standup.nudge.on', 'team', true),
  entry('standup.holiday', 'team', true),
  entry('standup.report', 'team', true),
  entry('ladder', 'expansion'),
  entry('ladder.edit', 'expansion', true),
  entry('join', 'expansion'),
  entry('campaign.list', 'campaigns'),
  entry('campaign.show', 'campaigns'),
  entry('campaign.new', 'campaigns', true),
  entry('campaign.milestone', 'campaigns', true),
  entry('events', 'campaigns'),
  entry('event.new', 'campaigns', true),
  entry('event.edit', 'campaigns', true),
  entry('event.cancel', 'campaigns', true),
  entry('event.repeat', 'campaigns', true),
  entry('event.remind', 'campaigns', true),
  entry('event.attended', 'campaigns', true),
  entry('task', 'campaigns', true),
  entry('debrief', 'next', true),
  entry('next', 'next'),
  entry('next.assign', 'next', true),
  entry('celebrate', 'next'),
  entry('tasks', 'everyday'),
  entry('done', 'everyday'),
  entry('tz.me', 'everyday'),
  entry('tz', 'everyday', true),
  entry('away', 'everyday'),
  entry('away.off', 'everyday'),
  entry('lang.me', 'everyday'),
  entry('lang', 'everyday', true),
  entry('help', 'everyday'),
  entry('setup', 'community'),
  entry('status', 'community'),
  entry('export', 'community', true),
  entry('erase', 'community', true),
];

/** The groups of help, in order. */
export const helpGroups: readonly HelpGroup[] = [
  'story',
  'relationships',
  'team',
  'strategy',
  'expansion',
  'campaigns',
  'next',
  'everyday',
  'community',
];

/**
 * Words people type for a command that is not its name (other spellings, and the Russian word for it):
 * "did you mean" suggests the command itself.
 */
const legacyAliases: Readonly<Record<string, readonly string[]>> = {
  help: ['помощь', 'справка'],
  setup: ['настройка', 'создать'],
  status: ['статус', 'прогресс'],
  story: ['история', 'рассказ'],
  roles: ['роли'],
  role: ['роль'],
  assign: ['назначить'],
  task: ['задача'],
  tasks: ['задачи'],
  standup: ['стендап', 'планерка'],
  away: ['отпуск', 'нет'],
  lang: ['язык', 'language'],
  campaign: ['кампания', 'campaigns'],
  event: ['событие', 'встреча'],
  events: ['события'],
  debrief: ['разбор'],
  next: ['дальше'],
  celebrate: ['праздник'],
  export: ['экспорт'],
  erase: ['удалить'],
  ladder: ['лестница'],
  join: ['вступить'],
  '1on1': ['встреча1на1', 'oneonone'],
  '1on1s': ['встречи'],
  values: ['ценности'],
  pair: ['пары'],
  tz: ['timezone', 'пояс'],
};

/** The first word of a Slack form: the subcommand. */
const wordOf = (form: CommandForm): string => (form.slack[0] ?? '').split(' ')[0] ?? '';

/** Every subcommand name Organizer knows (Slack's words: Discord's are the same or grouped under them). */
export const commandNames = (): readonly string[] => [...new Set(Object.values(allForms()).map(wordOf))];

/** Help, in the order it is shown: by group (the seven stages, everyday tools, the community), features in their order. */
export function helpEntries(): readonly HelpEntry[] {
  const all = [...legacyHelp, ...featureHelp()];
  return helpGroups.flatMap((group) => all.filter((entry) => entry.group === group));
}

/** The verbs a subcommand takes after it (`standup set`, `pair join`…), for "did you mean" on a verb. */
export function verbsOf(name: string): string[] {
  const verbs = Object.values(allForms())
    .map((form) => (form.slack[0] ?? '').split(' '))
    .filter(([word, verb]) => word === name && verb !== undefined && !verb.includes('$'))
    .map(([, verb]) => verb as string);
  return [...new Set(verbs)];
}

/** Every word that names a command, with the command it names. */
export function namesWithAliases(): readonly (readonly [string, string])[] {
  return [
    ...commandNames().map((name) => [name, name] as const),
    ...Object.entries({ ...legacyAliases, ...featureAliases() }).flatMap(([name, words]) => words.map((word) => [word, name] as const)),
  ];
}

type Platform = Tenant['platform'];

/** A form as typed on `platform`, with `args` filled in (missing ones drop their segment; `undefined` args show `…`). */
export function commandText(id: FormId, platform: Platform, args?: readonly string[]): string {
  const form = allForms()[id];
  if (!form) throw new Error(`No command form ${id}`);
  const segments = form[platform].flatMap((segment) => {
    // `?n` keeps a segment (a Discord flag such as `lead:True`) only when argument n is given, without showing it.
    const refs = [...segment.matchAll(/[$?](\d)/g)].map((m) => Number(m[1]));
    const plain = segment.replace(/\?\d/g, '');
    if (!args) return [plain.replace(/\$\d/g, '…')];
    if (refs.some((n) => !args[n - 1])) return [];
    return [plain.replace(/\$(\d)/g, (_whole, n: string) => args[Number(n) - 1] ?? '')];
  });
  return `/community ${segments.join(' ')}`;
}

/**
 * Catalog texts name commands as `{cmd:<form> <arg>|<arg>…}`; each adapter's renderer turns them into the
 * form that exists on its platform, in code (`/community role list` on Discord where Slack has `/community roles`).
 */
export function platformText(text: string, platform: Platform): string {
  if (!text.includes('{cmd:')) return text;
  return text.replace(/\{cmd:([\w.]+)(?: ([^{}]*))?\}/g, (whole, id: string, args: string | undefined) => {
    if (!Object.hasOwn(allForms(), id)) return whole;
    return `\`${commandText(id, platform, args === undefined ? [] : args.split('|'))}\``;
  });
}
