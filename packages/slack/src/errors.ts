import { CodedError } from '@organizer/core';

/** The Slack adapter's expected failures, by code: callers decide by the code, and only the edge words them. */
export type SlackErrorCode = 'NOT_INSTALLED' | 'NO_GROUP' | 'NO_UPLOAD_URL' | 'NO_BOT';

export class SlackError extends CodedError<SlackErrorCode> {}
