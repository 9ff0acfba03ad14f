/**
 * Whether the screen has painted once since `ready`: a view renders what the reader sees first in that first
 * commit, and the rest right after it, instead of one long commit before anything shows.
 */
import { useEffect, useState } from 'react';
import { afterNextPaint } from './after-paint';

export function usePainted(ready = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    return afterNextPaint(() => {
      setPainted(true);
    });
  }, [ready, painted]);
  return painted;
}
