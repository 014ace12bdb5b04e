import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type Ballot, type Decision, HELD_WRITES_CONFLICT, type Job, newCommunity, type Tenant } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../../tests/support/table.ts';
import { createDocumentClient } from './client.ts';
import { DynamoCommunityStore } from './community-store.ts';
import { DynamoDecisionStore } from './decision-store.ts';
import { DynamoMemberStore } from './member-store.ts';
import { DynamoOutbox } from './outbox-store.ts';

const tenant: Tenant = { platform: 'slack', id: 'T1' };
const at = '2026-12-01T10:00:00.000Z';

const decision = (id: string, over: Partial<Decision> = {}): Decision => ({
  id,
  communityId: 'C1',
  kind: 'simple',
  title: `Where do we meet (${id})?`,
  options: ['Library', 'Park'],
  electorate: { kind: 'everyone' },
  anonymous: false,
  authorId: 'U1',
  channelId: 'C1',
  createdAt: at,
  closesAt: '2026-12-04T10:00:00.000Z',
  status: 'open',
  version: 0,
  ...over,
});
const ballot = (decisionId: string, userId: string, values: number[], reason?: string): Ballot => ({
  decisionId,
  userId,
  values,
  ...(reason ? { reason } : {}),
  at,
});
const cardJob = (ref: string): Job => ({ kind: 'decision.card', tenant, communityId: 'C1', ref, minute: at.slice(0, 16) });

/** A community C1 on a fresh table, its decision store and an outbox on the same client (so writes can be held). */
async function decisionsTable(label: string) {
  const table = await createTestTable(label);
  const communities = new DynamoCommunityStore(table.db, table.tableName);
  await communities.create(newCommunity({ tenant, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: at }));
  let ids = 0;
  const outbox = new DynamoOutbox(
    table.db,
    table.tableName,
    () => new Date(at),
    () => `out${++ids}`,
  );
  const store = new DynamoDecisionStore(table.db, table.tableName);
  const rows = async (entity: string) => (await allItems(table.db, table.tableName)).filter((r) => r.entity === entity);
  return { ...table, communities, store, outbox, rows };
}

