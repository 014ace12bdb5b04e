import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { signSlackRequest } from '@organizer/slack';
import slashFixture from '../../tests/fixtures/slack/slash-command.json' with { type: 'json' };

/** Secrets made for the bench run only. */
export const SLACK_SECRET = 'bench-signing-secret';
export const discord = (() => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyHex: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex'),
    privateKey: privateKey as KeyObject,
  };
})();

export interface SignedRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

let interactions = 0;
/** Each interaction has its own id (Slack's trigger id, Discord's interaction id), as on the platforms. */
const nextInteraction = () => ++interactions;

/** A really signed `/community <text>` in team T0001. */
export function slackCommand(
  text: string,
  channel = 'C1',
  user = 'U1',
  team = slashFixture.team_id,
  response_url = slashFixture.response_url,
): SignedRequest {
  const trigger_id = `${nextInteraction()}.1.bench`;
  const body = new URLSearchParams({
    ...slashFixture,
    trigger_id,
    text,
    channel_id: channel,
    user_id: user,
    team_id: team,
    response_url,
  }).toString();
  return slackSigned(body, 'application/x-www-form-urlencoded');
}

export function slackSigned(body: string, contentType: string): SignedRequest {
  const ts = Math.floor(Date.now() / 1000);
  return {
    path: '/slack/events',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signSlackRequest(SLACK_SECRET, ts, body),
    },
    body,
  };
}

/** A really signed Discord `/community <sub>` interaction in guild G1. */
export function discordCommand(sub: string): SignedRequest {
  const body = JSON.stringify({
    type: 2,
    id: String(1_000_000_000 + nextInteraction()),
    application_id: '1',
    token: 't',
    version: 1,
    guild_id: 'G1',
    channel_id: 'C1',
    locale: 'en-US',
    member: { user: { id: 'U1' }, permissions: '0' },
    data: { id: '1', name: 'community', type: 1, options: [{ type: 1, name: sub }] },
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(ts + body), discord.privateKey).toString('hex');
  return {
    path: '/discord/interactions',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
    body,
  };
}
