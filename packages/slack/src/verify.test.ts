import { describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackSignature } from './verify.ts';

describe('verifySlackSignature', () => {
  const now = 1_700_000_000;
  const body = 'command=%2Fcommunity&text=status';
  const signature = signSlackRequest('secret', now, body);

  it('accepts a body signed with the secret within five minutes', () => {
    expect(verifySlackSignature('secret', signature, String(now), body, now + 299)).toBe('ok');
  });

  it('rejects another secret, a changed body, a stale or future timestamp, and missing parts', () => {
    expect(verifySlackSignature('other', signature, String(now), body, now)).toBe('invalid');
    expect(verifySlackSignature('secret', signature, String(now), `${body}x`, now)).toBe('invalid');
    expect(verifySlackSignature('secret', signature, String(now), body, now + 301)).toBe('stale');
    expect(verifySlackSignature('secret', signature, String(now), body, now - 301)).toBe('stale');
    expect(verifySlackSignature(undefined, signature, String(now), body, now)).toBe('invalid');
    expect(verifySlackSignature('secret', null, String(now), body, now)).toBe('invalid');
    expect(verifySlackSignature('secret', signature, 'abc', body, now)).toBe('invalid');
    expect(verifySlackSignature('secret', 'v0=short', String(now), body, now)).toBe('invalid');
  });
});
