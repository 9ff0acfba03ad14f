/** The end of the editor: "Discard your changes?", why a save did not happen, the size meter, Cancel and Save. */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { SizeReport } from '../../../../../src/domain/record/learning-record';
import { VisuallyHidden } from '../../../../shared/learning-marks';
import { Notice } from '../../../../shared/notice';
import { subtleSmall } from '../../../../shared/styles';
import { SHORTCUTS } from '../../state/shortcuts';
import { SizeMeter } from '../size-meter';

export function DiscardQuestion({ onDiscard, onKeepEditing }: { onDiscard: () => void; onKeepEditing: () => void }) {
  return (
    <Notice appearance="warning" title="Discard your changes?">
      <div style={{ display: 'grid', gap: token('space.100') }}>
        <p style={{ margin: 0 }}>What you changed since you started editing will be lost.</p>
        <div style={{ display: 'flex', gap: token('space.050') }}>
          <Button appearance="warning" spacing="compact" autoFocus onClick={onDiscard}>
            Discard changes
          </Button>
          <Button appearance="subtle" spacing="compact" onClick={onKeepEditing}>
            Keep editing
          </Button>
        </div>
      </div>
    </Notice>
  );
}

/** `notSent`: the editor refused before sending; otherwise the backend refused. */
export function SaveProblem({ message, notSent }: { message: string; notSent: boolean }) {
  return (
    <Notice appearance="error" title={notSent ? 'Not saved yet' : 'Could not save'}>
      <p role="alert" style={{ margin: 0 }}>
        {message} Nothing you typed is lost.
      </p>
    </Notice>
  );
}

interface FooterProps {
  size: SizeReport;
  saving: boolean;
  onCancel: () => void;
  onSave: () => void;
}

export function EditorFooter({ size, saving, onCancel, onSave }: FooterProps) {
  return (
    <>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: token('space.100'),
          flexWrap: 'wrap',
          paddingBlockStart: token('space.100'),
          borderBlockStart: `${token('border.width')} solid ${token('color.border')}`,
        }}
      >
        <SizeMeter size={size} />
        <div style={{ display: 'flex', gap: token('space.050'), alignItems: 'center' }}>
          <Button appearance="subtle" onClick={onCancel} isDisabled={saving} aria-keyshortcuts={SHORTCUTS.cancel.keys}>
            Cancel
          </Button>
          <Button
            appearance="primary"
            onClick={onSave}
            isLoading={saving}
            isDisabled={size.level === 'over'}
            aria-keyshortcuts={SHORTCUTS.save.keys}
            title={`Save (${SHORTCUTS.save.label})`}
          >
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </div>
      </div>
      <p style={{ ...subtleSmall, textAlign: 'end' }}>
        {SHORTCUTS.save.label} to save · {SHORTCUTS.cancel.label} to cancel
        {saving ? <VisuallyHidden>Saving…</VisuallyHidden> : null}
      </p>
    </>
  );
}
