/** Adding or editing one learning goal: the question, its tickets by key, an owner, and its answer. Plain form controls: keyboard only works. */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { GOAL_ANSWERS, SPRINT_GOAL_LIMITS } from '../../../../src/domain/sprint-goals/goals-document';
import { ANSWER_LABELS, draftProblem, type GoalDraft } from '../state/goals-state';

interface Props {
  initial: GoalDraft;
  position: number;
  busy: boolean;
  onSave: (draft: GoalDraft) => void;
  onCancel: () => void;
}

const field = { display: 'grid', gap: token('space.050') } as const;
const input = {
  font: token('font.body'),
  padding: token('space.075'),
  color: token('color.text'),
  background: token('color.background.input'),
};

/** How the goal was answered, and the sentence: required for partly / not answered. */
function AnswerFields({ draft, set }: { draft: GoalDraft; set: (patch: Partial<GoalDraft>) => void }) {
  const needsNote = draft.answer === 'partly' || draft.answer === 'not-answered';
  return (
    <>
      <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'flex', gap: token('space.200'), flexWrap: 'wrap' }}>
        <legend>Answer</legend>
        {GOAL_ANSWERS.map((answer) => (
          <label key={answer}>
            <input
              type="radio"
              name="answer"
              value={answer}
              checked={draft.answer === answer}
              onChange={() => {
                set({ answer });
              }}
            />{' '}
            {ANSWER_LABELS[answer]}
          </label>
        ))}
      </fieldset>
      <label style={field}>
        <span>{needsNote ? 'What did we learn instead? (required)' : 'What we learned (optional)'}</span>
        <textarea
          rows={2}
          maxLength={SPRINT_GOAL_LIMITS.answerNoteChars * 2}
          value={draft.answerNote}
          style={input}
          onChange={(e) => {
            set({ answerNote: e.target.value });
          }}
        />
      </label>
    </>
  );
}

export function GoalEditor({ initial, position, busy, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const problem = draftProblem(draft, position);
  const set = (patch: Partial<GoalDraft>) => {
    setDraft({ ...draft, ...patch });
  };
  return (
    <form
      aria-label={`Goal ${position + 1}`}
      style={{ display: 'grid', gap: token('space.150') }}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!problem) onSave(draft);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <label style={field}>
        <span>What do we hope to learn?</span>
        <textarea
          autoFocus
          rows={2}
          maxLength={SPRINT_GOAL_LIMITS.questionChars * 2}
          value={draft.question}
          style={input}
          onChange={(e) => {
            set({ question: e.target.value });
          }}
        />
      </label>
      <label style={field}>
        <span>Tickets that test it (keys, like ABC-12; at most {SPRINT_GOAL_LIMITS.issueKeysPerGoal})</span>
        <input
          value={draft.issueKeysText}
          style={input}
          onChange={(e) => {
            set({ issueKeysText: e.target.value });
          }}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={draft.ownedByMe}
          onChange={(e) => {
            set({ ownedByMe: e.target.checked });
          }}
        />{' '}
        I own this goal
      </label>
      <AnswerFields draft={draft} set={set} />
      {tried && problem ? (
        <p role="alert" style={{ margin: 0, color: token('color.text.danger') }}>
          {problem}
        </p>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button type="submit" appearance="primary" isDisabled={busy}>
          Save goal
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
