import type { JobRunner } from '../kernel/feature.ts';

/** The decision's card in the channel, posted once and redrawn in place; reasons posted in its thread. */
export const decisionCardJobs: Readonly<Record<string, JobRunner>> = {};
