import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyDiscordSignature } from './verify.ts';

describe('verifyDiscordSignature', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const body = '{"type":1}';
  const timestamp = '1700000000';
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');

  it('accepts the signature of timestamp + body', () => {
    expect(verifyDiscordSignature(hex, signature, timestamp, body)).toBe(true);
  });

  it('rejects a changed body or timestamp, another key, and malformed input without throwing', () => {
    expect(verifyDiscordSignature(hex, signature, timestamp, '{"type":2}')).toBe(false);
    expect(verifyDiscordSignature(hex, signature, '1700000001', body)).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    expect(verifyDiscordSignature(other, signature, timestamp, body)).toBe(false);
    expect(verifyDiscordSignature('zz', signature, timestamp, body)).toBe(false);
    expect(verifyDiscordSignature(hex, 'not-hex', timestamp, body)).toBe(false);
    expect(verifyDiscordSignature(hex, null, timestamp, body)).toBe(false);
    expect(verifyDiscordSignature(hex, signature, null, body)).toBe(false);
  });
});
