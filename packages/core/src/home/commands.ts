import { literal, object, type output } from 'zod/mini';

/** The Slack App Home: someone opened their Home tab (an Events API event, not a typed command). */
export const homeCommands = [object({ type: literal('home.open') })] as const;

export type HomeCommand = output<(typeof homeCommands)[number]>;
