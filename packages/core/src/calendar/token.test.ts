import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FeedSigner } from './port.ts';
import { feedToken, feedUrl, keyHolds, readToken } from './token.ts';

const signer = (secret: string): FeedSigner => ({
  sign: async (message) => createHmac('sha256', secret).update(message).digest('hex'),
  baseUrl: () => 'https://organizer.example',
});
const ours = signer('a-secret-long-enough-for-a-test-0123');
const ref = { tenant: { platform: 'slack' as const, id: 'T0001' }, communityId: 'C1' };
const source = (key: string) => ({ name: 'Green Street', key });
/** A token read back; a test fails here when its first signature does not hold. */
async function readBack(token: string) {
  const read = await readToken(token, ours);
  if (!read) throw new Error(`${token} was refused`);
  return read;
}

describe('calendar feed tokens', () => {
  it('name the tenant, community and person, and read back as they were made', async () => {
    const token = await feedToken({ ...ref, userId: 'U2' }, 'k1', ours);
    expect(token).toMatch(/^s\.T0001\.C1\.U2\.[0-9a-f]{48}$/);
    const read = await readBack(token);
    expect(read.ref).toEqual({ ...ref, userId: 'U2' });
    expect(await keyHolds(read.ref, read.signature, source('k1'), ours)).toBe(true);
    expect(feedUrl(token, ours)).toBe(`https://organizer.example/calendar/${token}.ics`);
  });

  it('refuse another person, community or tenant before anything is read', async () => {
    const token = await feedToken({ ...ref, userId: 'U2' }, 'k1', ours);
    for (const altered of [
      token.replace('.U2.', '.U3.'),
      token.replace('.C1.', '.C2.'),
      token.replace('s.T0001', 'd.T0001'),
      token.replace('.U2.', '.'),
      `${token}0`,
      token.replace('.C1.', '.C_1.'),
    ])
      expect(await readToken(altered, ours), altered).toBeUndefined();
    expect(await readToken(token, signer('another-deployment-secret-0123456'))).toBeUndefined();
  });

  it('stop holding once the community’s feed key is new', async () => {
    const token = await feedToken(ref, 'old-key', ours);
    const read = await readBack(token);
    expect(read.ref).toEqual(ref);
    expect(await keyHolds(ref, read.signature, source('old-key'), ours)).toBe(true);
    expect(await keyHolds(ref, read.signature, source('new-key'), ours)).toBe(false);
  });
});
