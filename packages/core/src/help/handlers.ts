import { localeFor } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { allForms, commandNames, commandText, helpEntries, helpGroups, namesWithAliases, verbsOf } from '../kernel/forms.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { isMessageKey, t } from '../kernel/i18n/translate.ts';
import type { CommandContext } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { stages } from '../status/stages.ts';
import type { HelpCommand } from './commands.ts';
import { closest } from './suggest.ts';

type Platform = CommandContext['tenant']['platform'];

/** A group's title: the stage's number and name, or "Every day" / "The community". */
function groupTitle(locale: Locale, group: (typeof helpGroups)[number]): string {
  const index = stages.findIndex((s) => s.id === group);
  const stage = stages[index];
  if (stage) return t(locale, 'help.group', { n: index + 1, stage: t(locale, stage.name) });
  return t(locale, group === 'everyday' ? 'help.group.everyday' : 'help.group.community');
}

/** A help line's text: `help.about.<form>` in the feature's catalog (a form in help without one is a bug). */
function aboutKey(form: string): MessageKey {
  const key = `help.about.${form}`;
  if (!isMessageKey(key)) throw new Error(`No help text for ${form}`);
  return key;
}

/**
 * Every command, grouped by stage, as typed on the reader's platform, one text block per group (each far
 * inside Slack's 3000 per section; Discord packs them into embeds). Leaders' commands are marked, not hidden:
 * a member learns what to ask a leader for, and help needs no read of the community (it stays light).
 */
export function helpBlocks(locale: Locale, platform: Platform): Block[] {
  const mark = t(locale, 'help.leadersMark');
  const blocks: Block[] = [
    { type: 'header', text: t(locale, 'help.title') },
    { type: 'context', text: t(locale, 'help.intro') },
  ];
  for (const group of helpGroups) {
    const lines = helpEntries()
      .filter((entry) => entry.group === group)
      .map((entry) => {
        const usage = commandText(entry.form, platform).replace(/^\/community /, '');
        const about = t(locale, aboutKey(entry.form));
        return `• \`${usage}\` ${about}${entry.leadersOnly ? ` ${mark}` : ''}`;
      });
    blocks.push({ type: 'text', text: [groupTitle(locale, group), ...lines].join('\n') });
  }
  return blocks;
}

/** "Did you mean": a known command for an unknown first word, a known verb for an unknown second one. */
export function suggestionFor(input: string): string | undefined {
  const [word = '', verb] = input.trim().split(/\s+/);
  const name = word.toLowerCase();
  if (commandNames().includes(name) && verb !== undefined) {
    const known = closest(
      verb,
      verbsOf(name).map((v) => [v, v] as const),
    );
    return known ? `${name} ${known}` : undefined;
  }
  const command = closest(word, namesWithAliases());
  return command && verb !== undefined && verbsOf(command).includes(verb.toLowerCase()) ? `${command} ${verb.toLowerCase()}` : command;
}

/** A suggestion as typed on the platform: `events` is `event action:list` on Discord. */
function suggestionText(suggestion: string, platform: Platform): string {
  const form = Object.keys(allForms()).find((id) => commandText(id, 'slack', []) === `/community ${suggestion}`);
  return (form ? commandText(form, platform, []) : `/community ${suggestion}`).replace(/^\/community /, '');
}

/** The subcommand names of the platform (Discord groups some: `role list`, `event action:list`). */
const namesOn = (platform: Platform): string[] => [
  ...new Set(Object.keys(allForms()).map((id) => commandText(id, platform, []).split(' ')[1] ?? '')),
];

function unknownBlocks(cmd: Extract<HelpCommand, { type: 'unknown' }>, locale: Locale, platform: Platform): Block[] {
  // The word not understood: the subcommand, or a known subcommand with the verb after it.
  const [first = '', second] = cmd.input.trim().split(/\s+/);
  const typed = commandNames().includes(first.toLowerCase()) && second !== undefined ? `${first} ${second}` : first;
  const input = clip(typed.replace(/[`<>*_~{}]/g, ''), 40);
  const suggestion = suggestionFor(cmd.input);
  const names = namesOn(platform)
    .map((name) => `\`${name}\``)
    .join(', ');
  return [
    {
      type: 'text',
      text: suggestion
        ? t(locale, 'help.didYouMean', { input, suggestion: suggestionText(suggestion, platform) })
        : t(locale, 'help.unknownShort', { input }),
    },
    { type: 'context', text: t(locale, 'help.short', { names, help: `\`${commandText('help', platform)}\`` }) },
  ];
}

/** `help` (and an empty `/community`), and the answer to anything Organizer does not understand. */
export const helpHandlers: Handlers<HelpCommand> = {
  help: async (_cmd, ctx, deps) => message('ephemeral', helpBlocks(localeFor(undefined, ctx, deps), ctx.tenant.platform)),
  unknown: async (cmd, ctx, deps) => message('ephemeral', unknownBlocks(cmd, localeFor(undefined, ctx, deps), ctx.tenant.platform)),
};
