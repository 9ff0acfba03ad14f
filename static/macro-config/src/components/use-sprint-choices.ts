/** The sprint picker's two reads: boards for what is typed, and one board's sprints (or a pinned sprint's own board). */
import { useEffect, useRef, useState } from 'react';
import type { BoardList, SprintList } from '../../../../src/contract/macro';
import { call } from '../../../shared/bridge-client';
import { useTextSearch, type Loaded, type Search } from './use-text-search';

export type { Loaded };

const findBoards: Search<BoardList['boards']> = (text) =>
  call('macro/findBoards', { text }).then((result) =>
    result.ok ? { ok: true, value: result.value.boards } : { ok: false, message: result.error.message },
  );

/** The boards for what is typed (debounced; an answer for other text than is in the box now is not shown). */
export function useBoards(text: string): Loaded<BoardList['boards']> {
  return useTextSearch(text, findBoards);
}

/** What to list: a board the person chose, or (on reopening) the sprint the page's JQL pins. */
export type SprintRequest = { boardId: number } | { sprintId: number } | null;

const keyOf = (request: SprintRequest) => JSON.stringify(request);

/** The sprints for the request; `null` asks for nothing (no board chosen yet). Only the latest request's answer counts. */
export function useSprints(request: SprintRequest): Loaded<SprintList> | null {
  const key = keyOf(request);
  const [answered, setAnswered] = useState<{ key: string; found: Loaded<SprintList> } | null>(null);
  const latest = useRef(key);
  useEffect(() => {
    latest.current = key;
    const asked = JSON.parse(key) as SprintRequest;
    if (!asked) return;
    void call('macro/listSprints', asked).then((result) => {
      if (latest.current !== key) return;
      setAnswered({
        key,
        found: result.ok ? { kind: 'ready', value: result.value } : { kind: 'error', message: result.error.message },
      });
    });
  }, [key]);
  if (!request) return null;
  return answered?.key === key ? answered.found : { kind: 'loading' };
}
