import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsKms, kmsSealer, localSealer } from './seal.ts';

describe('localSealer', () => {
  it('round-trips, never shows the plain text, and makes an owner-only key file once', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'seal-')), 'data');
    const a = localSealer(dir);
    const sealed = await a.seal('xoxb-secret-token');
    expect(sealed).toMatch(/^v1:local:/);
    expect(sealed).not.toContain('xoxb');
    expect(await a.seal('xoxb-secret-token')).not.toBe(sealed);
    // Another process (a restart) reads the same key.
    expect(await localSealer(dir).open(sealed)).toBe('xoxb-secret-token');
    expect(statSync(join(dir, 'token-key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a tampered value and one sealed with another key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seal-'));
    const sealer = localSealer(dir);
    const sealed = await sealer.seal('secret');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4] ?? '', 'base64');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64');
    await expect(sealer.open(parts.join(':'))).rejects.toThrow();
    await expect(localSealer(mkdtempSync(join(tmpdir(), 'seal-'))).open(sealed)).rejects.toThrow();
    await expect(sealer.open('v1:kms:abc:def')).rejects.toThrow();
  });
});

/**
 * A KMS stand-in on 127.0.0.1 speaking the JSON protocol the AWS SDK sends (GenerateDataKey, Decrypt):
 * a "wrapped" data key is the data key encrypted under the stand-in's own master key.
 */
describe('kmsSealer through the AWS SDK', () => {
  const master = randomBytes(32);
  const calls: { target: string; body: Record<string, unknown> }[] = [];
  let server: Server;
  let endpoint = '';
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, string>;
      const target = String(req.headers['x-amz-target'] ?? '');
      calls.push({ target, body });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (target === 'TrentService.GenerateDataKey') {
        const key = randomBytes(32);
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', master, iv);
        const wrapped = Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
        res.end(JSON.stringify({ KeyId: body.KeyId, Plaintext: key.toString('base64'), CiphertextBlob: wrapped.toString('base64') }));
      } else if (target === 'TrentService.Decrypt') {
        const blob = Buffer.from(body.CiphertextBlob ?? '', 'base64');
        const decipher = createDecipheriv('aes-256-gcm', master, blob.subarray(0, 12));
        decipher.setAuthTag(blob.subarray(-16));
        const key = Buffer.concat([decipher.update(blob.subarray(12, -16)), decipher.final()]);
        res.end(JSON.stringify({ KeyId: 'alias/test', Plaintext: key.toString('base64') }));
      } else {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'UnknownOperationException' }));
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('seals with a fresh data key per value, and unwraps each key once per process', async () => {
    const sealer = kmsSealer('alias/test', awsKms('local', endpoint));
    const one = await sealer.seal('xoxb-one');
    const two = await sealer.seal('xoxb-two');
    expect(one).toMatch(/^v1:kms:/);
    expect(one.split(':')[2]).not.toBe(two.split(':')[2]);
    expect(calls.filter((c) => c.target === 'TrentService.GenerateDataKey').map((c) => c.body)).toEqual([
      { KeyId: 'alias/test', KeySpec: 'AES_256' },
      { KeyId: 'alias/test', KeySpec: 'AES_256' },
    ]);

    // A cold process opens them with KMS's help, once per wrapped key.
    const cold = kmsSealer('alias/test', awsKms('local', endpoint));
    expect(await cold.open(one)).toBe('xoxb-one');
    expect(await cold.open(one)).toBe('xoxb-one');
    expect(await cold.open(two)).toBe('xoxb-two');
    expect(calls.filter((c) => c.target === 'TrentService.Decrypt')).toHaveLength(2);
    await expect(cold.open('v1:local:a:b:c')).rejects.toThrow();
  });
});
