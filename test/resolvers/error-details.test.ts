/**
 * The error envelope is typed per code: `code === 'CONFLICT'` narrows `details` to the
 * merge the panel shows, `LEARNING_TOO_LARGE` must carry its size, codes without details
 * take none. Compiled by `npm run typecheck` (the ts-expect-error lines fail it if the
 * envelope collapses to `unknown` again), and run: AppError builds the body it declares.
 */
import { AppError, type AppErrorBody, type ConflictDetails, type TooLargeDetails } from '../../src/contract/errors';
import type { GoalsConflictDetails } from '../../src/contract/sprint-goals';

/** What the panel does with a failed save: only a conflict with a record's merge opens the conflict view. */
function conflictOf(error: AppErrorBody): ConflictDetails | null {
  if (error.code !== 'CONFLICT') return null;
  const details: ConflictDetails | GoalsConflictDetails | undefined = error.details;
  return details && 'merged' in details ? details : null;
}

/** What the retro view does with a failed goals save. */
function goalsConflictOf(error: AppErrorBody): GoalsConflictDetails | null {
  if (error.code !== 'CONFLICT' || !error.details) return null;
  return 'goalConflicts' in error.details ? error.details : null;
}

function sizeOf(error: AppErrorBody): TooLargeDetails['size'] | null {
  return error.code === 'LEARNING_TOO_LARGE' ? error.details.size : null;
}

const size = { usedBytes: 40_000, limitBytes: 32_768, ratio: 1.2, level: 'over' } as unknown as TooLargeDetails['size'];

describe('error details per code', () => {
  it('a conflict carries its merge; a restore conflict carries none', () => {
    const current = { revision: 3 } as unknown as ConflictDetails['current'];
    const merge: ConflictDetails = { conflicts: [], merged: { hypothesis: '' } as ConflictDetails['merged'], current };
    expect(conflictOf(new AppError('CONFLICT', 'Both changed the hypothesis.', merge).toBody())).toBe(merge);
    expect(conflictOf(new AppError('CONFLICT', 'Someone saved a newer version.').toBody())).toBeNull();
    expect(conflictOf(new AppError('BUSY', 'Try again.').toBody())).toBeNull();
  });

  it("a goals conflict carries both sides of each goal field, and is not taken for a record's", () => {
    const current = { revision: 2 } as unknown as GoalsConflictDetails['current'];
    const goals: GoalsConflictDetails = {
      goalConflicts: [{ goalId: 'g1', field: 'question', mine: 'A?', theirs: 'B?' }],
      mergedGoals: [],
      current,
    };
    const body = new AppError('CONFLICT', 'Both changed a goal.', goals).toBody();
    expect(goalsConflictOf(body)).toBe(goals);
    expect(conflictOf(body)).toBeNull();
  });

  it('a record too large carries its size', () => {
    expect(sizeOf(new AppError('LEARNING_TOO_LARGE', 'Too large.', { size }).toBody())).toBe(size);
    expect(sizeOf({ code: 'NOT_FOUND', message: 'Gone.' })).toBeNull();
  });

  it('the compiler refuses details that do not belong to the code', () => {
    // @ts-expect-error -- LEARNING_TOO_LARGE must say how large the record is
    expect(() => new AppError('LEARNING_TOO_LARGE', 'Too large.')).not.toThrow();
    // @ts-expect-error -- NOT_FOUND carries no details
    expect(new AppError('NOT_FOUND', 'Gone.', { size }).toBody().code).toBe('NOT_FOUND');
    // @ts-expect-error -- a conflict's details are the merge, not a size
    const wrong: AppErrorBody = { code: 'CONFLICT', message: 'x', details: { size } };
    expect(wrong.code).toBe('CONFLICT');
  });

  it('keeps the cause of a platform failure', () => {
    const cause = new Error('KVS timed out');
    const error = new AppError('STORAGE_UNAVAILABLE', 'Storage did not answer.', { cause: 'Error' }, { cause });
    expect(error.cause).toBe(cause);
    expect(error.toBody()).toEqual({ code: 'STORAGE_UNAVAILABLE', message: 'Storage did not answer.', details: { cause: 'Error' } });
  });
});
