/** People and an error catcher shared by the save-learning and learning-history use-case tests. */
import { AppError } from '../../src/contract/errors';

export const alice = 'acc-alice';
export const bob = 'acc-bob';

/** The AppError a promise rejects with; anything else fails the test. */
export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
