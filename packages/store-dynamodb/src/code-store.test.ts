import { CODE_TRIES, CODE_TTL_MS, type IssuedCode, type Tenant } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../../tests/support/table.ts';
import { DynamoCodeStore } from './code-store.ts';

const slack: Tenant = { platform: 'slack', id: 'T1' };
const discord: Tenant = { platform: 'discord', id: 'G1' };
// Just past the start of a tries window, so every step of a test stays inside it.
const now = new Date(Math.floor(Date.parse('2026-12-01T10:00:00.000Z') / CODE_TTL_MS) * CODE_TTL_MS + 1000);
const later = (ms: number) => new Date(now.getTime() + ms);

const issued = (coalitionId: string, expiresAt = later(CODE_TTL_MS)): IssuedCode => ({
  purpose: 'coalition',
  coalitionId,
  coalitionName: `Coalition ${coalitionId}`,
  issuedBy: { tenant: slack, communityId: 'C1', userId: 'U1' },
  expiresAt: expiresAt.toISOString(),
});
const place = (channelId: string, tenant: Tenant = discord) => ({ tenant, channelId });

async function codesTable(label: string) {
  const table = await createTestTable(label);
  const store = new DynamoCodeStore(table.db, table.tableName);
  const rows = async (entity: string) => (await allItems(table.db, table.tableName)).filter((r) => r.entity === entity);
  return { ...table, store, rows };
}

describe('DynamoCodeStore', () => {
  it('keeps a code with its TTL, redeems it once from another tenant, then knows it no more', async () => {
    const { store, rows } = await codesTable('codes-once');
    expect(await store.issue('K7QX2M9DTR', issued('k1'))).toBe('issued');
    expect(await store.issue('K7QX2M9DTR', issued('k2'))).toBe('exists');
    const [row] = await rows('Code');
    expect(row).toMatchObject({ pk: 'CODE#K7QX2M9DTR', sk: 'CODE', coalitionId: 'k1' });
    expect(row?.expiresAt).toBe(Math.ceil(later(CODE_TTL_MS).getTime() / 1000));

    expect(await store.redeem('K7QX2M9DTR', place('D1'), later(60_000))).toEqual({ kind: 'ok', issued: issued('k1') });
    expect(await store.redeem('K7QX2M9DTR', place('D1'), later(61_000))).toEqual({ kind: 'unknown' });
    expect(await rows('Code')).toEqual([]);
    // The second try was a failure, counted for that place.
    expect((await rows('CodeTries')).map((r) => [r.sk, r.tries])).toEqual([[expect.stringMatching(/^CODETRIES#D1#\d+$/), 1]]);
  });

  it('refuses a code past its time (and uses it up), counting the try', async () => {
    const { store, rows } = await codesTable('codes-expired');
    await store.issue('EXP1REDCDE', issued('k1', later(CODE_TTL_MS)));
    expect(await store.redeem('EXP1REDCDE', place('D1'), later(CODE_TTL_MS))).toEqual({ kind: 'expired' });
    expect(await rows('Code')).toEqual([]);
    expect((await rows('CodeTries'))[0]?.tries).toBe(1);
    // A leftover past its time (TTL deletes late) may be issued again.
    await store.issue('STALECODE1', issued('k1', later(CODE_TTL_MS)));
    expect(await store.issue('STALECODE1', issued('k2', later(2 * CODE_TTL_MS + 5000)))).toBe('issued');
    expect((await rows('Code'))[0]?.coalitionId).toBe('k2');
  });

  it('after five failed tries in a window refuses even a good code from that place, and allows again in the next window', async () => {
    const { store, rows } = await codesTable('codes-tries');
    await store.issue('GOODCODE01', issued('k1', later(3 * CODE_TTL_MS)));
    for (let i = 0; i < CODE_TRIES; i++) expect((await store.redeem(`WRONG0000${i}`, place('D1'), later(i * 1000))).kind).toBe('unknown');
    expect(await store.redeem('GOODCODE01', place('D1'), later(10_000))).toEqual({ kind: 'tooMany' });
    // Nothing was looked up: the code still stands, and the refusal is not counted on.
    expect(await rows('Code')).toHaveLength(1);
    expect((await rows('CodeTries'))[0]?.tries).toBe(CODE_TRIES);
    // Another channel, or the same channel id in another tenant, is another place.
    expect((await store.redeem('WRONG00009', place('D2'), later(11_000))).kind).toBe('unknown');
    expect((await store.redeem('WRONG00009', place('D1', slack), later(12_000))).kind).toBe('unknown');
    const next = later(CODE_TTL_MS);
    expect(await store.redeem('GOODCODE01', place('D1'), next)).toEqual({ kind: 'ok', issued: issued('k1', later(3 * CODE_TTL_MS)) });
    const tries = await rows('CodeTries');
    expect(tries).toHaveLength(3);
    // Each kept two windows past the start of its own (the TTL attribute, epoch seconds).
    const window = Math.floor(now.getTime() / CODE_TTL_MS);
    for (const t of tries) expect(t.expiresAt).toBe(((window + 2) * CODE_TTL_MS) / 1000);
  });

  it('gives a code to exactly one of ten simultaneous redemptions', async () => {
    const { store, rows } = await codesTable('codes-race');
    await store.issue('RACEC0DE10', issued('k1'));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.redeem('RACEC0DE10', place(`D${i}`), later(1000))));
    expect(results.filter((r) => r.kind === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'unknown')).toHaveLength(9);
    expect(await rows('Code')).toEqual([]);
    expect((await rows('CodeTries')).reduce((n, r) => n + Number(r.tries), 0)).toBe(9);
  });
});
