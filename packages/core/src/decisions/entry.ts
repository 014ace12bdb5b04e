import type { CommandForm, HelpEntry, SubcommandSpec } from '../kernel/feature.ts';

/** Slack's words for the decision commands (`propose`, `poll`, `decisions`). */
export const decisionWords: Readonly<Record<string, (rest: readonly string[], args: string) => unknown>> = {};
/** Discord: one `decide` group (`/community` has no room for more top-level subcommands). */
export const decisionDiscord: readonly SubcommandSpec[] = [];
export const decisionForms: Readonly<Record<string, CommandForm>> = {};
export const decisionHelp: readonly HelpEntry[] = [];
export const decisionAliases: Readonly<Record<string, readonly string[]>> = {};
