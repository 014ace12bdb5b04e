import { createServer, type Server, type Socket } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, dynamoTimeouts } from './client.ts';
import { ensureTable, tableReady } from './ensure-table.ts';

/** A database that accepts connections and never answers, as a frozen DynamoDB Local does. */
let silent: Server;
let endpoint = '';
const sockets: Socket[] = [];

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket);
    socket.resume();
  });
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', () => done()));
  endpoint = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((done) => silent.close(done));
});

describe('createDocumentClient', () => {
  it('fails a call to a database that never answers within the platforms’ 3 seconds', async () => {
    const db = createDocumentClient({ tableName: 't', region: 'local', endpoint });
    const started = Date.now();
    await expect(db.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }))).rejects.toThrow();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(dynamoTimeouts.attemptMs - 100);
    expect(took).toBeLessThan(3000);
  });

  it('says a silent database is not ready within about a second', async () => {
    const db = createDocumentClient({ tableName: 't', region: 'local', endpoint });
    const started = Date.now();
    expect(await tableReady(db, 't', 500)).toEqual({ ok: false, reason: 'database: no answer in time' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('gives up creating the table at its deadline, saying so', async () => {
    const db = createDocumentClient({ tableName: 't', region: 'local', endpoint });
    await expect(ensureTable(db, 't', { deadlineMs: 1000 })).rejects.toThrow('table t was not ready within 1 s (no answer in time)');
  });
});
