import type { Job, Outbox, OutboxItem } from '@organizer/core';
import { DynamoOutbox } from '@organizer/store-dynamodb';
import { describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../tests/support/table.ts';
import { createLogger } from './log.ts';
import { handedOver, outboxDelivery } from './outbox.ts';

const tenant = { platform: 'slack', id: 'T1' } as const;
const notice = (member: string): Job => ({ kind: 'send', tenant, to: { member }, message: { text: member, blocks: [] } });
const fanOut: Job = { kind: 'coalition.notice', tenant, communityId: 'C1', ref: 'all|joined', minute: '2026-12-01T10:00' };

describe('outbox delivery', () => {
  it('a delivery run again after it handed jobs over (it died before it was marked done) hands nothing over twice', async () => {
    const { db, tableName } = await createTestTable('functions-outbox-handover');
    let ids = 0;
    let now = new Date('2026-12-01T10:00:00Z');
    const store = new DynamoOutbox(
      db,
      tableName,
      () => now,
      () => `id${++ids}`,
    );
    // The first time an item is marked done, the process dies first: the item stays, and a later drain runs it again.
    let dies = true;
    const outbox: Outbox = Object.assign(Object.create(store) as Outbox, {
      done: async (item: OutboxItem) => {
        if (item.job.kind === 'coalition.notice' && dies) {
          dies = false;
          throw new Error('worker died');
        }
        return store.done(item);
      },
    });
    const ran: string[] = [];
    const delivery = outboxDelivery(
      outbox,
      async (job) => {
        if (job.kind === 'send' && 'member' in job.to) ran.push(job.to.member);
        // The fan-out hands over one notice per member, in two hand-overs, as a job does through `deferred.run`.
        if (job.kind === 'coalition.notice') {
          await store.add([notice('U1'), notice('U2')], handedOver());
          await store.add([notice('U3')], handedOver());
        }
      },
      () => now,
      createLogger('silent'),
    );
    await store.add([fanOut]);
    // The fan-out runs (its "done" fails, so it is retried), the notices are delivered, then the fan-out again.
    const [item] = await store.ready(10);
    expect(await delivery.deliver(item as OutboxItem)).toBe('retry');
    const handed = (await allItems(db, tableName)).filter((r) => r.entity === 'Outbox' && r.id !== 'id1');
    expect(handed.map((r) => r.id).sort()).toEqual(['id1.0.0', 'id1.0.1', 'id1.1.0']);
    for (const n of await store.ready(10)) if (n.job.kind === 'send') await delivery.deliver(n);
    const [again] = (await allItems(db, tableName)).filter((r) => r.entity === 'Outbox');
    expect(again).toMatchObject({ id: 'id1', attempts: 1 });
    // Its retry is due: it runs again, hands the same jobs over, and this time is marked done.
    now = new Date('2026-12-01T10:05:00Z');
    const [retried] = await store.ready(10);
    expect(retried).toMatchObject({ id: 'id1' });
    expect(await delivery.deliver(retried as OutboxItem)).toBe('done');
    for (const n of await store.ready(10)) await delivery.deliver(n);
    expect(ran.sort()).toEqual(['U1', 'U2', 'U3']);
    expect((await allItems(db, tableName)).filter((r) => r.entity === 'Outbox')).toEqual([]);
  });

  it('outside a delivery, nothing is named after one', () => {
    expect(handedOver()).toBeUndefined();
  });
});
