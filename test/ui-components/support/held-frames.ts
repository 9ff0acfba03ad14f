/**
 * The browser's animation frames held by the test (call in `beforeEach`), so what a first commit drew is observed
 * exactly; `release` lets the held frames run, and the task each schedules after its paint.
 */
import { act } from '@testing-library/react';

export function holdFrames(): { release: () => Promise<void> } {
  const held: FrameRequestCallback[] = [];
  jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    held.push(callback);
    return held.length;
  });
  return {
    release: () =>
      act(async () => {
        for (const frame of held.splice(0)) frame(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 0));
      }),
  };
}
