/**
 * What people wrote, shown in any script: `dir="auto"` lets a right-to-left line read right to left,
 * and bidirectional embedding, override and isolate controls are left out on display, so a U+202E
 * cannot show text reversed or disguised. (The backend keeps them in hypotheses and learnings, as
 * typed; it removes them from tags.) The editor's fields show the text as stored.
 */
import type { CSSProperties } from 'react';

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

/** Inline: an isolated run of someone's text. */
export function UserText({ text, style }: { text: string; style?: CSSProperties }) {
  return (
    <bdi dir="auto" style={style}>
      {withoutBidiControls(text)}
    </bdi>
  );
}
