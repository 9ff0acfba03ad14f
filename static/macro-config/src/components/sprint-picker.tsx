/**
 * "Surprises of one sprint": find a board of the site (by name or project key, `macro/findBoards`),
 * pick one of its sprints (`macro/listSprints`, active first, then future, then recent closed), and
 * the JQL is written for that sprint's id. Nothing is written until a sprint is picked. Reopened on
 * a page that pins a sprint, it lists that sprint's board with the sprint picked.
 */
import { useEffect, useState } from 'react';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { BOARD_SEARCH_LIMITS } from '../../../../src/contract/limits';
import type { BoardChoice, Sprint } from '../../../../src/domain/retro/sprint-choice';
import { SPRINT_STATE_LABELS, sprintDates } from '../../../shared/format';
import { Notice } from '../../../shared/notice';
import { subtleSmall } from '../../../shared/styles';
import { choiceStyle } from './form-parts';
import { States } from './picker-states';
import { useBoards, useSprints, type SprintRequest } from './use-sprint-choices';

/** "Active · 3 Mar – 17 Mar" */
export function sprintLine(sprint: Sprint): string {
  const dates = sprintDates(sprint);
  return dates ? `${SPRINT_STATE_LABELS[sprint.state]} · ${dates}` : SPRINT_STATE_LABELS[sprint.state];
}

const listStyle = { display: 'grid', gap: token('space.050'), maxHeight: '200px', overflowY: 'auto' } as const;

function BoardChoices({
  ids,
  boards,
  boardId,
  onChoose,
}: {
  ids: string;
  boards: BoardChoice[];
  boardId: number | null;
  onChoose: (id: number) => void;
}) {
  return (
    <div role="radiogroup" aria-label="Boards" style={listStyle}>
      {boards.map((board) => (
        <label key={board.id} style={choiceStyle}>
          <input
            type="radio"
            name={`${ids}-board`}
            checked={boardId === board.id}
            onChange={() => {
              onChoose(board.id);
            }}
          />
          <span>
            {board.name}
            {board.projectName ? (
              <span style={subtleSmall}>
                {' '}
                · {board.projectName}
                {board.projectKey ? ` (${board.projectKey})` : ''}
              </span>
            ) : null}
          </span>
        </label>
      ))}
    </div>
  );
}

function SprintChoices({
  ids,
  sprints,
  pickedId,
  onPick,
}: {
  ids: string;
  sprints: Sprint[];
  pickedId: number | null;
  onPick: (sprint: Sprint) => void;
}) {
  return (
    <div role="radiogroup" aria-label="Sprints" style={listStyle}>
      {sprints.map((sprint) => (
        <label key={sprint.id} style={choiceStyle}>
          <input
            type="radio"
            name={`${ids}-sprint`}
            checked={pickedId === sprint.id}
            onChange={() => {
              onPick(sprint);
            }}
          />
          <span>
            <strong>{sprint.name}</strong>
            <span style={subtleSmall}> · {sprintLine(sprint)}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

interface Props {
  ids: string;
  /** The sprint the JQL collects now, if any. */
  pickedId: number | null;
  onPick: (sprint: Sprint) => void;
  /** The pinned sprint, once Jira has named it (null: it does not exist for the person). */
  onNamed: (sprint: Sprint | null) => void;
}

export function SprintPicker({ ids, pickedId, onPick, onNamed }: Props) {
  const [text, setText] = useState('');
  const [request, setRequest] = useState<SprintRequest>(pickedId ? { sprintId: pickedId } : null);
  const boards = useBoards(text);
  const sprints = useSprints(request);
  const listed = sprints?.kind === 'ready' ? sprints.value : null;
  const boardId = request && 'boardId' in request ? request.boardId : (listed?.boardId ?? null);
  const pinnedLost = request !== null && 'sprintId' in request && listed !== null && listed.picked === null;
  useEffect(() => {
    if (listed && request && 'sprintId' in request) onNamed(listed.picked);
  }, [listed, request, onNamed]);
  const noBoardMatches = text.trim()
    ? `No board with sprints you may see matches “${text.trim()}”.`
    : 'No board with sprints you may see on this site.';
  return (
    <div role="group" aria-label="Pick the sprint" style={{ display: 'grid', gap: token('space.075') }}>
      <Textfield
        aria-label="Find a board"
        placeholder="Find a board by its name or project key"
        isCompact
        value={text}
        maxLength={BOARD_SEARCH_LIMITS.textChars}
        onChange={(event) => {
          setText(event.currentTarget.value);
        }}
      />
      <States loaded={boards} waiting="Finding boards" empty={noBoardMatches}>
        {(found) => (
          <BoardChoices
            ids={ids}
            boards={found}
            boardId={boardId}
            onChoose={(id) => {
              setRequest({ boardId: id });
            }}
          />
        )}
      </States>
      {pinnedLost ? (
        <Notice appearance="warning" role="status">
          <p
            style={{ margin: 0 }}
          >{`Sprint ${pickedId ?? ''} of this page does not exist, or you may not see it. Pick a board, then one of its sprints.`}</p>
        </Notice>
      ) : null}
      {sprints === null || (pinnedLost && boardId === null) ? (
        <p style={subtleSmall}>Pick a board to see its sprints.</p>
      ) : (
        <States
          loaded={sprints.kind === 'ready' ? { kind: 'ready', value: sprints.value.sprints } : sprints}
          waiting="Loading sprints"
          empty="This board has no sprints yet."
        >
          {(offered) => <SprintChoices ids={ids} sprints={offered} pickedId={pickedId} onPick={onPick} />}
        </States>
      )}
    </div>
  );
}
