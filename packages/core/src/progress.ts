import type { CommunitySnapshot } from './facts.ts';
import { deriveFacts } from './facts.ts';
import type { ChecklistItem, Stage } from './stages.ts';
import { stages } from './stages.ts';

/** One stage's progress: how many checklist items hold, and whether it is done. */
export interface StageProgress {
  readonly stage: Stage;
  readonly done: number;
  readonly total: number;
  readonly complete: boolean;
}

/** Progress through all seven stages and the single next suggested action. */
export interface Progress {
  readonly stages: readonly StageProgress[];
  /** The first unfinished checklist item of the first unfinished stage; absent when all are done. */
  readonly next?: ChecklistItem;
}

/** Derives progress from what the community actually did, plus stages a leader marked done. */
export function computeProgress(snapshot: CommunitySnapshot): Progress {
  const facts = deriveFacts(snapshot);
  const marked = new Set(snapshot.community.stagesMarkedDone);
  let next: ChecklistItem | undefined;
  const result = stages.map((stage) => {
    const done = stage.checklist.filter((item) => facts.has(item.fact)).length;
    const complete = marked.has(stage.id) || done === stage.checklist.length;
    if (!complete && !next) next = stage.checklist.find((item) => !facts.has(item.fact));
    return { stage, done: complete ? stage.checklist.length : done, total: stage.checklist.length, complete };
  });
  return { stages: result, ...(next ? { next } : {}) };
}
