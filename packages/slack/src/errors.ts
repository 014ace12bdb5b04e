/** The slack adapter's expected failures, by code: callers decide by the code, and only the edge words them. */
export type SlackErrorCode = 'NOT_INSTALLED' | 'NO_GROUP' | 'NO_UPLOAD_URL' | 'NO_BOT';

export class SlackError extends Error {
  constructor(
    readonly code: SlackErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SlackError';
  }
}

/** Whether `error` is this adapter's expected failure with `code`. */
export const isSlackError = (error: unknown, code: SlackErrorCode): error is SlackError =>
  error instanceof SlackError && error.code === code;
