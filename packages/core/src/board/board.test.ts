import { describe, expect, it } from 'vitest';
import { newCommunity } from '../community/model.ts';
import '../features.ts';
import { boardAfterJob, watchBoards } from './hook.ts';
import { isMessageGone } from './job.ts';
import { parseBoardArgs } from './module.ts';

const tenant = { platform: 'slack', id: 'T1' } as const;
const base = newCommunity({ tenant, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: '2026-12-01T00:00:00.000Z' });
const posted = { ...base, board: { channelId: 'C1', since: '2026-12-01T10:00:00.000Z', by: 'U1', messageId: '5.0001' } };
const now = new Date('2026-12-02T06:00:30.000Z');

/** Deps whose store finds `community` (and counts the reads): all a board hook touches. */
function deps(community: typeof base) {
  let reads = 0;
  const store = {
    lookup: async () => {
      reads++;
      return { kind: 'found' as const, snapshot: { community } };
    },
  };
  return { value: { store, now: () => now } as never, reads: () => reads };
}

describe('board words', () => {
  it('reads board and board off, in Russian too', () => {
    expect(parseBoardArgs([])).toEqual({ type: 'board' });
    expect(parseBoardArgs(['OFF'])).toEqual({ type: 'board', action: 'off' });
    expect(parseBoardArgs(['выкл'])).toEqual({ type: 'board', action: 'off' });
    expect(parseBoardArgs(['please'])).toEqual({ type: 'board' });
  });
});

describe('the message is gone', () => {
  it('is Slack message_not_found or Discord 10008, nothing else', () => {
    expect(isMessageGone({ code: 'slack_webapi_platform_error', data: { error: 'message_not_found' } })).toBe(true);
    expect(isMessageGone({ code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } })).toBe(false);
    expect(isMessageGone({ status: 404, code: 10008 })).toBe(true);
    expect(isMessageGone({ status: 403, code: 50013 })).toBe(false);
    expect(isMessageGone(new Error('timeout'))).toBe(false);
  });
});

describe('watchBoards', () => {
  it('gives a changing command one redraw of the posted board it looked up, with no read of its own', async () => {
    const d = deps(posted);
    const watch = watchBoards(d.value);
    await watch.deps.store.lookup(tenant, 'C1');
    expect(d.reads()).toBe(1);
    expect(watch.redraws('role.add', true)).toEqual([
      { kind: 'board.redraw', tenant, communityId: 'C1', ref: posted.board.since, minute: '2026-12-02T06:00' },
    ]);
    expect(d.reads()).toBe(1);
  });

  it('gives none for read-only commands, unchanged state, board itself, or a board not posted yet', async () => {
    const watch = watchBoards(deps(posted).value);
    await watch.deps.store.lookup(tenant, 'C1');
    expect(watch.redraws('status', true)).toEqual([]);
    expect(watch.redraws('role.add', false)).toEqual([]);
    expect(watch.redraws('board', true)).toEqual([]);
    const pending = watchBoards(deps({ ...base, board: { channelId: 'C1', since: 's', by: 'U1' } }).value);
    await pending.deps.store.lookup(tenant, 'C1');
    expect(pending.redraws('role.add', true)).toEqual([]);
    const none = watchBoards(deps(base).value);
    await none.deps.store.lookup(tenant, 'C1');
    expect(none.redraws('role.add', true)).toEqual([]);
  });
});

describe('boardAfterJob', () => {
  it('redraws after a decision closes or a campaign moves on, not after a stand-up prompt', () => {
    const job = (kind: string) => ({ kind });
    expect(boardAfterJob(job('decision'), posted, now).map((j) => j.kind)).toEqual(['board.redraw']);
    expect(boardAfterJob(job('campaign'), posted, now)).toHaveLength(1);
    expect(boardAfterJob(job('standup'), posted, now)).toEqual([]);
    expect(boardAfterJob(job('decision'), base, now)).toEqual([]);
  });
});
