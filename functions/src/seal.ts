import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sealer } from '@organizer/core';

/**
 * Secrets at rest (installation tokens) are AES-256-GCM encrypted. Each sealed value says how its key
 * is found: `v1:local:…` with a key file under DATA_DIR, `v1:kms:…` with a data key that KMS made
 * and only KMS can unwrap (envelope encryption), stored beside the ciphertext.
 */
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

function encrypt(key: Uint8Array, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [b64(iv), b64(cipher.getAuthTag()), b64(body)].join(':');
}

function decrypt(key: Uint8Array, parts: readonly string[]): string {
  const [iv, tag, body] = parts.map((p) => Buffer.from(p, 'base64'));
  if (!iv || !tag || !body) throw new Error('sealed value is malformed');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** A key file made on first use (owner-only), under the local data directory. */
export function localSealer(dataDir: string): Sealer {
  const path = join(dataDir, 'token-key');
  let key: Promise<Buffer> | undefined;
  const load = async (): Promise<Buffer> => {
    try {
      return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
    } catch {
      await mkdir(dataDir, { recursive: true });
      try {
        await writeFile(path, b64(randomBytes(32)), { mode: 0o600, flag: 'wx' });
      } catch {
        // Another process made it first: use theirs.
      }
      return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
    }
  };
  const keyOf = () => {
    key ??= load().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  return {
    seal: async (plain) => `v1:local:${encrypt(await keyOf(), plain)}`,
    open: async (sealed) => {
      const [version, kind, ...parts] = sealed.split(':');
      if (version !== 'v1' || kind !== 'local') throw new Error('sealed value was not sealed with the local key');
      return decrypt(await keyOf(), parts);
    },
  };
}

/** The two KMS calls envelope encryption needs, in the shape of the AWS SDK's client. */
export interface KmsCalls {
  generateDataKey(keyId: string): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }>;
  decrypt(wrapped: Uint8Array): Promise<Uint8Array>;
}

/** KMS through the AWS SDK, loaded on first use (only installs and cold lookups pay for it). */
export function awsKms(region: string, endpoint?: string): KmsCalls {
  const client = (async () => {
    const m = await import('@aws-sdk/client-kms');
    // A local endpoint (a KMS stand-in) takes any credentials, as DynamoDB Local does.
    const local = endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
    return { m, kms: new m.KMSClient({ region, ...local }) };
  })();
  return {
    generateDataKey: async (keyId) => {
      const { m, kms } = await client;
      const out = await kms.send(new m.GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: out.Plaintext, wrapped: out.CiphertextBlob };
    },
    decrypt: async (wrapped) => {
      const { m, kms } = await client;
      const out = await kms.send(new m.DecryptCommand({ CiphertextBlob: wrapped }));
      if (!out.Plaintext) throw new Error('KMS returned no plaintext');
      return out.Plaintext;
    },
  };
}

/** Envelope encryption: a fresh data key per sealed value; unwrapped keys are kept for the process's life. */
export function kmsSealer(keyId: string, kms: KmsCalls): Sealer {
  const unwrapped = new Map<string, Promise<Uint8Array>>();
  return {
    seal: async (plain) => {
      const { plaintext, wrapped } = await kms.generateDataKey(keyId);
      return `v1:kms:${b64(wrapped)}:${encrypt(plaintext, plain)}`;
    },
    open: async (sealed) => {
      const [version, kind, wrapped, ...parts] = sealed.split(':');
      if (version !== 'v1' || kind !== 'kms' || !wrapped) throw new Error('sealed value was not sealed with KMS');
      let key = unwrapped.get(wrapped);
      if (!key) {
        key = kms.decrypt(Buffer.from(wrapped, 'base64'));
        unwrapped.set(wrapped, key);
        key.catch(() => unwrapped.delete(wrapped));
      }
      return decrypt(await key, parts);
    },
  };
}
