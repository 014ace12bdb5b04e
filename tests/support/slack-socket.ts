import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** What the client sends back for an envelope: its id and what the HTTP route would have answered. */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: Record<string, any>;
}

/**
 * A local stand-in for Slack's Socket Mode WebSocket (the URL `apps.connections.open` hands out): it greets
 * with `hello` as Slack does, sends envelopes and collects the client's acknowledgements.
 */
export class SlackSocketServer {
  /** The request URL of every connection the client opened. */
  readonly connections: string[] = [];
  /** Every message the client sent, acknowledgements included. */
  readonly received: Record<string, any>[] = [];
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private next = 1;
  /** Resolves when the client's connection closes. */
  closed: Promise<void> = Promise.resolve();
  url = '';

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await once(server, 'listening');
    this.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/?ticket=test-ticket&app_id=A123456`;
    server.on('connection', (socket, request) => {
      this.connections.push(request.url ?? '');
      this.socket = socket;
      this.closed = new Promise((done) => socket.once('close', () => done()));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as Record<string, any>;
        this.received.push(message);
        if (typeof message.envelope_id === 'string') this.waiting.get(message.envelope_id)?.(message as SocketAck);
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-test', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: 'A123456' },
        }),
      );
    });
    return this;
  }

  /** Sends one envelope (`slash_commands`, `interactive`, `events_api`, …) and resolves with its acknowledgement. */
  send(type: string, payload: unknown, extra: Record<string, unknown> = {}): Promise<SocketAck> {
    const socket = this.socket;
    if (!socket) throw new Error('no Socket Mode client is connected');
    const envelopeId = `envelope-${this.next++}`;
    const acked = new Promise<SocketAck>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no acknowledgement for ${type} ${envelopeId}`)), 10_000);
      this.waiting.set(envelopeId, (ack) => {
        clearTimeout(timer);
        this.waiting.delete(envelopeId);
        done(ack);
      });
    });
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
    return acked;
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/**
 * What a Socket Mode envelope carries for a request the HTTP tests send: a slash command's form fields,
 * an interaction's `payload` JSON, or an Events API body, as objects.
 */
export async function envelopePayload(request: Request): Promise<Record<string, unknown>> {
  const raw = await request.text();
  if ((request.headers.get('content-type') ?? '').includes('json')) return JSON.parse(raw);
  const form = Object.fromEntries(new URLSearchParams(raw));
  return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
}
