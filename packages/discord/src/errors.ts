import { CodedError } from '@organizer/core';

/** The Discord adapter's expected failures, by code: callers decide by the code, and only the edge words them. */
export type DiscordErrorCode = 'NOT_INSTALLED' | 'NO_THREAD';

export class DiscordError extends CodedError<DiscordErrorCode> {}
