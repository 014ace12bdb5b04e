import { literal, object, type output } from 'zod/mini';

/** The Slack App Home: someone opened their Home tab (an Events API event, not a typed command). */
export const homeCommands = [object({ type: literal('home.open') }), object({ type: literal('me.view') })] as const;

export type HomeCommand = output<(typeof homeCommands)[number]>;
/** `/community me` (Slack), `/community me home` (Discord): the same view as an ephemeral answer. */
export type MeCommand = Extract<HomeCommand, { type: 'me.view' }>;
