/**
 * Which sprint and which learnings the retro view shows: the last `retro/open`
 * answer, the scope (surprises or everything), the JQL as typed, and what Jira
 * said about a bad one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { RetroOpenPayload, RetroView } from '../../../../src/contract/retro';
import { call } from '../../../shared/bridge-client';
import { firstOpening, keepInUrl, openNamed } from '../retro-start';
import { jqlToSend, shownJql, type Scope } from '../state/retro-state';

export type Load = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; view: RetroView };

/**
 * `onNewList` (stable) is told the list changed, so the presenter starts again at the first surprise;
 * `opened` when a new view came back, so an export of the previous one is dropped too.
 */
export function useRetroQuery(onNewList: (opened: boolean) => void) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(true);
  const [scope, setScope] = useState<Scope>('surprises');
  const [typed, setTyped] = useState('');
  const [jqlError, setJqlError] = useState<AppErrorBody | null>(null);
  /** What the last answer was asked for: "Try again" asks for it again (the URL's sprint included). */
  const lastAsked = useRef<RetroOpenPayload>({});

  /** Shows an answer of `retro/open`. */
  const show = useCallback(
    (payload: RetroOpenPayload, result: Awaited<ReturnType<typeof call<'retro/open'>>>, nextScope?: Scope) => {
      setBusy(false);
      lastAsked.current = payload;
      if (result.ok) {
        const view = result.value;
        const s = nextScope ?? 'surprises';
        setLoad({ kind: 'ready', view });
        keepInUrl(view);
        setScope(s);
        setTyped(shownJql(view, s));
        setJqlError(null);
        onNewList(true);
        return;
      }
      // A bad JQL keeps the view and says what is wrong next to the field.
      if (payload.jql && result.error.code === 'INVALID_INPUT') setJqlError(result.error);
      else setLoad((prev) => (prev.kind === 'ready' && payload.jql ? prev : { kind: 'error', error: result.error }));
    },
    [onNewList],
  );

  /** Asks for a view; the caller has shown it is busy (the first render starts busy). */
  const ask = useCallback(
    (payload: RetroOpenPayload, nextScope?: Scope) =>
      call('retro/open', payload).then((result) => {
        show(payload, result, nextScope);
      }),
    [show],
  );

  // The first view: the answer of the call main.tsx started when the page loaded (on the sprint the URL names).
  useEffect(() => {
    void firstOpening().then(({ payload, result }) => {
      show(payload, result);
    });
  }, [show]);

  const open = useCallback(
    async (payload: RetroOpenPayload, nextScope?: Scope) => {
      setBusy(true);
      await ask(payload, nextScope);
    },
    [ask],
  );

  /** Surprises or everything: the loaded view re-filtered, or asked again when a custom JQL is shown. */
  const switchScope = (view: RetroView, next: Scope) => {
    const current = { boardId: view.board?.id ?? null, sprintId: view.sprint?.id ?? null };
    if (view.query?.customJql) return void open(current, next);
    setScope(next);
    setTyped(shownJql(view, next));
    setJqlError(null);
    onNewList(false);
  };

  const runJql = (view: RetroView) => {
    const current = { boardId: view.board?.id ?? null, sprintId: view.sprint?.id ?? null };
    const { jql, scope: preset } = jqlToSend(view, typed);
    if (jql === null) {
      if (view.query?.customJql) return void open(current, preset ?? scope);
      switchScope(view, preset ?? scope);
      return;
    }
    void open({ ...current, jql }, scope);
  };

  /** "Try again" after a failed opening: the same board, sprint and JQL. */
  const retry = useCallback(() => {
    setBusy(true);
    void openNamed(lastAsked.current).then(({ payload, result }) => {
      show(payload, result);
    });
  }, [show]);

  /** A note saved: the view shows it without asking again. */
  const setNotes = (view: RetroView, notes: RetroView['notes']) => {
    setLoad({ kind: 'ready', view: { ...view, notes } });
  };

  return { load, busy, scope, typed, setTyped, jqlError, open, retry, switchScope, runJql, setNotes };
}
