/** Stable error codes the UI can branch on; each comes with a sentence a person can act on. */
import type { FieldConflict } from '../domain/record/merge-learnings';
import type { LearningDraft, LearningRecord, SizeReport } from '../domain/record/learning-record';
import type { SprintGoal, SprintGoalsDocument } from '../domain/sprint-goals/goals-document';
import type { GoalConflict } from '../domain/sprint-goals/merge-goals';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'LEARNING_TOO_LARGE',
  'FORBIDDEN',
  'CONFLICT',
  'BUSY',
  'NEWER_VERSION',
  'JIRA_UNAVAILABLE',
  'STORAGE_UNAVAILABLE',
  /** The page could not reach the app at all (Forge's bridge failed, or the answer was not ours). */
  'APP_UNREACHABLE',
  'NOT_FOUND',
  'RATE_LIMITED',
  'CONSENT_REQUIRED',
  'PRODUCT_NOT_CONNECTED',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ConflictDetails {
  conflicts: FieldConflict[];
  /** The automatic merge, holding the stored value wherever there is a conflict. */
  merged: LearningDraft;
  /** What is stored now: save the resolved draft against its revision. */
  current: LearningRecord;
}

/** `CONFLICT` on a sprint goals save: both sides of each field changed by both, the rest merged. */
export interface GoalsConflictDetails {
  goalConflicts: GoalConflict[];
  /** The merge, holding the stored value wherever there is a conflict: save it against `current.revision`. */
  mergedGoals: SprintGoal[];
  current: SprintGoalsDocument;
}

export interface TooLargeDetails {
  size: SizeReport;
}

/** What failed on the platform's side: Jira's HTTP status, or the name of the error the platform threw. */
export interface PlatformFailure {
  status?: number;
  cause?: string;
}

/**
 * What each code carries as `details`; codes not named here carry none. A code maps to
 * `X | undefined` when it may come without details (a restore's conflict has no merge to offer).
 */
export interface ErrorDetailsByCode {
  /** A record's merge, or a sprint's goals' merge (`goalConflicts`). */
  CONFLICT: ConflictDetails | GoalsConflictDetails | undefined;
  LEARNING_TOO_LARGE: TooLargeDetails;
  JIRA_UNAVAILABLE: PlatformFailure | undefined;
  STORAGE_UNAVAILABLE: PlatformFailure | undefined;
  PRODUCT_NOT_CONNECTED: PlatformFailure | undefined;
}

type DetailsOf<C extends ErrorCode> = C extends keyof ErrorDetailsByCode ? ErrorDetailsByCode[C] : undefined;
/** The constructor's arguments after the message: details where the code requires them, then `Error` options (`cause`). */
type DetailsArgs<C extends ErrorCode> =
  undefined extends DetailsOf<C> ? [details?: DetailsOf<C>, options?: ErrorOptions] : [details: DetailsOf<C>, options?: ErrorOptions];

/** One body per code, so `error.code === 'CONFLICT'` narrows `error.details` to `ConflictDetails | undefined`. */
export type AppErrorBody = {
  [C in ErrorCode]: undefined extends DetailsOf<C>
    ? { code: C; message: string; details?: DetailsOf<C> }
    : { code: C; message: string; details: DetailsOf<C> };
}[ErrorCode];

/** Every resolver answers with this envelope: errors travel as data, not as thrown exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Thrown inside the backend; resolvers turn it into a `Result` error. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly details: DetailsOf<C> | undefined;

  constructor(
    readonly code: C,
    message: string,
    ...rest: DetailsArgs<C>
  ) {
    // The conditional tuple is for callers; inside, both shapes read the same way.
    const [details, options] = rest as [DetailsOf<C> | undefined, ErrorOptions?];
    super(message, options);
    this.name = 'AppError';
    this.details = details;
  }

  toBody(): AppErrorBody {
    // The constructor ties `details` to `code`; the compiler cannot follow that across the generic.
    const body =
      this.details === undefined
        ? { code: this.code, message: this.message }
        : { code: this.code, message: this.message, details: this.details };
    return body as AppErrorBody;
  }
}

/** `instanceof AppError` narrows to `AppError<any>`; this narrows to the union of every code. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
