/** What the panel shows before it has a record: loading, a load that failed, no hypothesis yet. */
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import { Notice } from '../../../shared/notice';
import { subtleSmall } from '../../../shared/styles';

export function Loading() {
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.200') }}>
      <Spinner size="medium" label="Loading learnings" />
      <span style={subtleSmall}>Loading learnings…</span>
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: AppErrorBody; onRetry: () => void }) {
  return (
    <div style={{ padding: token('space.050') }}>
      <Notice appearance="error" title="Could not load the learnings" actions={[{ label: 'Try again', onClick: onRetry }]}>
        <p style={{ margin: 0 }}>{error.message}</p>
      </Notice>
    </div>
  );
}

export function EmptyState({ canEdit, onStart, onHistory }: { canEdit: boolean; onStart: () => void; onHistory: () => void }) {
  return (
    <div style={{ display: 'grid', gap: token('space.100'), justifyItems: 'start' }}>
      <p style={{ margin: 0, font: token('font.body.large'), color: token('color.text') }}>What do you believe, and how will you know?</p>
      <p style={{ ...subtleSmall, color: token('color.text.subtle') }}>
        Write the hypothesis before the work starts, then add what you learn as you go.
      </p>
      <div style={{ display: 'flex', gap: token('space.050') }}>
        {canEdit ? (
          <Button appearance="primary" onClick={onStart}>
            Write the hypothesis
          </Button>
        ) : (
          <span style={subtleSmall}>No hypothesis has been written for this issue yet.</span>
        )}
        <Button appearance="subtle" onClick={onHistory}>
          History
        </Button>
      </div>
    </div>
  );
}

/** The stored value could not be parsed: say so above every view but the history. */
export function UnreadableNotice({ reason, canEdit }: { reason: string; canEdit: boolean }) {
  return (
    <Notice appearance="warning" title="The stored learnings could not be read">
      <p style={{ margin: 0 }}>
        {reason}
        {canEdit ? ' Saving writes a fresh record; the old value is kept in the history.' : ''}
      </p>
    </Notice>
  );
}

export function SavedNote({ note, onDismiss }: { note: string; onDismiss: () => void }) {
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
      <span style={{ ...subtleSmall, color: token('color.text.success') }}>{note}</span>
      <Button spacing="compact" appearance="subtle" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
