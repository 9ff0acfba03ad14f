/** The sprint's learning goals for presenter mode, read fresh when it opens (the team may just have answered one). */
import { useEffect, useState } from 'react';
import type { GoalsView } from '../../../../src/contract/sprint-goals';
import { call } from '../../../shared/bridge-client';

export type PresenterGoals = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; view: GoalsView };

export function usePresenterGoals(sprintId: number): PresenterGoals {
  const [goals, setGoals] = useState<PresenterGoals>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void call('goals/open', { sprintId }).then((result) => {
      if (live) setGoals(result.ok ? { kind: 'ready', view: result.value } : { kind: 'failed' });
    });
    return () => {
      live = false;
    };
  }, [sprintId]);
  return goals;
}
