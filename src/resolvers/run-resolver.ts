import type { z } from 'zod';
import { AppError, type Result } from '../contract/errors';
import { describeIssue } from '../domain/record-schema';

/** Validates the payload, runs the use case, and turns every failure into a typed error result. */
export async function runResolver<Schema extends z.ZodType, T>(
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
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    // Unexpected: say so plainly, log only the error's kind (never payloads or learning text).
    console.error('Unexpected resolver error', error instanceof Error ? error.name : typeof error);
    return {
      ok: false,
      error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Try again; nothing you typed was saved or lost.' },
    };
  }
}
