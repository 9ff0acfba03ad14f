/** Tags: chips with Remove, and a field where Enter or a comma adds (Backspace on empty removes the last). */
import type { Dispatch } from 'react';
import CrossIcon from '@atlaskit/icon/core/cross';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { LIMITS } from '../../../../../src/domain/record/learning-record';
import { SectionLabel } from '../../../../shared/learning-marks';
import { chip, fieldError } from '../../../../shared/styles';
import type { EditorAction, EditorState } from '../../state/editor-state';
import { tagCommand } from '../../state/shortcuts';
import { IconOnlyButton } from '../icon-only-button';

export function TagsEditor({ state, dispatch }: { state: EditorState; dispatch: Dispatch<EditorAction> }) {
  const tags = state.draft.tags;
  return (
    <section style={{ display: 'grid', gap: token('space.075') }}>
      <label htmlFor="ll-tag-field" style={{ display: 'contents' }}>
        <SectionLabel>Tags</SectionLabel>
      </label>
      {tags.length > 0 ? (
        <ul aria-label="Current tags" className="ll-list" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
          {tags.map((tag) => (
            <li key={tag} style={chip}>
              {tag}
              <IconOnlyButton
                icon={CrossIcon}
                label={`Remove tag ${tag}`}
                onClick={() => {
                  dispatch({ type: 'removeTag', tag });
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <div style={{ maxWidth: '320px' }}>
        <Textfield
          dir="auto"
          id="ll-tag-field"
          isCompact
          value={state.tagInput}
          placeholder={tags.length >= LIMITS.tags ? `${LIMITS.tags} tags: remove one to add another` : 'Add a tag, then Enter or comma'}
          aria-describedby={state.tagError ? 'll-tag-error' : undefined}
          isInvalid={state.tagError !== null}
          onChange={(event) => {
            dispatch({ type: 'setTagInput', text: event.currentTarget.value });
          }}
          onKeyDown={(event) => {
            const command = tagCommand(event, event.currentTarget.value);
            if (!command) return;
            event.preventDefault();
            dispatch({ type: command === 'commit' ? 'commitTagInput' : 'removeLastTag' });
          }}
        />
      </div>
      {state.tagError ? (
        <p id="ll-tag-error" role="alert" style={fieldError}>
          {state.tagError}
        </p>
      ) : null}
    </section>
  );
}
