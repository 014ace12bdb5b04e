import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FeedSigner } from '../calendar/port.ts';
import { feedToken, readToken } from '../calendar/token.ts';
import { dashboardKeyHolds, dashboardToken, dashboardUrl, readDashboardToken } from './token.ts';

const signer = (secret: string): FeedSigner => ({
  sign: async (message) => createHmac('sha256', secret).update(message).digest('hex'),
  baseUrl: () => 'https://organizer.example',
});
const ours = signer('a-secret-long-enough-for-a-test-0123');
const ref = { tenant: { platform: 'slack' as const, id: 'T0001' }, communityId: 'C1', expiresAt: 1_800_000_000 };
const source = (key: string) => ({ name: 'Green Street', key });

describe('dashboard tokens', () => {
  it('name the tenant, community and expiry, and read back as they were made', async () => {
    const token = await dashboardToken(ref, 'k1', ours);
    expect(token).toMatch(/^s\.T0001\.C1\.1800000000\.[0-9a-f]{48}$/);
    const read = await readDashboardToken(token, ours);
    expect(read?.ref).toEqual(ref);
    expect(await dashboardKeyHolds(ref, read?.signature ?? '', source('k1'), ours)).toBe(true);
    expect(dashboardUrl(token, ours)).toBe(`https://organizer.example/dashboard/${token}`);
  });

  it('refuse another community, tenant, platform or a later expiry before anything is read', async () => {
    const token = await dashboardToken(ref, 'k1', ours);
    for (const [from, to] of [
      ['.C1.', '.C2.'],
      ['s.T0001', 's.T0002'],
      ['s.T0001', 'd.T0001'],
      ['.1800000000.', '.1800086400.'],
    ] as const)
      expect(await readDashboardToken(token.replace(from, to), ours), to).toBeUndefined();
    // Every byte of the first signature counts.
    const outer = token.length - 48;
    for (let i = outer; i < outer + 16; i++) {
      const changed = `${token.slice(0, i)}${token[i] === '0' ? '1' : '0'}${token.slice(i + 1)}`;
      expect(await readDashboardToken(changed, ours)).toBeUndefined();
    }
    expect(await readDashboardToken(token, signer('another-deployment-secret-000000'))).toBeUndefined();
    for (const junk of ['', 'nonsense', `${token}.x`, token.replace('.C1.', '.C-1.'), token.toUpperCase()])
      expect(await readDashboardToken(junk, ours), junk).toBeUndefined();
  });

  it('end with the community’s key: a reset key refuses every link made before it', async () => {
    const token = await dashboardToken(ref, 'k1', ours);
    const read = await readDashboardToken(token, ours);
    expect(await dashboardKeyHolds(ref, read?.signature ?? '', source('k2'), ours)).toBe(false);
    // A changed byte in the second signature fails there.
    const last = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    const readLast = await readDashboardToken(last, ours);
    expect(await dashboardKeyHolds(ref, readLast?.signature ?? '', source('k1'), ours)).toBe(false);
  });

  it('are never calendar feed tokens, nor the other way round', async () => {
    const dashboard = await dashboardToken(ref, 'k1', ours);
    expect(await readToken(dashboard, ours)).toBeUndefined();
    const feed = await feedToken({ tenant: ref.tenant, communityId: 'C1', userId: 'U2' }, 'k1', ours);
    expect(await readDashboardToken(feed, ours)).toBeUndefined();
  });
});
