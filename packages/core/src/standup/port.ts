import type { Tenant } from '../community/model.ts';
import type { StandupAnswer, StandupRun, StandupSchedule } from './model.ts';

/** Stand-up schedules, runs and answers; implemented by `store-dynamodb`. */
export interface StandupStore {
  schedules(tenant: Tenant, communityId: string): Promise<StandupSchedule[]>;
  schedule(tenant: Tenant, communityId: string, id: string): Promise<StandupSchedule | undefined>;
  saveSchedule(tenant: Tenant, schedule: StandupSchedule): Promise<void>;
  removeSchedule(tenant: Tenant, communityId: string, id: string): Promise<boolean>;
  /** Adds or removes an opted-in member; 'missing' when the stand-up is gone. */
  setMember(tenant: Tenant, communityId: string, id: string, userId: string, joined: boolean): Promise<'saved' | 'missing'>;
  /** Turns a stand-up's nudge before the summary on or off; 'missing' when the stand-up is gone. */
  setNudge(tenant: Tenant, communityId: string, id: string, on: boolean): Promise<'saved' | 'missing'>;
  /** Creates the day's run, pending (no message yet), unless it exists. */
  createRun(tenant: Tenant, run: StandupRun): Promise<'created' | 'exists'>;
  run(tenant: Tenant, communityId: string, runId: string): Promise<StandupRun | undefined>;
  /**
   * Takes the right to post a pending run's message until `until` (ISO instants): the claim that makes two
   * ticks (or a tick and `standup now`) post one message. false when it is posted or another attempt holds it.
   */
  claimRunPost(tenant: Tenant, communityId: string, runId: string, now: string, until: string): Promise<boolean>;
  /** Gives the right to post back after the post failed, so a retry posts. */
  releaseRunPost(tenant: Tenant, communityId: string, runId: string): Promise<void>;
  /** Marks the run posted, with its message: only now does it count as gone out. */
  setRunMessage(tenant: Tenant, communityId: string, runId: string, messageId: string): Promise<void>;
  /** Records a skip; 'missing' when the run is gone. */
  skip(tenant: Tenant, communityId: string, runId: string, userId: string): Promise<'saved' | 'missing'>;
  answer(tenant: Tenant, communityId: string, runId: string, userId: string): Promise<StandupAnswer | undefined>;
  saveAnswer(tenant: Tenant, answer: StandupAnswer): Promise<void>;
  answers(tenant: Tenant, communityId: string, runId: string): Promise<StandupAnswer[]>;
  /** Answers of runs dated `from`..`to` (inclusive local dates), oldest first. */
  answersBetween(tenant: Tenant, communityId: string, from: string, to: string, limit: number): Promise<StandupAnswer[]>;
}
