import { literal, object, type output } from 'zod/mini';

/** A leader's export of all the community's data, as files in their direct messages. */
export const exportCommands = [object({ type: literal('export') })] as const;

export type ExportCommand = output<(typeof exportCommands)[number]>;
