/** Where the caret goes as the editor opens and entries come and go, and how long Undo stays. */
import { useEffect, useRef, type Dispatch } from 'react';
import type { EditorAction, EditorState } from '../../state/editor-state';

const UNDO_MS = 8000;

function focusAtEnd(field: HTMLTextAreaElement): void {
  field.focus();
  field.setSelectionRange(field.value.length, field.value.length);
}

export function useEditorFocus(state: EditorState, dispatch: Dispatch<EditorAction>, focusHypothesis: boolean) {
  const hypothesisRef = useRef<HTMLTextAreaElement>(null);
  const entryFields = useRef(new Map<string, HTMLTextAreaElement>());

  useEffect(() => {
    const field = hypothesisRef.current;
    if (focusHypothesis && field) focusAtEnd(field);
  }, [focusHypothesis]);

  useEffect(() => {
    if (!state.focusEntryId) return;
    const field = entryFields.current.get(state.focusEntryId);
    if (field) focusAtEnd(field);
    dispatch({ type: 'focusHandled' });
  }, [state.focusEntryId, dispatch]);

  useEffect(() => {
    if (!state.removed) return;
    const timer = window.setTimeout(() => {
      dispatch({ type: 'dismissUndo' });
    }, UNDO_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [state.removed, dispatch]);

  return { hypothesisRef, entryFields };
}
