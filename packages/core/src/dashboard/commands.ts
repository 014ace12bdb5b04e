import { literal, object, type output } from 'zod/mini';

/** A leader's private, expiring link to the community's web dashboard. */
export const dashboardCommands = [object({ type: literal('dashboard') })] as const;

export type DashboardCommand = output<(typeof dashboardCommands)[number]>;
