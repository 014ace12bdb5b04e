import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';

/** One outbound Web API call that reached the playground's sandbox. */
export interface SandboxCall {
  readonly n: number;
  readonly platform: 'slack' | 'discord';
  /** Slack's method (`chat.postMessage`) or Discord's verb and route (`POST /channels/…/messages`). */
  readonly method: string;
  readonly body: Record<string, unknown>;
  /** What the sandbox answered (the ids it gave a posted message), for the page to keep. */
  readonly answer?: Record<string, unknown> | undefined;
  /** The message a call acts on when its route does not say (a Slack `response_url` names it in its query). */
  readonly target?: { readonly channel: string; readonly ts: string } | undefined;
  readonly at: string;
}

/** What the playground keeps for the process's life: its signing keys, the page's origin, the calls it saw. */
export interface PlaygroundState {
  /** The server's own origin, learned from the page's first request (sandboxed Web APIs live there). */
  base: string | undefined;
  /** Slack requests are signed with the configured signing secret, or this one when none is. */
  readonly slackSecret: string;
  /** Discord requests are signed with this key; the app accepts it besides the application's own. */
  readonly discordKey: KeyObject;
  readonly discordPublicKeyHex: string;
  readonly calls: SandboxCall[];
}

export function createPlaygroundState(slackSigningSecret: string | undefined): PlaygroundState {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    base: undefined,
    slackSecret: slackSigningSecret ?? randomBytes(32).toString('hex'),
    discordKey: privateKey,
    discordPublicKeyHex: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex'),
    calls: [],
  };
}
