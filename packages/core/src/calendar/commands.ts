import { _default, boolean, literal, object, type output } from 'zod/mini';

/** `calendar`: the links to the community's feed and the reader's own; `reset: true` (leaders) makes old links stop working. */
export const calendarCommands = [object({ type: literal('calendar'), reset: _default(boolean(), false) })] as const;

export type CalendarCommand = output<(typeof calendarCommands)[number]>;
