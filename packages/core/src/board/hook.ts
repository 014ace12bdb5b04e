import type { Community } from '../community/model.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { isReadOnly } from '../kernel/registry.ts';
import { boardJob } from './draw.ts';

/**
 * Keeps the board current at no read of its own: the communities a command looked up anyway (resolving
 * its community) are remembered, and once it changed something, each that has a posted board gets one
 * `board.redraw` job, committed with the command's other effects (so a repeat of the interaction, which
 * commits nothing, adds none). The job draws the state as it is when delivered.
 */
export function watchBoards(deps: CoreDeps): { readonly deps: CoreDeps; redraws(type: string, changed: boolean): DueJob[] } {
  const seen = new Map<string, Community>();
  const lookup: CoreDeps['store']['lookup'] = async (tenant, channelId) => {
    const found = await deps.store.lookup(tenant, channelId);
    if (found.kind === 'found') seen.set(`${tenant.platform}#${tenant.id}#${found.snapshot.community.id}`, found.snapshot.community);
    return found;
  };
  // The store as it is (its other methods through the prototype), with `lookup` watched.
  const store: CoreDeps['store'] = Object.create(deps.store, { lookup: { value: lookup } });
  return {
    deps: { ...deps, store },
    redraws(type, changed) {
      // `board` draws (or stops) the board itself; read-only commands change nothing to draw.
      if (!changed || type === 'board' || isReadOnly(type)) return [];
      const now = deps.now();
      return [...seen.values()].flatMap((c) => (c.board?.messageId ? [boardJob('board.redraw', c, c.board.since, now)] : []));
    },
  };
}

/** Worker jobs that move the board: a decision closing (a strategy or plan adopted), a campaign's next phase. */
const MOVING_JOBS: ReadonlySet<string> = new Set(['decision', 'campaign']);

/** After a worker job of a kind that moves the stages, the community's posted board is redrawn (none otherwise). */
export function boardAfterJob(job: { readonly kind: string }, community: Community, now: Date): DueJob[] {
  if (!MOVING_JOBS.has(job.kind) || !community.board?.messageId) return [];
  return [boardJob('board.redraw', community, community.board.since, now)];
}
