import { literal, object, type output } from 'zod/mini';

/** A leader's report: the community's charts, drawn by the worker and posted in its home channel. */
export const reportCommands = [object({ type: literal('report') })] as const;

export type ReportCommand = output<(typeof reportCommands)[number]>;
