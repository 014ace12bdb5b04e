/** The discord adapter's expected failures, by code: callers decide by the code, and only the edge words them. */
export type DiscordErrorCode = 'NOT_INSTALLED' | 'NO_THREAD';

export class DiscordError extends Error {
  constructor(
    readonly code: DiscordErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DiscordError';
  }
}

/** Whether `error` is this adapter's expected failure with `code`. */
export const isDiscordError = (error: unknown, code: DiscordErrorCode): error is DiscordError =>
  error instanceof DiscordError && error.code === code;