describe('DynamoDecisionStore', () => {
  it('creates decisions in a community that exists, gets them whole and lists them newest first without their ballots', async () => {
    const { store, rows } = await decisionsTable('decisions-create');
    const closed = decision('d1', {
      kind: 'ranked',
      options: ['A', 'B', 'C'],
      subject: { kind: 'debrief', campaignId: 'camp1' },
      status: 'closed',
      closedAt: '2026-12-02T10:00:00.000Z',
      outcome: {
        winners: [1],
        ballots: 3,
        eligible: 5,
        totals: [1, 2, 0],
        rounds: [
          [1, 1, 1],
          [1, 2, 0],
        ],
      },
    });
    expect(await store.create(tenant, closed)).toBe('saved');
    expect(await store.create(tenant, decision('d10', { createdAt: '2026-12-03T10:00:00.000Z', kind: 'proposal', options: [] }))).toBe(
      'saved',
    );
    expect(await store.create(tenant, decision('d2', { createdAt: '2026-12-02T09:00:00.000Z' }))).toBe('saved');
    expect(await store.vote(tenant, 'C1', ballot('d10', 'U2', [0]))).toBe('saved');

    expect(await store.get(tenant, 'C1', 'd1')).toEqual(closed);
    expect((await store.list(tenant, 'C1')).map((d) => d.id)).toEqual(['d10', 'd2', 'd1']);
    // Another tenant's community of the same id sees none of them.
    expect(await store.list({ platform: 'discord', id: 'T1' }, 'C1')).toEqual([]);
    // A community that is gone gets no decision.
    expect(await store.create(tenant, decision('d3', { communityId: 'C404' }))).toBe('missing');
    expect(await rows('Decision')).toHaveLength(3);
  });

  it('saves only over the version a change was computed from', async () => {
    const { store } = await decisionsTable('decisions-save');
    await store.create(tenant, decision('d1'));
    const read = (await store.get(tenant, 'C1', 'd1')) as Decision;
    expect(await store.save(tenant, { ...read, messageId: 'm1', version: 1 })).toBe('saved');
    // A second change made from the same read lost the race.
    expect(await store.save(tenant, { ...read, remindedAt: at, version: 1 })).toBe('conflict');
    expect(await store.get(tenant, 'C1', 'd1')).toMatchObject({ messageId: 'm1', version: 1 });
    expect((await store.get(tenant, 'C1', 'd1'))?.remindedAt).toBeUndefined();
  });

  it('keeps one ballot per person: a new one replaces theirs, and a double click is one ballot', async () => {
    const { store, rows } = await decisionsTable('decisions-replace');
    await store.create(tenant, decision('d1', { kind: 'proposal', options: [] }));
    await store.create(tenant, decision('d10'));
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [3], 'Too fast'))).toBe('saved');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [1]))).toBe('saved');
    // A double click: one of the two puts the ballot, the other finds it already says that.
    expect((await Promise.all([0, 1].map(() => store.vote(tenant, 'C1', ballot('d1', 'U3', [0], 'Yes'))))).sort()).toEqual([
      'same',
      'saved',
    ]);
    await store.vote(tenant, 'C1', ballot('d10', 'U2', [1]));

    expect(await store.ballot(tenant, 'C1', 'd1', 'U2')).toEqual(ballot('d1', 'U2', [1]));
    expect(await store.ballot(tenant, 'C1', 'd1', 'U9')).toBeUndefined();
    // d1's ballots are d1's only (not d10's, whose id starts the same).
    expect((await store.ballots(tenant, 'C1', 'd1')).sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
      ballot('d1', 'U2', [1]),
      ballot('d1', 'U3', [0], 'Yes'),
    ]);
    expect(await rows('Ballot')).toHaveLength(3);
    // Voting never rewrites the decision.
    expect((await store.get(tenant, 'C1', 'd1'))?.version).toBe(0);
  });

  it('tells a repeat from a change: the same values and reason are the same ballot, a new reason or none is not', async () => {
    const { store } = await decisionsTable('decisions-same');
    await store.create(tenant, decision('d1', { kind: 'proposal', options: [] }));
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [2], 'Too fast'))).toBe('saved');
    expect(await store.vote(tenant, 'C1', { ...ballot('d1', 'U2', [2], 'Too fast'), at: '2026-12-02T00:00:00.000Z' })).toBe('same');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [2], 'Too fast, and too far'))).toBe('saved');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [2]))).toBe('saved');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [2]))).toBe('same');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [1]))).toBe('saved');
    expect(await store.ballot(tenant, 'C1', 'd1', 'U2')).toEqual(ballot('d1', 'U2', [1]));
  });

  it('checks the member record in the vote itself when asked, and puts nothing for someone without one', async () => {
    const { store, db, tableName, rows } = await decisionsTable('decisions-member');
    await store.create(tenant, decision('d1'));
    await new DynamoMemberStore(db, tableName).count(tenant, 'C1', ['U2'], 'rsvps');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [0]), { member: true })).toBe('saved');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U3', [0]), { member: true })).toBe('notMember');
    expect((await rows('Ballot')).map((r) => r.userId)).toEqual(['U2']);
    // A closed decision is said to be closed first, whoever asks.
    await store.seal(tenant, 'C1', 'd1');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U3', [1]), { member: true })).toBe('closed');
  });

  it("keeps a toggling voter's picks on the decision, read with it, and a save of the decision keeps them", async () => {
    const { store } = await decisionsTable('decisions-picks');
    await store.create(tenant, decision('d1', { kind: 'multi', options: ['A', 'B', 'C', 'D'] }));
    expect(await store.forVote(tenant, 'C1', 'd1', 'U2')).toEqual({
      decision: decision('d1', { kind: 'multi', options: ['A', 'B', 'C', 'D'] }),
    });
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [0, 3]), { toggled: true })).toBe('saved');
    // A double click of a toggle puts the same ballot again: still one ballot.
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [0, 3]), { toggled: true })).toBe('saved');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U3', []), { toggled: true })).toBe('saved');
    const stored = await store.get(tenant, 'C1', 'd1');
    if (!stored) throw new Error('no decision');
    expect(await store.save(tenant, { ...stored, messageId: '123.4', version: 1 })).toBe('saved');
    const seen = await store.forVote(tenant, 'C1', 'd1', 'U2');
    expect(seen.picks).toEqual([0, 3]);
    expect(seen.decision).toEqual({ ...stored, messageId: '123.4', version: 1 });
    expect((await store.forVote(tenant, 'C1', 'd1', 'U3')).picks).toEqual([]);
    expect((await store.forVote(tenant, 'C1', 'd1', 'U4')).picks).toBeUndefined();
    expect(await store.forVote(tenant, 'C1', 'nope', 'U2')).toEqual({});
    // Nobody's picks are part of the decision anywhere it is read.
    expect(JSON.stringify(await store.list(tenant, 'C1'))).not.toContain('U2');
    expect(await store.ballots(tenant, 'C1', 'd1')).toEqual([ballot('d1', 'U2', [0, 3])]);
  });

  it('reads what a vote needs in one call, and counts no ballot emptied by untoggling its last option', async () => {
    const { store, db, tableName } = await decisionsTable('decisions-voter');
    await store.create(tenant, decision('d1'));
    await new DynamoMemberStore(db, tableName).count(tenant, 'C1', ['U2'], 'rsvps');
    await store.vote(tenant, 'C1', ballot('d1', 'U2', [0]));
    await store.vote(tenant, 'C1', ballot('d1', 'U3', []));

    const seen = await store.voter(tenant, 'C1', 'd1', 'U2');
    expect(seen.decision?.id).toBe('d1');
    expect(seen.ballot).toEqual(ballot('d1', 'U2', [0]));
    expect(seen.member?.userId).toBe('U2');
    // Someone the community does not know, with an emptied ballot: that ballot is theirs to toggle again.
    const other = await store.voter(tenant, 'C1', 'd1', 'U3');
    expect(other.member).toBeUndefined();
    expect(other.ballot?.values).toEqual([]);
    expect(await store.voter(tenant, 'C1', 'nope', 'U2')).toEqual({ member: seen.member });
    // Counted, shown and exported: only ballots that choose something.
    expect((await store.ballots(tenant, 'C1', 'd1')).map((b) => b.userId)).toEqual(['U2']);
  });

  it('lands 20 simultaneous votes by 20 people', async () => {
    const { store } = await decisionsTable('decisions-twenty');
    await store.create(tenant, decision('d1'));
    const people = Array.from({ length: 20 }, (_, i) => `U${100 + i}`);
    const results = await Promise.all(people.map((user, i) => store.vote(tenant, 'C1', ballot('d1', user, [i % 2]))));
    expect(results).toEqual(people.map(() => 'saved'));
    const ballots = await store.ballots(tenant, 'C1', 'd1');
    expect(ballots.map((b) => b.userId).sort()).toEqual(people);
  });

  it('tries a vote again when DynamoDB reports it collided with a simultaneous transaction on the decision', async () => {
    // DynamoDB Local runs transactions one at a time; DynamoDB cancels one that meets another on the same
    // item (TransactionConflict). A client on the same table that answers so to its first three transactions:
    const { tableName, endpoint, rows } = await decisionsTable('decisions-conflict');
    const db = createDocumentClient({ tableName, region: 'local', endpoint });
    let collisions = 3;
    db.middlewareStack.add(
      (next, context) => async (args) => {
        if (/^TransactWrite/.test(context.commandName ?? '') && collisions-- > 0)
          throw new TransactionCanceledException({
            message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None]',
            $metadata: {},
            CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
          });
        return next(args);
      },
      { step: 'initialize', name: 'collides' },
    );
    const store = new DynamoDecisionStore(db, tableName);
    expect(await store.create(tenant, decision('d1'))).toBe('saved');
    collisions = 3;
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U2', [1]))).toBe('saved');
    expect(collisions).toBe(-1);
    expect(await rows('Ballot')).toEqual([expect.objectContaining({ userId: 'U2', values: [1] })]);
    // One that keeps colliding is not retried for ever: it fails, for the command to be answered with an error.
    collisions = 100;
    await expect(store.vote(tenant, 'C1', ballot('d1', 'U3', [0]))).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(collisions).toBe(90);
  });

  it('seals against new ballots, closes exactly once, and tells a missing decision from a closed one', async () => {
    const { store, rows } = await decisionsTable('decisions-close');
    await store.create(tenant, decision('d1'));
    await store.vote(tenant, 'C1', ballot('d1', 'U2', [0]));
    const beforeSeal = (await store.get(tenant, 'C1', 'd1')) as Decision;

    expect(await store.seal(tenant, 'C1', 'd1')).toBe('sealed');
    // A close that died after sealing is finished later: sealing again still says sealed.
    expect(await store.seal(tenant, 'C1', 'd1')).toBe('sealed');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U3', [1]))).toBe('closed');
    expect(await store.ballot(tenant, 'C1', 'd1', 'U3')).toBeUndefined();
    // A save computed before the seal (a card job recording its message) cannot reopen it.
    expect(await store.save(tenant, { ...beforeSeal, messageId: 'm1', version: beforeSeal.version + 1 })).toBe('conflict');
    expect((await store.get(tenant, 'C1', 'd1'))?.status).toBe('closing');

    const outcome = { winners: [0], ballots: 1, eligible: 4, totals: [1, 0] };
    const closing = { ...decision('d1'), status: 'closed' as const, outcome, closedAt: '2026-12-04T10:00:00.000Z' };
    // Two closers at once (a second tick, a leader's "close now"): one closes it.
    expect((await Promise.all([store.close(tenant, closing), store.close(tenant, closing)])).sort()).toEqual(['already', 'closed']);
    expect(await store.close(tenant, closing)).toBe('already');
    expect(await store.get(tenant, 'C1', 'd1')).toMatchObject({ status: 'closed', outcome, closedAt: closing.closedAt, version: 2 });
    expect(await store.seal(tenant, 'C1', 'd1')).toBe('closed');
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U4', [1]))).toBe('closed');

    expect(await store.seal(tenant, 'C1', 'nope')).toBe('missing');
    expect(await store.vote(tenant, 'C1', ballot('nope', 'U2', [0]))).toBe('missing');
    // An open decision is never closed without being sealed first.
    await store.create(tenant, decision('d2'));
    expect(await store.close(tenant, { ...decision('d2'), status: 'closed', outcome })).toBe('already');
    expect(await rows('Ballot')).toHaveLength(1);
  });

  it('inside a held unit of work, commits a ballot with its reply and jobs only if the decision is still open then', async () => {
    const { store, outbox, rows } = await decisionsTable('decisions-held');
    await store.create(tenant, decision('d1'));

    const held = await outbox.holdWrites(() => store.vote(tenant, 'C1', ballot('d1', 'U2', [0])));
    expect(held.value).toBe('saved');
    expect(await rows('Ballot')).toEqual([]);
    await outbox.commit(undefined, [cardJob('d1')], held.writes);
    expect(await rows('Ballot')).toHaveLength(1);
    expect(await rows('Outbox')).toHaveLength(1);

    // Sealed between the vote and its commit: neither the ballot nor its card job is written, and the
    // command, run again writing directly (as the kernel does), hears that it closed.
    const late = await outbox.holdWrites(() => store.vote(tenant, 'C1', ballot('d1', 'U3', [1])));
    await store.seal(tenant, 'C1', 'd1');
    await expect(outbox.commit(undefined, [cardJob('d1')], late.writes)).rejects.toMatchObject({ code: HELD_WRITES_CONFLICT });
    expect(await rows('Ballot')).toHaveLength(1);
    expect(await rows('Outbox')).toHaveLength(1);
    expect(await store.vote(tenant, 'C1', ballot('d1', 'U3', [1]))).toBe('closed');
  });

  it('seals at once even inside a held unit, so the ballots counted after it are final', async () => {
    const { store, outbox } = await decisionsTable('decisions-held-seal');
    await store.create(tenant, decision('d1'));
    const held = await outbox.holdWrites(async () => {
      const sealed = await store.seal(tenant, 'C1', 'd1');
      return { sealed, status: (await store.get(tenant, 'C1', 'd1'))?.status };
    });
    expect(held.value).toEqual({ sealed: 'sealed', status: 'closing' });
    expect(held.writes).toEqual([]);
  });

  it('lands 20 simultaneous held votes with their jobs (one that collides at commit runs again writing directly, as the kernel does)', async () => {
    const { store, outbox, rows } = await decisionsTable('decisions-held-twenty');
    await store.create(tenant, decision('d1'));
    const people = Array.from({ length: 20 }, (_, i) => `U${100 + i}`);
    // What the kernel's runCommitted does with a command: held first, then once more writing directly.
    const command = async (user: string) => {
      const attempt = async (hold: boolean) => {
        const run = () => store.vote(tenant, 'C1', ballot('d1', user, [0]));
        const { value, writes } = hold ? await outbox.holdWrites(run) : { value: await run(), writes: [] };
        await outbox.commit(undefined, [cardJob(`d1#${user}`)], writes);
        return value;
      };
      return attempt(true).catch((error: { code?: string }) => {
        if (error.code !== HELD_WRITES_CONFLICT) throw error;
        return attempt(false);
      });
    };
    expect(await Promise.all(people.map(command))).toEqual(people.map(() => 'saved'));
    expect((await rows('Ballot')).map((b) => b.userId).sort()).toEqual(people);
    expect(await rows('Outbox')).toHaveLength(20);
  });

  it('leaves no decision or ballot behind when its community is erased', async () => {
    const { store, communities, db, tableName } = await decisionsTable('decisions-erase');
    await store.create(tenant, decision('d1'));
    await store.vote(tenant, 'C1', ballot('d1', 'U2', [0]));
    await communities.erase(tenant, 'C1');
    const left = (await allItems(db, tableName)).map((r) => String(r.sk));
    expect(left.filter((sk) => sk.includes('#DECISION#') || sk.includes('#BALLOT#'))).toEqual([]);
  });
});
