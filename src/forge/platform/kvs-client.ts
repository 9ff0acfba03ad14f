/**
 * The one Forge storage (KVS) wrapper, as jira-client.ts is for Jira: a failed
 * call becomes STORAGE_UNAVAILABLE naming what could not be read or written,
 * and keeps the platform's error as the `cause` for logs and tests.
 */
import { AppError } from '../../contract/errors';

/** What a storage call reads or writes, for messages: "the history", "retro notes". */
export async function callStorage<T>(subject: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw storageError(subject, error);
  }
}

export function storageError(subject: string, cause: unknown): AppError<'STORAGE_UNAVAILABLE'> {
  return new AppError(
    'STORAGE_UNAVAILABLE',
    `Learning Loop's own storage did not answer when handling ${subject}. Nothing in Jira was changed by this; ` +
      'try again in a moment, and if it keeps failing, ask your site admin to check the Forge platform status.',
    { cause: cause instanceof Error ? cause.name : typeof cause },
    { cause },
  );
}
