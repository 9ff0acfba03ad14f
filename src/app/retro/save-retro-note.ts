import { AppError } from '../../contract/errors';
import type { SavedRetroNote } from '../../contract/retro';
import { cardOf } from '../../domain/search/card-of';
import { surpriseInSprintJql } from '../../domain/retro/retro-query';
import {
  ENTRY_ID_PATTERN,
  RETRO_NOTE_LIMITS,
  isBlankNote,
  nextNote,
  normaliseNoteText,
  type RetroNote,
} from '../../domain/retro/retro-notes';
import { surpriseKeyOf } from '../../domain/retro/retro-surprises';
import { textLength } from '../../domain/record/text';
import type { IssueLearningsPort } from '../../ports/record/issue-learnings.port';
import type { IssueSearchPort } from '../../ports/search/issue-search.port';
import type { RetroNotesPort } from '../../ports/retro/retro-notes.port';
import type { SprintsPort } from '../../ports/retro/sprints.port';
import { NUMERIC_ID_PATTERN } from '../../domain/record/identifiers';

export interface RetroNoteDeps {
  notes: RetroNotesPort;
  /** As the person: the board must be the project's, the sprint the board's. */
  sprints: SprintsPort;
  /** As the person: the issue must be one they may browse, in the sprint, with that surprise. */
  search: IssueSearchPort;
  /** Writing a note is editing the team's account of an issue: it needs Edit issues on it. */
  issueLearnings: Pick<IssueLearningsPort, 'mayEdit'>;
  now: () => Date;
}

export interface RetroNoteInput {
  project: { id: string; key: string };
  accountId: string;
  boardId: number;
  sprintId: number;
  issueId: string;
  entryId: string;
  discussed: boolean;
  note: string;
}

const NOT_A_SURPRISE = 'That is not a surprise of this sprint on this board that you can see. Reload the page and try again.';

/**
 * Keeps one surprise's "discussed" mark and note. Only for a real surprise of that sprint
 * and board, and only by someone who may edit its issue (one round of Jira reads, as the
 * person). The text it replaces is kept with it. Kept under the project of the Forge
 * context, so a payload can never write into another project's retro.
 */
export async function saveRetroNote(deps: RetroNoteDeps, input: RetroNoteInput): Promise<SavedRetroNote> {
  if (!NUMERIC_ID_PATTERN.test(input.issueId) || !ENTRY_ID_PATTERN.test(input.entryId)) {
    throw new AppError('INVALID_INPUT', 'That surprise could not be identified. Reload the page and try again.');
  }
  const text = normaliseNoteText(input.note);
  if (textLength(text) > RETRO_NOTE_LIMITS.noteChars) {
    throw new AppError('INVALID_INPUT', `A note may be at most ${RETRO_NOTE_LIMITS.noteChars} characters: keep the take-away short.`);
  }
  const scope = { projectId: input.project.id, boardId: input.boardId, sprintId: input.sprintId };
  const [boards, sprint, found, previous] = await Promise.all([
    deps.sprints.boardsOf(input.project.key),
    deps.sprints.sprint(input.sprintId).catch(() => null),
    deps.search.search({ jql: surpriseInSprintJql(input.issueId, input.sprintId), pageSize: 1 }).catch(() => ({ hits: [] })),
    deps.notes.get(scope, input.issueId, input.entryId),
  ]);
  const hit = found.hits.find((h) => h.id === input.issueId);
  const card = hit ? cardOf(hit) : null;
  const isSurprise = card?.record.learnings.some((e) => e.id === input.entryId && e.surprise) ?? false;
  const onBoard =
    boards.some((b) => b.id === input.boardId) &&
    sprint !== null &&
    (sprint.originBoardId === null || sprint.originBoardId === input.boardId);
  if (!hit || !isSurprise || !onBoard) throw new AppError('NOT_FOUND', NOT_A_SURPRISE);
  if (!(await deps.issueLearnings.mayEdit(hit.key))) {
    throw new AppError(
      'FORBIDDEN',
      `You may view ${hit.key} but not edit it, so you cannot mark its surprise or write a note. Ask a project admin for Edit access.`,
    );
  }
  const note: RetroNote = nextNote(previous, {
    discussed: input.discussed,
    note: text,
    updatedAt: deps.now().toISOString(),
    updatedBy: input.accountId,
  });
  const kept = isBlankNote(note) && !note.earlier ? null : note;
  await deps.notes.put(scope, input.issueId, input.entryId, kept, input.accountId);
  return { key: surpriseKeyOf(input.issueId, input.entryId), note: kept };
}
