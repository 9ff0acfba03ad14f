/** The Fullscreen API for one element: whether the frame allows it, whether it is on, and a toggle (Esc leaves it, as browsers do). */
import { useCallback, useEffect, useState, type RefObject } from 'react';

export function useFullscreen(element: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const onChange = () => {
      setActive(document.fullscreenElement !== null && document.fullscreenElement === element.current);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      // Leaving the presenter leaves full screen too.
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [element]);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void element.current?.requestFullscreen().catch(() => undefined);
  }, [element]);
  // `fullscreenEnabled` is false where the host frame does not allow it (no `allow="fullscreen"`): no button then.
  return { available: typeof document !== 'undefined' && document.fullscreenEnabled, active, toggle };
}
