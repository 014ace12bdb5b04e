import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One gateway payload as it travels: opcode, data, sequence and event name. */
export interface GatewayPayload {
  readonly op: number;
  readonly d?: any;
  readonly s?: number | null;
  readonly t?: string | null;
}

/**
 * A local stand-in for Discord's gateway, speaking its handshake: HELLO (op 10) with a heartbeat interval,
 * IDENTIFY (op 2) answered by READY, heartbeats (op 1) answered by HEARTBEAT_ACK (op 11), then the
 * dispatches (op 0) a test sends.
 */
export class DiscordGatewayServer {
  /** The request URL of every connection (the client puts `v`, `encoding` and `compress` in the query). */
  readonly connections: string[] = [];
  /** Every payload the client sent. */
  readonly received: GatewayPayload[] = [];
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private sequence = 0;
  /** Resolves when the client's connection closes. */
  closed: Promise<void> = Promise.resolve();
  url = '';

  constructor(private readonly heartbeatInterval = 250) {}

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await once(server, 'listening');
    this.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket, request) => {
      this.connections.push(request.url ?? '');
      this.socket = socket;
      this.closed = new Promise((done) => socket.once('close', () => done()));
      socket.on('message', (data) => this.onMessage(socket, JSON.parse(String(data)) as GatewayPayload));
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatInterval }, s: null, t: null }));
    });
    return this;
  }

  /** What GET /gateway/bot answers: this server's URL, one shard and plenty of session starts. */
  gatewayBot(): Record<string, unknown> {
    return { url: this.url, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } };
  }

  private onMessage(socket: WebSocket, payload: GatewayPayload): void {
    this.received.push(payload);
    if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    if (payload.op === 2) {
      this.dispatch('READY', {
        v: 10,
        user: { id: '111111111111111111', username: 'Organizer', discriminator: '0', global_name: null, avatar: null, bot: true },
        guilds: [],
        session_id: 'test-session',
        resume_gateway_url: this.url,
        shard: [0, 1],
        application: { id: '111111111111111111', flags: 0 },
      });
    }
  }

  /** Sends a dispatch (op 0) such as INTERACTION_CREATE to the connected client. */
  dispatch(event: string, data: unknown): void {
    if (!this.socket) throw new Error('no gateway client is connected');
    this.socket.send(JSON.stringify({ op: 0, t: event, s: ++this.sequence, d: data }));
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}
