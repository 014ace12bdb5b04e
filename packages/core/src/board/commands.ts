import { literal, object, enum as oneOf, optional, type output } from 'zod/mini';

/** `board`: post (or redraw) the seven-stage board in the home channel; `board off`: stop keeping it. */
export const boardCommands = [object({ type: literal('board'), action: optional(oneOf(['on', 'off'])) })] as const;

export type BoardCommand = output<(typeof boardCommands)[number]>;
