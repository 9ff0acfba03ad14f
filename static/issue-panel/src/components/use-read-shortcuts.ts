/** The read view's keyboard shortcut: Alt+N anywhere in the panel opens the editor on a new learning. */
import { useEffect, useRef } from 'react';
import { readCommand } from '../state/shortcuts';

export function useReadShortcuts(active: boolean, onAddLearning: () => void): void {
  // The latest handler, without re-subscribing on every render.
  const handler = useRef(onAddLearning);
  useEffect(() => {
    handler.current = onAddLearning;
  });
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (readCommand(event) !== 'addEntry') return;
      event.preventDefault();
      handler.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [active]);
}
