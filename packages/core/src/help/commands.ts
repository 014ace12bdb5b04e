import { literal, object, type output } from 'zod/mini';
import { short } from '../kernel/fields.ts';

/** Help, and the answer to anything not understood (the adapters' fallback for an unknown word). */
export const helpCommands = [object({ type: literal('help') }), object({ type: literal('unknown'), input: short(200) })] as const;

export type HelpCommand = output<(typeof helpCommands)[number]>;
