import { AppError } from '../../contract/errors';
import type { SprintList } from '../../contract/macro';
import { sprintPickerOrder } from '../../domain/macro/sprint-query';
import type { Sprint } from '../../domain/retro/sprint-choice';
import type { SprintsPort } from '../../ports/retro/sprints.port';

/** The picked sprint, or null when it no longer exists for the person (a page may outlive its sprint). */
async function pickedSprint(sprints: SprintsPort, sprintId: number): Promise<(Sprint & { originBoardId: number | null }) | null> {
  try {
    return await sprints.sprint(sprintId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * A board's sprints for the picker, as the person. Reopening a page names only its sprint: that
 * sprint is read first and its own board listed, so the picker shows it picked among its neighbours.
 */
export async function listSprints(
  deps: { sprints: SprintsPort },
  input: { boardId?: number | null; sprintId?: number | null },
): Promise<SprintList> {
  const found = input.sprintId ? await pickedSprint(deps.sprints, input.sprintId) : null;
  const picked: Sprint | null = found && {
    id: found.id,
    name: found.name,
    state: found.state,
    startDate: found.startDate,
    endDate: found.endDate,
    completeDate: found.completeDate,
    goal: found.goal,
  };
  const boardId = input.boardId ?? found?.originBoardId ?? null;
  if (boardId === null) return { boardId, sprints: picked ? [picked] : [], picked };
  const sprints = await deps.sprints.sprintsOf(boardId);
  // The picked sprint is offered only on its own board.
  const onBoard = picked && (found?.originBoardId === boardId || sprints.some((s) => s.id === picked.id)) ? picked : null;
  return { boardId, sprints: sprintPickerOrder(sprints, onBoard), picked };
}
