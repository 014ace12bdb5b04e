import type { Tenant } from '../community/model.ts';
import type { CommandForm, HelpEntry, HelpGroup } from './feature.ts';
import { featureAliases, featureForms, featureHelp } from './registry.ts';

export type { CommandForm, HelpEntry, HelpGroup } from './feature.ts';

const f = (slack: string, discord: string): CommandForm => ({ slack: slack.split(' · '), discord: discord.split(' · ') });

/** A form's id: `role.edit`, `standup.set`… (declared by its feature). */
export type FormId = string;

/**
 * Every command form any text of Organizer names, as Slack users type it and as Discord's `/community`
 * definition has it, from the features. Segments are separated by ` · ` so an optional argument drops
 * with its words (`by $3`).
 */
export const allForms = (): Readonly<Record<string, CommandForm>> => featureForms();

/** Builds a form: Slack's words and Discord's, each segment separated by ` · `. */
export const form = f;

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

/** The first word of a Slack form: the subcommand. */
const wordOf = (form: CommandForm): string => (form.slack[0] ?? '').split(' ')[0] ?? '';

/** Every subcommand name Organizer knows (Slack's words: Discord's are the same or grouped under them). */
export const commandNames = (): readonly string[] => [...new Set(Object.values(allForms()).map(wordOf))];

/** Help, in the order it is shown: by group (the seven stages, everyday tools, the community), features in their order. */
export function helpEntries(): readonly HelpEntry[] {
  const all = featureHelp();
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
    // Words people type for a command that is not its name (other spellings, the Russian word for it).
    ...Object.entries(featureAliases()).flatMap(([name, words]) => words.map((word) => [word, name] as const)),
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
