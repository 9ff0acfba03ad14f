/**
 * The display names of the people the loaded cards name: one `people/lookup`
 * call per page, after it is on screen, each person asked once for the life of
 * the frame. Used by the macro and by the config view's preview.
 */
import { useCallback, useRef, useState } from 'react';
import { call } from '../bridge-client';
import type { Names } from './learning-parts';
import { accountIdsToName } from './view-state';
import type { LearningCard } from '../../../src/domain/search/learning-cards';

export function useAuthorNames() {
  const [names, setNames] = useState<Names>(new Map());
  const asked = useRef(new Set<string>());
  /** People whose name cannot be read stay unnamed ("someone"), never shown by account id. */
  const nameAuthors = useCallback(async (cards: readonly LearningCard[]) => {
    const ids = accountIdsToName(cards, asked.current);
    if (ids.length === 0) return;
    ids.forEach((id) => asked.current.add(id));
    const result = await call('people/lookup', { accountIds: ids });
    if (result.ok) setNames((known) => new Map([...known, ...Object.entries(result.value.names)]));
  }, []);
  return { names, nameAuthors };
}
