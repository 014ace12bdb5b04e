import type { Community } from '../community/model.ts';
import type { JobRunner } from '../kernel/feature.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Decision } from './model.ts';

/** Plans a decision's due work: the reminder a day before it closes, and its closing. */
export async function planDecision(_decision: Decision, _community: Community, _deps: CoreDeps): Promise<void> {}

/** The reminder and the closing, run by the worker when due. */
export const decisionDueJobs: Readonly<Record<string, JobRunner>> = {};
