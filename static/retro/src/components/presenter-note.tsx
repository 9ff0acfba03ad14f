/** The presenter's take-away note and "discussed" mark for one surprise. */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import { RETRO_NOTE_LIMITS, type RetroNote } from '../../../../src/domain/retro/retro-notes';
import type { Surprise } from '../../../../src/domain/retro/retro-surprises';

interface Props {
  surprise: Surprise;
  /** The note as saved; the form is mounted once per surprise (keyed by it), so it starts from this. */
  stored: RetroNote | undefined;
  busy: boolean;
  saveError: AppErrorBody | null;
  onSave: (surprise: Surprise, discussed: boolean, note: string) => Promise<boolean>;
}

export function PresenterNote({ surprise, stored, busy, saveError, onSave }: Props) {
  const [draft, setDraft] = useState(stored?.note ?? '');
  const discussed = stored?.discussed ?? false;
  const dirty = draft.trim() !== (stored?.note ?? '');
  // The buttons stay enabled while saving (a second press is ignored): a disabled button drops the keyboard focus.
  const save = (nextDiscussed: boolean) => {
    if (!busy) void onSave(surprise, nextDiscussed, draft);
  };
  return (
    <div style={{ display: 'grid', gap: token('space.100'), maxWidth: '720px' }}>
      <label htmlFor="ll-note" style={{ font: token('font.heading.xxsmall'), color: token('color.text.subtle') }}>
        Take-away for the team
      </label>
      <TextArea
        id="ll-note"
        value={draft}
        maxLength={RETRO_NOTE_LIMITS.noteChars}
        minimumRows={2}
        placeholder="What will we do with this?"
        onChange={(event) => {
          setDraft(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save(discussed);
          }
        }}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <Button
          appearance={discussed ? 'default' : 'primary'}
          isSelected={discussed}
          aria-pressed={discussed}
          aria-disabled={busy}
          onClick={() => {
            save(!discussed);
          }}
        >
          {discussed ? '✓ Discussed' : 'Mark as discussed'}
        </Button>
        <Button
          appearance="subtle"
          aria-disabled={busy || !dirty}
          onClick={() => {
            if (dirty) save(discussed);
          }}
        >
          Save note
        </Button>
        <span style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
          {busy ? 'Saving…' : `${draft.length}/${RETRO_NOTE_LIMITS.noteChars}`}
        </span>
        {saveError ? (
          <span role="alert" style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
            {saveError.message}
          </span>
        ) : null}
      </div>
    </div>
  );
}
