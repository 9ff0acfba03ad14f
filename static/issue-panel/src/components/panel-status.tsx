/** What the panel shows before it has a record: loading, a load that failed, no hypothesis yet. */
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import { Notice } from '../../../shared/notice';
import { bodyText, subtleSmall } from '../../../shared/styles';

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

/** Who may add learnings, in words: the backend asks Jira for EDIT_ISSUES ("Edit issues") on the issue. */
export const WHO_CAN_EDIT = 'People who can edit this issue (Jira’s “Edit issues” permission) can add learnings.';

interface EmptyStateProps {
  canEdit: boolean;
  /** What is stored cannot be read: starting again is the offer, not a first hypothesis. */
  unreadable: boolean;
  onStart: () => void;
  onHistory: () => void;
}

export function EmptyState({ canEdit, unreadable, onStart, onHistory }: EmptyStateProps) {
  const history = (
    <Button appearance="subtle" onClick={onHistory}>
      History
    </Button>
  );
  if (unreadable) {
    return (
      <div style={{ display: 'flex', gap: token('space.050') }}>
        {canEdit ? (
          <Button appearance="primary" onClick={onStart}>
            Start a new record
          </Button>
        ) : null}
        {history}
      </div>
    );
  }
  if (!canEdit) {
    return (
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <p style={{ ...bodyText, color: token('color.text.subtle') }}>No hypothesis has been written for this issue yet.</p>
        {history}
      </div>
    );
  }
  return (
    <div style={{ display: 'grid', gap: token('space.100'), justifyItems: 'start' }}>
      <p style={{ margin: 0, font: token('font.body.large'), color: token('color.text') }}>What do you believe, and how will you know?</p>
      <p style={{ ...subtleSmall, color: token('color.text.subtle') }}>
        Write the hypothesis before the work starts, then add what you learn as you go.
      </p>
      <div style={{ display: 'flex', gap: token('space.050') }}>
        <Button appearance="primary" onClick={onStart}>
          Write the hypothesis
        </Button>
        {history}
      </div>
    </div>
  );
}

/** The stored value could not be read: say what happened and what starting again does (truthfully), above every view but the history. */
export function UnreadableNotice({ unreadable, canEdit }: { unreadable: { kind: 'broken' | 'newer'; reason: string }; canEdit: boolean }) {
  if (unreadable.kind === 'newer') {
    return (
      <Notice appearance="information" title="Saved by a newer version of Learning Loop">
        <p style={{ margin: 0 }}>{unreadable.reason}</p>
      </Notice>
    );
  }
  // keepWhatIsStored (src/app/record/write-revision.ts) keeps the value as found before the first write.
  const next = canEdit
    ? 'You can start a new record: the value there now is kept as found in this panel’s History (marked “Unreadable”), so nothing is lost, though it can’t be restored.'
    : 'People who can edit this issue can start a new record; the value there now would be kept as found in this panel’s History.';
  return (
    <Notice appearance="warning" title="This ticket’s learning record can’t be read">
      <p style={{ margin: 0 }}>{unreadable.reason}</p>
      <p style={{ margin: 0, marginBlockStart: token('space.100') }}>{next}</p>
    </Notice>
  );
}
