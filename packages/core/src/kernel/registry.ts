import { discriminatedUnion } from 'zod/mini';
import type {
  ActionSource,
  AnyCommand,
  CommandForm,
  Handler,
  HelpEntry,
  JobRunner,
  ModalSpec,
  Options,
  RegisteredFeature,
  SubcommandSpec,
} from './feature.ts';
import type { DueKind } from './jobs.ts';

/**
 * The features Organizer is made of, registered once at start (`src/features.ts`), and everything derived
 * from them. Nothing here names a feature: adding one, or a command to one, touches its folder only.
 */
let modules: readonly RegisteredFeature[] = [];
let schema: { safeParse(raw: unknown): { success: true; data: AnyCommand } | { success: false } } | undefined;
const handlerOf = new Map<string, Handler<AnyCommand>>();

export function registerFeatures(list: readonly RegisteredFeature[], extraSchemas: readonly unknown[] = []): void {
  modules = list;
  handlerOf.clear();
  for (const module of list)
    for (const [type, handler] of Object.entries(module.handlers)) {
      if (handlerOf.has(type)) throw new Error(`Two features answer ${type}`);
      handlerOf.set(type, handler as Handler<AnyCommand>);
    }
  // A Slack word, a button's verb or a modal id belongs to one feature: two would answer the same click.
  for (const pick of [(m: RegisteredFeature) => m.words, (m: RegisteredFeature) => m.actions, (m: RegisteredFeature) => m.modals]) {
    const keys = list.flatMap((m) => Object.keys(pick(m) ?? {}));
    const twice = keys.find((key, i) => keys.indexOf(key) !== i);
    if (twice) throw new Error(`Two features take ${twice}`);
  }
  const schemas = [...list.flatMap((m) => m.commands), ...extraSchemas];
  schema = discriminatedUnion('type', schemas as any) as unknown as typeof schema;
}

export const features = (): readonly RegisteredFeature[] => modules;

/** A raw command (from a parser, a button, a modal) → a valid command, or undefined. */
export function validCommand(raw: unknown): AnyCommand | undefined {
  if (raw === undefined || !schema) return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export const handlerFor = (type: string): Handler<AnyCommand> | undefined => handlerOf.get(type);

/** Slack: `/community <word> <rest…>` → a raw command, or undefined when no feature takes the word. */
export function fromWords(word: string, rest: readonly string[], args: string): unknown {
  for (const module of modules) {
    const parse = module.words?.[word];
    if (parse && Object.hasOwn(module.words ?? {}, word)) return parse(rest, args);
  }
  return undefined;
}

/** Every Discord subcommand (or group), in the features' order. */
export const discordSubcommands = (): readonly SubcommandSpec[] => modules.flatMap((m) => m.discord ?? []);

/** The subcommand (or group member) named by Discord's options, and its option values. */
export function discordSubcommand(
  name: string,
  options: readonly { name?: unknown; value?: unknown; options?: unknown }[] | undefined,
): { spec: SubcommandSpec; option: Options } | undefined {
  const top = discordSubcommands().find((s) => s.name === name);
  if (!top) return undefined;
  if (!top.subcommands) return { spec: top, option: optionsOf(options) };
  const inner = options?.[0];
  const spec = top.subcommands.find((s) => s.name === inner?.name);
  return spec ? { spec, option: optionsOf(inner?.options as typeof options) } : undefined;
}

const optionsOf =
  (options: readonly { name?: unknown; value?: unknown }[] | undefined): Options =>
  (name) =>
    options?.find((o) => o.name === name)?.value;

/** Discord: `/community <name> …` → a raw command from its options, or undefined when no feature has the subcommand. */
export function fromDiscord(name: string, options: readonly { name?: unknown; value?: unknown; options?: unknown }[] | undefined): unknown {
  const found = discordSubcommand(name, options);
  return found?.spec.parse ? (found.spec.parse(found.option) ?? { type: 'unknown', input: name }) : undefined;
}

/** A Discord option being typed → the command that suggests values, or undefined. */
export function suggestCommandFor(path: readonly string[], optionName: string, query: string): AnyCommand | undefined {
  const [name, inner] = path;
  const top = discordSubcommands().find((s) => s.name === name);
  const spec = top?.subcommands ? top.subcommands.find((s) => s.name === inner) : top;
  return spec?.options?.find((o) => o.name === optionName)?.suggest?.(query);
}

const actionSpec = (verb: string) => modules.find((m) => m.actions && Object.hasOwn(m.actions, verb))?.actions?.[verb];
const modalSpec = (id: string): ModalSpec | undefined => modules.find((m) => m.modals && Object.hasOwn(m.modals, id))?.modals?.[id];

/** A clicked button → a raw command, or undefined when no feature owns its id. */
export function fromAction(id: string, source: ActionSource): unknown {
  const [verb = '', action = '', ...args] = id.split(':');
  return actionSpec(verb)?.decode(action, args, source);
}

/** A submitted modal → a raw command, or undefined when no feature owns it. */
export function fromModal(id: string, values: Readonly<Record<string, string>>, state: string): unknown {
  return modalSpec(id)?.decode(values, state);
}

/** Whether a feature owns the button (or modal) at all. */
export const ownsAction = (id: string): boolean => actionSpec(id.split(':')[0] ?? '') !== undefined;
export const ownsModal = (id: string): boolean => modalSpec(id) !== undefined;

/**
 * The tenant a button or modal from a direct message belongs to (Discord sends DM interactions without a
 * guild): buttons `verb:action:<tenant>:…`, modals `<id>|<tenant>|…`. Undefined for anything else.
 */
export function tenantOfInteraction(customId: string): string | undefined {
  if (customId.includes('|')) {
    const [id = '', tenant] = customId.split('|');
    return modalSpec(id)?.fromDm && tenant ? tenant : undefined;
  }
  const [verb = '', , tenant] = customId.split(':');
  return actionSpec(verb)?.fromDm && tenant ? tenant : undefined;
}

/** Whether a command only reads (or opens a modal), so a repeat of it needs no claim. */
export const isReadOnly = (type: string): boolean => modules.some((m) => m.readOnly?.includes(type));

export const jobRunner = (kind: string): JobRunner | undefined => modules.find((m) => m.jobs && Object.hasOwn(m.jobs, kind))?.jobs?.[kind];

/** Every due kind any feature schedules. */
export const dueKinds = (): readonly DueKind[] => [...new Set(modules.flatMap((m) => m.dueKinds ?? []))];

export const featureForms = (): Readonly<Record<string, CommandForm>> => Object.assign({}, ...modules.map((m) => m.forms ?? {}));
export const featureHelp = (): readonly HelpEntry[] => modules.flatMap((m) => m.help ?? []);
export const featureAliases = (): Readonly<Record<string, readonly string[]>> => Object.assign({}, ...modules.map((m) => m.aliases ?? {}));
