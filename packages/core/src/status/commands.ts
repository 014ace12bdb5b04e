import { literal, object, type output } from 'zod/mini';

/** `status`: the seven stages, as far as the community got. */
export const statusCommands = [object({ type: literal('status') })] as const;

export type StatusCommand = output<(typeof statusCommands)[number]>;
