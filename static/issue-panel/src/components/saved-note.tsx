/** The note after a save or a restore ("Restored revision 3."), with Undo after a restore, and an undo that failed. */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../shared/notice';
import { subtleSmall } from '../../../shared/styles';
import type { PanelState, UndoTarget } from '../state/panel-state';

interface Props {
  state: Pick<PanelState, 'note' | 'undo' | 'undoing' | 'undoError'>;
  onUndo: (target: UndoTarget) => void;
  onReload: () => void;
  onDismiss: () => void;
}

export function SavedNote({ state, onUndo, onReload, onDismiss }: Props) {
  const { note, undo, undoing, undoError } = state;
  return (
    <>
      {undoError ? (
        <Notice
          appearance="error"
          role="alert"
          title="Could not undo the restore"
          actions={undoError.code === 'CONFLICT' ? [{ label: 'Reload', onClick: onReload }] : []}
        >
          <p style={{ margin: 0 }}>{undoError.message}</p>
        </Notice>
      ) : null}
      {note ? (
        <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
          <span style={{ ...subtleSmall, color: token('color.text.success') }}>{note}</span>
          {undo ? (
            <Button
              spacing="compact"
              onClick={() => {
                onUndo(undo);
              }}
              isLoading={undoing}
              isDisabled={undoing}
              aria-label={`Undo: bring back revision ${String(undo.revision)}`}
            >
              Undo
            </Button>
          ) : null}
          <Button spacing="compact" appearance="subtle" onClick={onDismiss} isDisabled={undoing}>
            Dismiss
          </Button>
        </div>
      ) : null}
    </>
  );
}
