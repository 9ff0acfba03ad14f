/** Save, Cancel (asking first when something would be lost) and the editor-wide shortcuts. */
import { useRef, useState, type Dispatch, type KeyboardEvent, type RefObject } from 'react';
import type { LearningDraft, SizeReport } from '../../../../../src/domain/record/learning-record';
import { isDirty, prepareSave, type EditorAction, type EditorState } from '../../state/editor-state';
import { newId } from '../../state/ids';
import { editorCommand } from '../../state/shortcuts';

interface Options {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  size: SizeReport;
  saving: boolean;
  onSave: (draft: LearningDraft, baseRevision: number) => void;
  onCancel: () => void;
  /** Where focus goes back to when the field that had it is gone. */
  hypothesisRef: RefObject<HTMLTextAreaElement>;
}

export function useEditorControls({ state, dispatch, size, saving, onSave, onCancel, hypothesisRef }: Options) {
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  /** Where the caret was when "Discard your changes?" took focus, to go back to on "keep editing". */
  const focusBeforeConfirm = useRef<HTMLElement | null>(null);
  // A problem belongs to the draft it was found in: any edit clears it.
  const [found, setFound] = useState<{ draft: EditorState['draft']; message: string } | null>(null);
  const problem = found?.draft === state.draft ? found.message : null;
  const setProblem = (message: string | null) => {
    setFound(message === null ? null : { draft: state.draft, message });
  };

  const save = () => {
    if (saving) return;
    if (size.level === 'over') {
      setProblem('This record is too large to save: shorten or remove some learnings or evidence links first.');
      return;
    }
    const prepared = prepareSave(state);
    if (!prepared.ok) {
      setProblem(prepared.problem);
      return;
    }
    setProblem(null);
    onSave(prepared.draft, state.baseRevision);
  };

  const requestCancel = () => {
    if (saving) return;
    if (!isDirty(state)) {
      onCancel();
      return;
    }
    focusBeforeConfirm.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirmingDiscard(true);
  };

  // Closing the question unmounts its focused button: without this, focus falls to <body>, outside
  // the editor, and its shortcuts (Ctrl+Enter, Esc, Alt+N) stop working until the person clicks back in.
  const keepEditing = () => {
    setConfirmingDiscard(false);
    const previousFocus = focusBeforeConfirm.current;
    focusBeforeConfirm.current = null;
    if (previousFocus?.isConnected) previousFocus.focus();
    else hypothesisRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const command = editorCommand(event);
    if (!command) return;
    event.preventDefault();
    if (command === 'cancel' && confirmingDiscard) keepEditing();
    else if (command === 'save') save();
    else if (command === 'cancel') requestCancel();
    else dispatch({ type: 'addEntry', id: newId() });
  };

  return { save, requestCancel, keepEditing, confirmingDiscard, problem, onKeyDown };
}
