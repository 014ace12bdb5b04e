import type { CommandOf, CommandType } from './command.ts';
import type { CommandContext, CoreDeps } from './ports.ts';
import type { Reply } from './reply.ts';

/** A use case: one command in, one reply out. */
export type Handler<T extends CommandType> = (command: CommandOf<T>, ctx: CommandContext, deps: CoreDeps) => Promise<Reply>;

/** What a feature file registers: handlers for some command types. */
export type Features<T extends CommandType> = { readonly [K in T]: Handler<K> };
