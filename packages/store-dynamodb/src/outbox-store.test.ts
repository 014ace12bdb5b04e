import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ephemeral, HELD_WRITES_CONFLICT, type Job, newCommunity, type Tenant } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../../tests/support/table.ts';
import { DynamoCommunityStore } from './community-store.ts';
import { DynamoOutbox } from './outbox-store.ts';

const tenant: Tenant = { platform: 'discord', id: 'G1' };
const send = (text: string): Job => ({ kind: 'send', tenant, to: { member: 'U2' }, message: { text, blocks: [{ type: 'text', text }] } });

/** An outbox on its own table, with a clock the test moves. */
async function outboxAt(label: string, start: string) {
  const table = await createTestTable(label);
  let now = new Date(start);
  let ids = 0;
  const outbox = new DynamoOutbox(
    table.db,
    table.tableName,
    () => now,
    () => `id${++ids}`,
  );
  return { ...table, outbox, move: (iso: string) => (now = new Date(iso)) };
}

describe('DynamoOutbox', () => {
  it('commits a reply with its jobs in one transaction, and a repeat of the interaction gets that reply', async () => {
    const { outbox, db, tableName } = await outboxAt('outbox-commit', '2026-12-01T10:00:00.000Z');
    expect(await outbox.claimInteraction(tenant, 'I1')).toEqual({ kind: 'new' });
    expect(await outbox.claimInteraction(tenant, 'I1')).toEqual({ kind: 'pending' });
    const reply = ephemeral('Asked <@U2>');
    const items = await outbox.commit({ tenant, id: 'I1', reply }, [send('one'), send('two')]);
    expect(items.map((i) => i.id)).toEqual(['id1', 'id2']);
    expect(await outbox.claimInteraction(tenant, 'I1')).toEqual({ kind: 'done', reply });
    const rows = await allItems(db, tableName);
    expect(rows.filter((r) => r.entity === 'Outbox')).toHaveLength(2);
    expect(rows.filter((r) => r.entity === 'Interaction')).toEqual([expect.objectContaining({ state: 'done' })]);
  });

  it('adds the jobs a delivery hands over once: run again, it adds nothing, even after the first ones were delivered', async () => {
    const { outbox, db, tableName } = await outboxAt('outbox-add-once', '2026-12-01T10:00:00.000Z');
    const many = Array.from({ length: 120 }, (_, i) => send(`notice ${i}`));
    const first = await outbox.add(many, { parent: 'P1', part: '0' });
    expect(first.map((i) => i.id).slice(0, 2)).toEqual(['P1.0.0', 'P1.0.1']);
    expect(first).toHaveLength(120);
    // One of them is delivered (removed) before the delivery that added them runs again.
    await outbox.done(first[0] as (typeof first)[0]);
    expect(await outbox.add(many, { parent: 'P1', part: '0' })).toEqual([]);
    // Another hand-over of the same delivery, and another delivery, are their own.
    expect(await outbox.add([send('later')], { parent: 'P1', part: '1' })).toHaveLength(1);
    expect(await outbox.add([send('other')], { parent: 'P2', part: '0' })).toHaveLength(1);
    const rows = await allItems(db, tableName);
    expect(rows.filter((r) => r.entity === 'Outbox')).toHaveLength(121);
    expect(rows.filter((r) => r.entity === 'OutboxAdded')).toHaveLength(4);
    // Without a delivery, jobs are added as before: new ids each time.
    expect((await outbox.add([send('a')])).map((i) => i.id)).toEqual(['id1']);
  });

  it('lets go of a claim whose command failed, and takes over one left pending for a minute', async () => {
    const { outbox, move } = await outboxAt('outbox-claims', '2026-12-01T10:00:00.000Z');
    await outbox.claimInteraction(tenant, 'I2');
    await outbox.releaseInteraction(tenant, 'I2');
    expect(await outbox.claimInteraction(tenant, 'I2')).toEqual({ kind: 'new' });
    move('2026-12-01T10:00:30.000Z');
    expect(await outbox.claimInteraction(tenant, 'I2')).toEqual({ kind: 'pending' });
    move('2026-12-01T10:01:01.000Z');
    expect(await outbox.claimInteraction(tenant, 'I2')).toEqual({ kind: 'new' });
  });

  it('hands an item to one of two takers, hides it for the lease, and shows it again when a retry is due', async () => {
    const { outbox, move } = await outboxAt('outbox-lease', '2026-12-01T10:00:00.000Z');
    const [item] = await outbox.add([send('hello')]);
    if (!item) throw new Error('no item');
    expect((await outbox.ready(10)).map((i) => i.id)).toEqual([item.id]);
    const [a, b] = await Promise.all([outbox.take(item, 60_000), outbox.take(item, 60_000)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((a ?? b)?.attempts).toBe(1);
    expect(await outbox.ready(10)).toEqual([]);
    // The taker died: a minute later the lease is over and the item is ready again.
    move('2026-12-01T10:01:00.000Z');
    const again = await outbox.ready(10);
    expect(again.map((i) => i.id)).toEqual([item.id]);
    const taken = await outbox.take(again[0] as never, 60_000);
    await outbox.retry(taken as never, new Date('2026-12-01T10:30:00.000Z'), 'Slack 500');
    move('2026-12-01T10:29:00.000Z');
    expect(await outbox.ready(10)).toEqual([]);
    move('2026-12-01T10:30:00.000Z');
    expect(await outbox.ready(10)).toEqual([expect.objectContaining({ id: item.id, attempts: 2, lastError: 'Slack 500' })]);
  });

  it('sets a failed item aside for good and counts it on its community', async () => {
    const { outbox, db, tableName } = await outboxAt('outbox-fail', '2026-12-01T10:00:00.000Z');
    await new DynamoCommunityStore(db, tableName).create(
      newCommunity({ tenant, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: '2026-12-01T09:00:00.000Z' }),
    );
    const [item] = await outbox.add([{ kind: 'event.card', tenant, communityId: 'C1', ref: 'E1', minute: '2026-12-01T10:00' }]);
    await outbox.fail(item as never, 'channel_not_found');
    expect(await outbox.ready(10)).toEqual([]);
    const rows = await allItems(db, tableName);
    expect(rows.find((r) => r.entity === 'Outbox')).toMatchObject({ state: 'failed', lastError: 'channel_not_found' });
    expect(rows.find((r) => r.entity === 'Community')).toMatchObject({ undeliveredCount: 1 });
    expect((await new DynamoCommunityStore(db, tableName).lookup(tenant, 'C1')).kind).toBe('found');
  });

  it('commits more jobs than one transaction holds', async () => {
    const { outbox, db, tableName } = await outboxAt('outbox-many', '2026-12-01T10:00:00.000Z');
    await outbox.claimInteraction(tenant, 'I3');
    await outbox.commit(
      { tenant, id: 'I3', reply: ephemeral('ok') },
      Array.from({ length: 130 }, (_, i) => send(`m${i}`)),
    );
    expect((await allItems(db, tableName)).filter((r) => r.entity === 'Outbox')).toHaveLength(130);
    expect(await outbox.ready(500)).toHaveLength(130);
  });

  it('writes a command’s held state and its effects together, or neither', async () => {
    const { outbox, db, tableName } = await outboxAt('outbox-held', '2026-12-01T10:00:00.000Z');
    const put = (sk: string, condition?: string) =>
      db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: 'slack#T1', sk, entity: 'Note' },
          ...(condition ? { ConditionExpression: condition } : {}),
        }),
      );
    const rows = async () => (await allItems(db, tableName)).map((r) => String(r.entity)).sort();

    const held = await outbox.holdWrites(async () => {
      await put('NOTE#1');
      return 'saved';
    });
    expect(held.value).toBe('saved');
    // Held, not written: nothing in the table until the commit.
    expect(await rows()).toEqual([]);
    await outbox.commit(undefined, [send('after note 1')], held.writes);
    expect(await rows()).toEqual(['Note', 'Outbox']);

    // A condition that no longer holds at commit: neither the state nor the effect is written.
    const stale = await outbox.holdWrites(async () => put('NOTE#1', 'attribute_not_exists(pk)'));
    await expect(outbox.commit(undefined, [send('after a second note 1')], stale.writes)).rejects.toMatchObject({
      code: HELD_WRITES_CONFLICT,
    });
    expect(await rows()).toEqual(['Note', 'Outbox']);
  });

  it('sends what it held, then writes directly, once a write needs its answer', async () => {
    const { outbox, db, tableName } = await outboxAt('outbox-answer', '2026-12-01T10:00:00.000Z');
    const held = await outbox.holdWrites(async () => {
      await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'slack#T1', sk: 'COUNT', n: 1 } }));
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: 'slack#T1', sk: 'COUNT' },
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes?.n;
    });
    expect(held).toEqual({ value: 2, writes: [] });
  });
});
