import { signSlackRequest } from '@organizer/slack';
import actionsFixture from '../fixtures/slack/block-actions.json' with { type: 'json' };
import slashFixture from '../fixtures/slack/slash-command.json' with { type: 'json' };
import viewFixture from '../fixtures/slack/view-submission.json' with { type: 'json' };
import { testClock } from './clock.ts';

export const SLACK_SECRET = 'slack-test-signing-secret';

let triggers = 0;
/** Slack gives every interaction its own trigger id (`<n>.<n>.<hex>`); a repeat of one interaction carries the same. */
export const newTriggerId = () => `${13345224609 + ++triggers}.738474920.${(triggers * 2654435761).toString(16).padStart(8, '0')}`;

/** A Slack request, really signed with the test secret (or a wrong one, or an old timestamp). */
export function slackRequest(
  body: string,
  contentType: string,
  opts: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
): Request {
  const timestamp = opts.timestamp ?? testClock.seconds();
  return new Request('http://localhost/slack/events', {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(opts.secret ?? SLACK_SECRET, timestamp, body),
      ...opts.headers,
    },
    body,
  });
}

/** Where this test file's slash commands' `response_url`s point (its recorder, set by `startTestApp`): never Slack itself. */
let responseBase: string | undefined;
export const useResponseUrlsAt = (base: string) => {
  responseBase = base;
};
let responses = 0;

/**
 * `/community <text>` from the documented payload, in a team and channel of the test's choice. Its
 * `response_url` is Slack's shape (`…/commands/<team>/<n>/<secret>`) on the test's recorder, each its own.
 */
export function slashCommand(text: string, over: Partial<Record<keyof typeof slashFixture, string>> = {}, opts = {}): Request {
  const team = over.team_id ?? slashFixture.team_id;
  const response_url = responseBase ? `${responseBase}/commands/${team}/${++responses}/hook` : slashFixture.response_url;
  const body = new URLSearchParams({ ...slashFixture, trigger_id: newTriggerId(), response_url, text, ...over }).toString();
  return slackRequest(body, 'application/x-www-form-urlencoded', opts);
}

/** A modal submission (`view_submission`) with the given input values, form-encoded as Slack sends it. */
/** What a Slack picker holds once something is picked. */
export type Picked = { date: string } | { time: string } | { instant: number } | { days: readonly string[] };

/** A picker's entry in `view.state.values`, shaped as Slack sends it (`selected_date`, `selected_date_time`…). */
function pickerState(picked: Picked): Record<string, unknown> {
  if ('date' in picked) return { type: 'datepicker', selected_date: picked.date };
  if ('time' in picked) return { type: 'timepicker', selected_time: picked.time };
  if ('instant' in picked) return { type: 'datetimepicker', selected_date_time: picked.instant };
  return {
    type: 'checkboxes',
    selected_options: picked.days.map((value) => ({ text: { type: 'plain_text', text: value }, value })),
  };
}

export function viewSubmission(
  callbackId: string,
  values: Record<string, string>,
  over: {
    team?: string;
    user?: string;
    channel?: string;
    state?: string;
    selects?: Record<string, string>;
    /** Slack's pickers send what was picked, never text: a day, a time, an instant, or ticked options. */
    pickers?: Record<string, Picked>;
  } = {},
): Request {
  const payload = structuredClone(viewFixture) as Record<string, any>;
  payload.trigger_id = newTriggerId();
  payload.view.callback_id = callbackId;
  payload.view.private_metadata = JSON.stringify({
    channelId: over.channel ?? slashFixture.channel_id,
    ...(over.state ? { state: over.state } : {}),
  });
  payload.view.state.values = Object.fromEntries([
    ...Object.entries(values).map(([block, value]) => [block, { value: { type: 'plain_text_input', value } }]),
    // Selects send the chosen option, not a value.
    ...Object.entries(over.selects ?? {}).map(([block, value]) => [
      block,
      { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } } },
    ]),
    ...Object.entries(over.pickers ?? {}).map(([block, picked]) => [block, { value: pickerState(picked) }]),
  ]);
  if (over.team) payload.team.id = over.team;
  if (over.user) payload.user.id = over.user;
  return slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/** A button click (`block_actions`) on a message, form-encoded as Slack sends it. */
export function blockAction(actionId: string, over: { user?: string; channel?: string; messageTs?: string; team?: string } = {}): Request {
  const payload = structuredClone(actionsFixture) as Record<string, any>;
  const channel = over.channel ?? slashFixture.channel_id;
  payload.trigger_id = newTriggerId();
  payload.actions[0].action_id = actionId;
  payload.actions[0].value = actionId;
  payload.channel.id = channel;
  payload.container.channel_id = channel;
  if (over.messageTs) {
    payload.container.message_ts = over.messageTs;
    payload.message.ts = over.messageTs;
  }
  if (over.user) payload.user.id = over.user;
  if (over.team) payload.team.id = over.team;
  return slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}
