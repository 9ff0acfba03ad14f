import * as z from '../domain/schema/zod';
import { AppError, type Result } from '../contract/errors';
import { describeIssue } from '../domain/record/record-schema';

/**
 * `@forge/api`'s consent error for `asUser()` calls. Forge prompts the person to grant
 * access only when this error leaves the function uncaught, so it is never turned into
 * a result (Forge docs, product fetch API: "if the 401 error isn't caught, the user is
 * prompted to grant access").
 */
export const isConsentError = (error: unknown): boolean => error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR';

/** The schema of actions that take no input: anything but `{}` is refused. */
export const noPayload = z.strictObject({}, { error: 'This action takes no input.' });

/** Validates the payload, runs the use case, and turns every failure but a consent error into a typed error result. */
export async function runResolver<Schema extends z.ZodMiniType, T>(
  schema: Schema,
  payload: unknown,
  useCase: (input: z.infer<Schema>) => Promise<T>,
): Promise<Result<T>> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: describeIssue(parsed.error.issues[0]) } };
  }
  try {
    return { ok: true, value: await useCase(parsed.data) };
  } catch (error) {
    if (isConsentError(error)) throw error;
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    // Unexpected: say so plainly, log only the error's kind (never payloads or learning text).
    console.error('Unexpected resolver error', error instanceof Error ? error.name : typeof error);
    return {
      ok: false,
      error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Try again; nothing you typed was saved or lost.' },
    };
  }
}
