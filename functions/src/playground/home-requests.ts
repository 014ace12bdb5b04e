import { signSlackRequest } from '@organizer/slack';
import type { PlaygroundSpace, PlaygroundUser } from './world.ts';

/** A request the page sends as is to the app's real route. */
export interface SignedSlack {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A Slack request body signed as Slack signs it (`v0` HMAC over the timestamp and the raw body). */
export function signedSlack(secret: string, body: string, type: string): SignedSlack {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    url: '/slack/events',
    headers: {
      'content-type': type,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(secret, timestamp, body),
    },
    body,
  };
}

let events = 0;

/**
 * `app_home_opened` as Slack sends it when someone opens the app's Home tab: an `event_callback` naming the
 * person and their DM with the app, with the view published before when there is one.
 */
export function homeOpenedBody(space: PlaygroundSpace, user: PlaygroundUser, viewId: string | undefined): string {
  const now = Date.now();
  events += 1;
  return JSON.stringify({
    token: 'playground',
    team_id: space.id,
    api_app_id: 'APLAYGROUND',
    event: {
      type: 'app_home_opened',
      user: user.id,
      channel: user.dm,
      tab: 'home',
      event_ts: `${Math.floor(now / 1000)}.${String(now % 1000).padStart(3, '0')}${String(events % 1000).padStart(3, '0')}`,
      ...(viewId ? { view: { id: viewId, team_id: space.id, type: 'home', blocks: [], private_metadata: '', callback_id: '' } } : {}),
    },
    type: 'event_callback',
    authorizations: [{ enterprise_id: null, team_id: space.id, user_id: 'UPLAYBOT', is_bot: true, is_enterprise_install: false }],
    event_id: `Ev${now.toString(36).toUpperCase()}${events}`,
    event_time: Math.floor(now / 1000),
  });
}

/**
 * A button pressed on the Home tab, as Slack sends it: `container.type: 'view'`, the home view itself
 * (`view.type: 'home'`), no channel, no message and no response_url.
 */
export function homeClickPayload(
  space: PlaygroundSpace,
  user: PlaygroundUser,
  click: { readonly actionId: string; readonly label?: string; readonly viewId?: string },
  common: Record<string, unknown>,
): Record<string, unknown> {
  const viewId = click.viewId ?? 'VHOME';
  return {
    type: 'block_actions',
    user: { id: user.id, username: user.name.toLowerCase(), name: user.name.toLowerCase(), team_id: space.id },
    ...common,
    container: { type: 'view', view_id: viewId },
    team: { id: space.id, domain: space.name.toLowerCase().replace(/\W+/g, '-') },
    view: {
      id: viewId,
      team_id: space.id,
      type: 'home',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.playground`,
      title: { type: 'plain_text', text: 'Home', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: viewId,
      app_id: 'APLAYGROUND',
      external_id: '',
      app_installed_team_id: space.id,
      bot_id: 'BPLAYGROUND',
    },
    actions: [
      {
        action_id: click.actionId,
        block_id: 'home',
        text: { type: 'plain_text', text: click.label ?? click.actionId, emoji: true },
        value: click.actionId,
        type: 'button',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
    state: { values: {} },
  };
}
