/** One day in milliseconds, for tests that move the clock a day at a time. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Fakes only the wall clock (Date, `jest.setSystemTime`): timers, ticks and performance stay real,
 * so the local site's HTTP and its latency faults keep running while the test chooses the date.
 */
export function fakeWallClockOnly(): void {
  jest.useFakeTimers({
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}
