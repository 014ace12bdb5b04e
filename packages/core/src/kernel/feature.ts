import type { Community } from '../community/model.ts';
import type { StageId } from '../status/stages.ts';
import type { MessageKey } from './i18n/translate.ts';
import type { DueJob, DueKind } from './jobs.ts';
import type { CommandContext, CoreDeps } from './ports.ts';
import type { Reply } from './reply.ts';

/** Where a command sits in help: one of the seven stages, everyday tools, or the community itself. */
export type HelpGroup = StageId | 'everyday' | 'community';

/**
 * How one command form is typed on each platform, after `/community `. `$1`, `$2`… are the arguments a
 * catalog text fills in (`{cmd:role.edit Outreach}`); a segment whose argument is not given is left out,
 * and help shows each argument as `…`.
 */
export interface CommandForm {
  readonly slack: readonly string[];
  readonly discord: readonly string[];
}

/** One line of help: a form, its group, whether only leaders may use it, and its catalog key (`help.about.<id>`). */
export interface HelpEntry {
  readonly form: string;
  readonly group: HelpGroup;
  readonly leadersOnly: boolean;
}

/** Any command of any feature: a `type` and its fields. */
export interface AnyCommand {
  readonly type: string;
}

/** A use case: one command in, one reply out. `D`: the ports it uses (every handler may be given all of them). */
export type Handler<C extends AnyCommand, D = CoreDeps> = (command: C, ctx: CommandContext, deps: D) => Promise<Reply>;

/** A feature's handlers: one for each of its command types (a forgotten one is a compile error). */
export type Handlers<C extends AnyCommand> = { readonly [K in C['type']]: Handler<Extract<C, { type: K }>> };

/** One option of a Discord subcommand, in core's words (the Discord adapter turns it into the API's JSON). */
export interface OptionSpec {
  readonly name: string;
  readonly kind: 'string' | 'integer' | 'boolean' | 'user';
  readonly description: MessageKey;
  readonly required?: boolean;
  /** Fixed values; a pair is `[shown name, value]`. */
  readonly choices?: readonly (string | readonly [string, string])[];
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** Suggested while typing: the command that answers the suggestions for what is typed so far. */
  readonly suggest?: (query: string) => AnyCommand;
}

/** A subcommand's option values, by name, as Discord sent them. */
export type Options = (name: string) => unknown;

/** A Discord subcommand of `/community` (or a group of them: Discord allows 25 per level). */
export interface SubcommandSpec {
  readonly name: string;
  readonly description: MessageKey;
  readonly options?: readonly OptionSpec[];
  /** The subcommand's options → a raw command (validated by the kernel). */
  readonly parse?: (option: Options) => unknown;
  /** A group: `/community role add name:…`. */
  readonly subcommands?: readonly SubcommandSpec[];
  /** Still understood (older registrations of the command had it) but no longer registered with Discord. */
  readonly unlisted?: boolean;
}

/** Where a button was clicked: the message carrying it. */
export interface ActionSource {
  readonly channelId: string;
  readonly messageId?: string;
}

/**
 * Buttons whose id starts with `verb:`. Ids are `verb:action:arg…`, short (Discord custom_id ≤ 100).
 * `fromDm`: the buttons sit in direct messages, so their third part is the tenant (a DM carries none).
 */
export interface ActionSpec {
  readonly fromDm?: boolean;
  readonly decode: (action: string, args: readonly string[], source: ActionSource) => unknown;
}

/** A modal's submission → a raw command. `fromDm`: opened from a direct message, its state starts with the tenant. */
export interface ModalSpec {
  readonly fromDm?: boolean;
  readonly decode: (values: Readonly<Record<string, string>>, state: string) => unknown;
}

/** Work the worker runs for a community (due work and follow-ups). */
export type JobRunner = (job: DueJob, community: Community, deps: CoreDeps) => Promise<void>;

/**
 * Everything a feature is, in one value: the kernel derives the command union, dispatch, Slack's words,
 * Discord's command definition and option parsing, button and modal decoding, job running, erase's
 * clean-up list, help and the forms catalog texts name from the list of these (`src/features.ts`).
 */
export interface FeatureModule<C extends AnyCommand = AnyCommand> {
  readonly id: string;
  /** The zod schemas of its commands, one per `type`. */
  readonly commands: readonly unknown[];
  readonly handlers: Handlers<C>;
  /** Slack: the first word after `/community` → a raw command from the words after it. */
  readonly words?: Readonly<Record<string, (rest: readonly string[], args: string) => unknown>>;
  readonly discord?: readonly SubcommandSpec[];
  /** Buttons by the first part of their id. */
  readonly actions?: Readonly<Record<string, ActionSpec>>;
  /** Modals by id. */
  readonly modals?: Readonly<Record<string, ModalSpec>>;
  /** How its commands are typed on each platform (`{cmd:<id>}` in catalog texts), and help's lines. */
  readonly forms?: Readonly<Record<string, CommandForm>>;
  readonly help?: readonly HelpEntry[];
  /** Other words for its commands (Russian, other spellings), for "did you mean". */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  readonly jobs?: Readonly<Record<string, JobRunner>>;
  /** Commands that only read or open a modal: a repeat changes nothing, so they are never claimed. */
  readonly readOnly?: readonly C['type'][];
  /** The due kinds it schedules: a community's erase removes them all. */
  readonly dueKinds?: readonly DueKind[];
}

/** A feature as the registry holds it, whatever its commands. */
export type RegisteredFeature = Omit<FeatureModule<never>, 'readOnly'> & { readonly readOnly?: readonly string[] };

/** Declares a feature with its command type checked against its handlers. */
export const feature = <C extends AnyCommand>(module: FeatureModule<C>): FeatureModule<C> => module;
