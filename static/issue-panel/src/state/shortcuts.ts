/**
 * The panel's keyboard shortcuts, as pure functions of a key event's fields,
 * so the same table drives the handlers, the help text and the tests.
 */
export interface KeyLike {
  key: string;
  /** Physical key (layout independent): Alt+S on a Mac types "ß", but its code is still KeyS. */
  code?: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** True while an input method is composing (Enter then confirms the composition). */
  isComposing?: boolean;
}

export const SHORTCUTS = {
  save: { keys: 'Control+Enter Meta+Enter', label: 'Ctrl+Enter (⌘+Enter)' },
  cancel: { keys: 'Escape', label: 'Esc' },
  nextEntry: { keys: 'Enter', label: 'Enter' },
  newLine: { keys: 'Shift+Enter', label: 'Shift+Enter' },
  surprise: { keys: 'Alt+S Control+Shift+S', label: 'Alt+S' },
  addEntry: { keys: 'Alt+N', label: 'Alt+N' },
} as const;

const isLetter = (event: KeyLike, letter: 's' | 'n'): boolean =>
  event.code === `Key${letter.toUpperCase()}` || event.key.toLowerCase() === letter;

/** Anywhere in the editor. */
export function editorCommand(event: KeyLike): 'save' | 'cancel' | 'addEntry' | null {
  if (event.isComposing) return null;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return 'save';
  if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey) return 'cancel';
  if (event.altKey && !event.ctrlKey && !event.metaKey && isLetter(event, 'n')) return 'addEntry';
  return null;
}

/** In the read view, anywhere in the panel: Alt+N opens the editor on a new learning. */
export function readCommand(event: KeyLike): 'addEntry' | null {
  if (event.isComposing) return null;
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && isLetter(event, 'n')) return 'addEntry';
  return null;
}

/** In a learning's text field. Plain Enter commits; Shift+Enter is left to the field (a new line). */
export function entryCommand(event: KeyLike): 'commit' | 'toggleSurprise' | null {
  if (event.isComposing) return null;
  if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) return 'commit';
  if (isLetter(event, 's') && ((event.altKey && !event.ctrlKey && !event.metaKey) || (event.ctrlKey && event.shiftKey))) {
    return 'toggleSurprise';
  }
  return null;
}

/** In the tag field: Enter or comma adds, Backspace on an empty field removes the last tag. */
export function tagCommand(event: KeyLike, inputValue: string): 'commit' | 'removeLast' | null {
  if (event.isComposing) return null;
  if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) return 'commit';
  if (event.key === 'Backspace' && inputValue === '') return 'removeLast';
  return null;
}
