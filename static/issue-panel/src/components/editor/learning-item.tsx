/** One learning in the editor: its text, the Surprise toggle and Remove. */
import { useEffect, useRef, type Dispatch, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import DeleteIcon from '@atlaskit/icon/core/delete';
import LightbulbIcon from '@atlaskit/icon/core/lightbulb';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { LIMITS, type EntryDraft } from '../../../../../src/domain/record/learning-record';
import { textLength } from '../../../../../src/domain/record/text';
import type { EditorAction } from '../../state/editor-state';
import { newId } from '../../state/ids';
import { SHORTCUTS, entryCommand } from '../../state/shortcuts';
import { fieldError } from '../../../../shared/styles';
import { IconOnlyButton } from '../icon-only-button';
import { CharCount } from './char-count';

interface Props {
  entry: EntryDraft;
  index: number;
  dispatch: Dispatch<EditorAction>;
  /** Registers the text field, so the editor can move focus to it. */
  fieldRef: (element: HTMLTextAreaElement | null) => void;
  /** The cap was met by Enter in this learning: the sentence to show under it. */
  capMessage?: string | null;
}

/**
 * Takes focus when it appears, so what the person types next goes nowhere rather than onto
 * the learning they pressed Enter in; Esc and Ctrl+Enter still reach the editor.
 */
function CapMessage({ message }: { message: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <p ref={ref} role="alert" tabIndex={-1} style={fieldError}>
      {message}
    </p>
  );
}

export function LearningItem({ entry, index, dispatch, fieldRef, capMessage = null }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const command = entryCommand(event);
    if (!command) return;
    event.preventDefault();
    if (command === 'commit') dispatch({ type: 'commitEntry', id: entry.id, newId: newId() });
    else dispatch({ type: 'toggleSurprise', id: entry.id });
  };
  return (
    <li style={{ display: 'grid', gap: token('space.025') }}>
      <div style={{ display: 'flex', gap: token('space.050'), alignItems: 'flex-start' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <TextArea
            dir="auto"
            ref={fieldRef}
            value={entry.text}
            onChange={(event) => {
              dispatch({ type: 'editEntry', id: entry.id, text: event.currentTarget.value });
            }}
            onKeyDown={onKeyDown}
            aria-label={`Learning ${index + 1}${entry.surprise ? ' (surprise)' : ''}`}
            aria-keyshortcuts={`${SHORTCUTS.nextEntry.keys} ${SHORTCUTS.surprise.keys}`}
            aria-describedby="ll-entry-help"
            placeholder="What did we learn?"
            resize="smart"
            minimumRows={1}
            isCompact
            isInvalid={textLength(entry.text) > LIMITS.entryChars}
          />
        </div>
        <Button
          spacing="compact"
          appearance={entry.surprise ? 'discovery' : 'subtle'}
          isSelected={entry.surprise}
          aria-pressed={entry.surprise}
          aria-label={`Surprise: learning ${index + 1}`}
          aria-keyshortcuts={SHORTCUTS.surprise.keys}
          title={`Mark as a surprise (${SHORTCUTS.surprise.label} while typing)`}
          iconBefore={LightbulbIcon}
          onClick={() => {
            dispatch({ type: 'toggleSurprise', id: entry.id });
          }}
        >
          Surprise
        </Button>
        <IconOnlyButton
          icon={DeleteIcon}
          label={`Remove learning ${index + 1}`}
          onClick={() => {
            dispatch({ type: 'removeEntry', id: entry.id });
          }}
        />
      </div>
      <CharCount length={textLength(entry.text)} limit={LIMITS.entryChars} />
      {capMessage ? <CapMessage message={capMessage} /> : null}
    </li>
  );
}
