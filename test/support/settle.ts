/**
 * A fake port's answer as a promise, the way an async method would give it: a value resolves,
 * a throw becomes a rejection (not a synchronous throw the caller never expects).
 */
export function settle<T>(work: () => T): Promise<Awaited<T>> {
  try {
    return Promise.resolve(work());
  } catch (error: unknown) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
