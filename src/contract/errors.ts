/** Stable error codes the UI can branch on; each comes with a sentence a person can act on. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'LEARNING_TOO_LARGE',
  'FORBIDDEN',
  'CONFLICT',
  'BUSY',
  'NEWER_VERSION',
  'JIRA_UNAVAILABLE',
  'NOT_FOUND',
  'RATE_LIMITED',
  'CONSENT_REQUIRED',
  'PRODUCT_NOT_CONNECTED',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorBody<Details = unknown> {
  code: ErrorCode;
  message: string;
  details?: Details;
}

/** Every resolver answers with this envelope: errors travel as data, not as thrown exceptions. */
export type Result<T, Details = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorBody<Details> };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Thrown inside the backend; resolvers turn it into a `Result` error. */
export class AppError<Details = unknown> extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Details,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): AppErrorBody<Details> {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
