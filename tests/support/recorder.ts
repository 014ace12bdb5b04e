import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call that reached the fake platform API. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** When it arrived (ms since the epoch), to check pacing. */
  readonly at: number;
  /** Form fields or JSON, as sent. */
  readonly body: Record<string, unknown>;
  /** The body exactly as received (for payloads that are neither form nor JSON-typed). */
  readonly raw: string;
  /** The body's bytes (uploads of binary files such as PNGs, which `raw` would mangle). */
  readonly bytes: Buffer;
}

/** How the fake platform answers one call. */
export interface RecordedAnswer {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
  /**
   * Answers only after this many milliseconds: a slow or hanging platform. The call is recorded when it
   * arrives, so a client that gives up waiting still finds it among `calls` (the request "landed").
   */
  readonly delayMs?: number;
}

type Responder = (call: RecordedCall) => RecordedAnswer | Promise<RecordedAnswer>;

/**
 * A small HTTP server on 127.0.0.1 standing in for the Slack Web API or Discord REST:
 * it records every request our code really sent and answers like the platform would.
 */
export class Recorder {
  readonly calls: RecordedCall[] = [];
  private readonly responders = new Map<string, Responder>();
  private server: Server | undefined;
  url = '';

  /** Answers requests whose path ends with `suffix` (e.g. `views.open`). */
  on(suffix: string, responder: Responder): this {
    this.responders.set(suffix, responder);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString();
      const type = req.headers['content-type'] ?? '';
      const body = type.includes('json')
        ? raw
          ? JSON.parse(raw)
          : {}
        : type.includes('multipart')
          ? {}
          : Object.fromEntries(new URLSearchParams(raw));
      const call: RecordedCall = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, raw, bytes, at: Date.now() };
      this.calls.push(call);
      const responder = [...this.responders.entries()].find(([suffix]) => call.path.split('?')[0]?.endsWith(suffix))?.[1];
      const answer = responder ? await responder(call) : { body: { ok: true } };
      if (answer.delayMs !== undefined) {
        await new Promise<void>((done) => {
          const timer = setTimeout(done, answer.delayMs);
          // A client that timed out closes the connection: stop waiting, nobody is listening.
          res.once('close', () => {
            clearTimeout(timer);
            done();
          });
        });
        if (res.destroyed || res.writableEnded) return;
      }
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
    const server = this.server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** Calls whose path ends with `suffix`. */
  callsTo(suffix: string): RecordedCall[] {
    return this.calls.filter((c) => c.path.split('?')[0]?.endsWith(suffix));
  }

  reset(): void {
    this.calls.length = 0;
  }

  stop(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    // A call still held by `delayMs` would keep the server open until it is answered.
    server.closeAllConnections();
    return new Promise((done) => server.close(() => done()));
  }
}
