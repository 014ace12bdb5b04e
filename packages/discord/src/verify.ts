import { createPublicKey, type KeyObject, verify } from 'node:crypto';

// DER prefix of an Ed25519 SubjectPublicKeyInfo: Discord gives the raw 32-byte key in hex.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const keys = new Map<string, KeyObject | undefined>();

function publicKey(hex: string): KeyObject | undefined {
  if (!keys.has(hex)) {
    let key: KeyObject | undefined;
    if (/^[0-9a-fA-F]{64}$/.test(hex)) {
      try {
        key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
      } catch {
        key = undefined;
      }
    }
    keys.set(hex, key);
  }
  return keys.get(hex);
}

/** Ed25519 over `timestamp + raw body` with the application's public key. Never throws. */
export function verifyDiscordSignature(
  publicKeyHex: string,
  signatureHex: string | null,
  timestamp: string | null,
  rawBody: string,
): boolean {
  const key = publicKey(publicKeyHex);
  if (!key || !signatureHex || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.from(timestamp + rawBody), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
