// Application errors (pure): a stable `code` that interfaces map to short user-facing messages.

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CORPUS_EMPTY'
  | 'DOCUMENT_UNREADABLE'
  | 'INDEX_MISSING'
  | 'INDEX_CORRUPT'
  | 'INDEX_UNWRITABLE'
  | 'MODEL_UNAVAILABLE'
  | 'BAD_INPUT'
  | 'UNKNOWN_ROLE'
  | 'RATE_LIMITED'
  | 'BUSY'
  | 'INTERNAL';

/** An expected failure with a machine-readable code and an optional underlying cause. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Narrows any thrown value to an AppError, wrapping unknown errors as INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', message, { cause: error });
}
