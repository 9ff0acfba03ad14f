/** "What we learned": the list of learnings, Undo after a removal, the cap message and "Add a learning". */
import type { Dispatch, MutableRefObject } from 'react';
import Button from '@atlaskit/button/default/button';
import AddIcon from '@atlaskit/icon/core/add';
import { token } from '@atlaskit/tokens';
import { SectionLabel } from '../../../../shared/learning-marks';
import { card, fieldError, subtleSmall } from '../../../../shared/styles';
import type { EditorAction, EditorState } from '../../state/editor-state';
import { newId } from '../../state/ids';
import { SHORTCUTS } from '../../state/shortcuts';
import { LearningItem } from './learning-item';

interface Props {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  /** Each learning's text field by entry id. */
  entryFields: MutableRefObject<Map<string, HTMLTextAreaElement>>;
}

export function LearningsEditor({ state, dispatch, entryFields }: Props) {
  const { learnings } = state.draft;
  const register = (id: string) => (element: HTMLTextAreaElement | null) => {
    if (element) entryFields.current.set(id, element);
    else entryFields.current.delete(id);
  };
  return (
    <section aria-labelledby="ll-learned-edit" style={{ display: 'grid', gap: token('space.075') }}>
      <SectionLabel id="ll-learned-edit">What we learned</SectionLabel>
      {learnings.length > 0 ? (
        <ul className="ll-list" style={{ display: 'grid', gap: token('space.075') }}>
          {learnings.map((entry, index) => (
            <LearningItem
              key={entry.id}
              entry={entry}
              index={index}
              dispatch={dispatch}
              fieldRef={register(entry.id)}
              capMessage={state.entryErrorAt === entry.id ? state.entryError : null}
            />
          ))}
        </ul>
      ) : null}
      {state.removed ? (
        <div
          role="status"
          style={{ ...card, display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token('space.100') }}
        >
          <span style={subtleSmall}>Learning removed</span>
          <Button
            spacing="compact"
            appearance="subtle"
            onClick={() => {
              dispatch({ type: 'undoRemove' });
            }}
          >
            Undo
          </Button>
        </div>
      ) : null}
      {state.entryError && state.entryErrorAt === null ? (
        <p role="alert" style={fieldError}>
          {state.entryError}
        </p>
      ) : null}
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <Button
          spacing="compact"
          appearance="subtle"
          iconBefore={AddIcon}
          aria-keyshortcuts={SHORTCUTS.addEntry.keys}
          onClick={() => {
            dispatch({ type: 'addEntry', id: newId() });
          }}
        >
          Add a learning
        </Button>
        <p id="ll-entry-help" style={subtleSmall}>
          {SHORTCUTS.nextEntry.label}: next learning · {SHORTCUTS.newLine.label}: new line · {SHORTCUTS.surprise.label}: surprise ·{' '}
          {SHORTCUTS.addEntry.label}: add
        </p>
      </div>
    </section>
  );
}
