/** A picker's search as the person types: debounced, and an answer for other text than is in the box now is not shown. */
import { useEffect, useRef, useState } from 'react';

export type Loaded<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

/** What a picker's resolver answers, as the list it shows or the error's message. */
export type Search<T> = (text: string) => Promise<{ ok: true; value: T } | { ok: false; message: string }>;

const DEBOUNCE_MS = 300;

/** `search` must be the same function on every render (declare it at module level). */
export function useTextSearch<T>(text: string, search: Search<T>): Loaded<T> {
  const [answered, setAnswered] = useState<{ text: string; found: Loaded<T> } | null>(null);
  const latest = useRef(text);
  useEffect(() => {
    latest.current = text;
    const timer = window.setTimeout(() => {
      void search(text).then((result) => {
        if (latest.current !== text) return;
        setAnswered({ text, found: result.ok ? { kind: 'ready', value: result.value } : { kind: 'error', message: result.message } });
      });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [text, search]);
  return answered?.text === text ? answered.found : { kind: 'loading' };
}
