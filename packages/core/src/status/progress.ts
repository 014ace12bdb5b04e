import type { CommunitySnapshot } from '../community/facts.ts';
import { deriveFacts } from '../community/facts.ts';
import type { StageMark } from '../community/model.ts';
import type { ChecklistItem, FactId, Stage } from './stages.ts';
import { stages } from './stages.ts';

/** One checklist item as it stands: done or not, and for counted items how far along it is. */
export interface ItemProgress {
  readonly item: ChecklistItem;
  readonly done: boolean;
  readonly count?: { readonly done: number; readonly total: number };
}

/** One stage's progress: its checklist item by item; done only when every item is. */
export interface StageProgress {
  readonly stage: Stage;
  readonly items: readonly ItemProgress[];
  readonly done: number;
  readonly total: number;
  readonly complete: boolean;
  /** A leader's mark: the stage is done in their judgement, whatever its checklist still lacks. */
  readonly marked?: StageMark;
}

/** Progress through all seven stages and the single next suggested action. */
export interface Progress {
  readonly stages: readonly StageProgress[];
  /** The first unfinished checklist item of the first stage neither finished nor marked done; absent when none is left. */
  readonly next?: ChecklistItem;
}

/** Items that are a number reached (stories of self, one-on-ones, values): how many of how many. */
const counts: Partial<Record<FactId, (s: CommunitySnapshot) => { done: number; total: number }>> = {
  'story.self': ({ community }) => ({ done: community.selfAuthors.length, total: community.selfStoriesNeeded }),
  'relationships.oneOnOnes': ({ community }) => ({ done: community.activity.oneOnOnes, total: community.oneOnOneTarget }),
  'relationships.values': ({ community }) => ({ done: community.activity.values, total: 3 }),
};

/**
 * Derives progress from what the community actually did. A stage is complete only when its whole
 * checklist is: a leader's mark never fills in items (a stage called complete with items missing told
 * leaders the wrong thing), it is shown beside them and moves the next suggested action past the stage.
 */
export function computeProgress(snapshot: CommunitySnapshot): Progress {
  const facts = deriveFacts(snapshot);
  let next: ChecklistItem | undefined;
  const result = stages.map((stage) => {
    const items = stage.checklist.map((item) => {
      const count = counts[item.fact]?.(snapshot);
      return {
        item,
        done: facts.has(item.fact),
        ...(count ? { count: { done: Math.min(count.done, count.total), total: count.total } } : {}),
      };
    });
    const done = items.filter((i) => i.done).length;
    const complete = done === items.length;
    const marked = snapshot.community.stageMarks?.[stage.id];
    if (!complete && !marked && !next) next = items.find((i) => !i.done)?.item;
    return { stage, items, done, total: items.length, complete, ...(marked ? { marked } : {}) };
  });
  return { stages: result, ...(next ? { next } : {}) };
}
