import type { Locale, MessageKey } from './i18n/translate.ts';

/** Core's expected failures, by code: they become friendly messages at the edge. */
export type CoreErrorCode = 'ADMIN.UNVERIFIED' | 'STORE.CONFLICT';

/**
 * An expected failure with a string code and, when known, the language and the message to explain it
 * with (`runCommand` answers with it: a conflict says the feature's own "changed while I was saving").
 */
export class CoreError extends Error {
  constructor(
    readonly code: CoreErrorCode,
    readonly locale?: Locale,
    readonly key?: MessageKey,
  ) {
    super(code);
    this.name = 'CoreError';
  }
}

/** Whether `error` is a core error with `code`. */
export const isCoreError = (error: unknown, code: CoreErrorCode): error is CoreError => error instanceof CoreError && error.code === code;

/**
 * Thrown by a `CommandContext.isPlatformAdmin` that could not ask the platform (timeout, 5xx): the user
 * may well be an admin, so a leaders-only command says it could not check, not that they are no leader.
 */
export const adminUnverified = (cause?: unknown): CoreError => Object.assign(new CoreError('ADMIN.UNVERIFIED'), { cause });

/** An adapter's expected failure: a code callers decide by, and a detail for the log (never shown as is). */
export class CodedError<C extends string> extends Error {
  constructor(
    readonly code: C,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = new.target.name;
  }
}
