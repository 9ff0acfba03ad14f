/** The sprint's learning goals: loaded with the sprint, saved whole (with the loaded goals as the merge's base), carried over. */
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { GoalsView } from '../../../../src/contract/sprint-goals';
import type { SprintGoal } from '../../../../src/domain/sprint-goals/goals-document';
import { call, firstCall } from '../../../shared/bridge-client';

export type GoalsLoad = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; view: GoalsView };

/**
 * `sprintId` null: the sprint the module's context names (the sprint's own menu), so the payload
 * leaves it out and the first read takes the call started at load.
 */
export function useGoals(sprintId: number | null) {
  const [load, setLoad] = useState<GoalsLoad>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<AppErrorBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // The section is keyed by sprint: it starts loading, so the first read needs no 'loading' state set.
  const fetchGoals = useCallback(
    () =>
      firstCall('goals/open', sprintId === null ? {} : { sprintId }).then((result) => {
        setLoad(result.ok ? { kind: 'ready', view: result.value } : { kind: 'error', error: result.error });
      }),
    [sprintId],
  );

  useEffect(() => {
    void fetchGoals();
  }, [fetchGoals]);

  const reload = async () => {
    setLoad({ kind: 'loading' });
    await fetchGoals();
  };

  const save = async (view: GoalsView, goals: SprintGoal[]): Promise<boolean> => {
    setBusy(true);
    setSaveError(null);
    setNotice(null);
    const base = { revision: view.document.revision, goals: view.document.goals };
    const result = await call('goals/save', { ...(sprintId === null ? {} : { sprintId }), base, goals });
    setBusy(false);
    if (!result.ok) {
      setSaveError(result.error);
      return false;
    }
    setLoad({ kind: 'ready', view: result.value });
    return true;
  };

  const carryOver = async (goalIds: string[], toSprint: { id: number; name: string }): Promise<void> => {
    if (sprintId === null) return;
    setBusy(true);
    setSaveError(null);
    const result = await call('goals/carryOver', { fromSprintId: sprintId, toSprintId: toSprint.id, goalIds });
    setBusy(false);
    if (!result.ok) {
      setSaveError(result.error);
      return;
    }
    const n = result.value.carried.length;
    setNotice(`${n} goal${n === 1 ? '' : 's'} carried over to ${toSprint.name}.`);
    await reload();
  };

  return {
    load,
    busy,
    saveError,
    notice,
    save,
    carryOver,
    reload,
    clearError: () => {
      setSaveError(null);
    },
  };
}
