import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

/**
 * Hands one verified request to Bolt and captures what the listener acked. There is no server:
 * the Hono route owns HTTP. We wait for the listener to finish before answering, because on Lambda
 * nothing runs after the response (Bolt calls this `processBeforeResponse`).
 */
export class RequestReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async dispatch(body: Record<string, unknown>, retryNum?: number): Promise<{ acked: boolean; response: unknown }> {
    if (!this.app) throw new Error('receiver not initialised');
    let acked = false;
    let response: unknown;
    const event: ReceiverEvent = {
      body,
      ...(retryNum !== undefined ? { retryNum } : {}),
      ack: async (answer?: unknown) => {
        if (acked) return;
        acked = true;
        response = answer;
      },
    };
    await this.app.processEvent(event);
    return { acked, response };
  }
}
