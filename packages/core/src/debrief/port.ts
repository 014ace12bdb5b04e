import type { Tenant } from '../community/model.ts';
import type { Debrief } from './model.ts';

/** Debriefs and their next steps; implemented by `store-dynamodb`. */
export interface DebriefStore {
  /** Saves the debrief and counts it on the community. */
  create(tenant: Tenant, debrief: Debrief): Promise<'saved' | 'missing'>;
  /** The newest debriefs first. */
  list(tenant: Tenant, communityId: string, limit: number): Promise<Debrief[]>;
  /** Marks a step as handed out as `taskId` (and counts it) unless it already was: one task per step. */
  assignStep(tenant: Tenant, communityId: string, debriefId: string, index: number, taskId: string): Promise<'saved' | 'taken'>;
  /** Counts a celebration on the community. */
  celebrate(tenant: Tenant, communityId: string): Promise<void>;
}
