/** Namespaced codes for expected failures; they become friendly messages or HTTP statuses at the edge. */
export const ErrorCode = {
  StoreConditionFailed: 'STORE.CONDITION_FAILED',
  CommandInvalid: 'COMMAND.INVALID',
  CommandUnknownSubcommand: 'COMMAND.UNKNOWN_SUBCOMMAND',
  AuthInvalidSignature: 'AUTH.INVALID_SIGNATURE',
  AuthStaleRequest: 'AUTH.STALE_REQUEST',
  AuthNotConfigured: 'AUTH.NOT_CONFIGURED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error carrying one of the codes above. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/** True for errors thrown with a known code. */
export function isCodedError(error: unknown, code?: ErrorCode): error is CodedError {
  return error instanceof CodedError && (code === undefined || error.code === code);
}
