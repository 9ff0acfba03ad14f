/** Earlier revisions of the record, each restorable after a confirmation. */
import { UserText } from '../../../shared/user-text';
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { Notice } from '../../../shared/notice';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { HistoryList } from '../../../../src/contract/resolvers';
import { excerpt, fullDate, timeAgo } from '../../../shared/format';
import { RevisionChanges } from './revision-changes';
import { PersonName } from '../../../shared/people-names';
import { SectionLabel } from '../../../shared/learning-marks';
import { card, subtleSmall } from '../../../shared/styles';

interface Props {
  load: () => Promise<{ ok: true; value: HistoryList } | { ok: false; error: AppErrorBody }>;
  canEdit: boolean;
  viewerAccountId: string;
  now: Date;
  restoring: number | null;
  restoreError: AppErrorBody | null;
  onRestore: (revision: number) => void;
  onClose: () => void;
}

type Load = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; list: HistoryList };

type Item = HistoryList['items'][number];

/** Loads the list when the view opens; "Try again" shows the spinner again first. */
function useHistoryList(load: Props['load']) {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (current) setState(result.ok ? { kind: 'ready', list: result.value } : { kind: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const retry = () => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  };
  return { state, retry };
}

export function HistoryView({ load, onClose, ...listProps }: Props) {
  const { state, retry } = useHistoryList(load);
  return (
    <section aria-labelledby="ll-history" style={{ display: 'grid', gap: token('space.100') }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <SectionLabel id="ll-history">History</SectionLabel>
        <Button spacing="compact" appearance="subtle" onClick={onClose}>
          Back to learnings
        </Button>
      </div>
      {state.kind === 'loading' ? (
        <div style={{ display: 'flex', justifyContent: 'center', padding: token('space.200') }}>
          <Spinner size="medium" label="Loading history" />
        </div>
      ) : state.kind === 'error' ? (
        <Notice appearance="error" title="Could not load the history" actions={[{ label: 'Try again', onClick: retry }]}>
          <p style={{ margin: 0 }}>{state.error.message}</p>
        </Notice>
      ) : state.list.items.length === 0 ? (
        <p style={subtleSmall}>No saved revisions yet.</p>
      ) : (
        <RevisionList list={state.list} {...listProps} />
      )}
    </section>
  );
}

type ListProps = Omit<Props, 'load' | 'onClose'> & { list: HistoryList };

function RevisionList({ list, restoreError, ...itemProps }: ListProps) {
  const [confirming, setConfirming] = useState<number | null>(null);
  return (
    <>
      {restoreError ? (
        <Notice appearance="error" title="Could not restore">
          <p role="alert" style={{ margin: 0 }}>
            {restoreError.message}
          </p>
        </Notice>
      ) : null}
      <ol className="ll-list" style={{ display: 'grid', gap: token('space.075') }}>
        {list.items.map((item) => (
          <RevisionItem
            key={item.revision}
            item={item}
            confirming={confirming === item.revision}
            onConfirming={setConfirming}
            {...itemProps}
          />
        ))}
      </ol>
      <p style={subtleSmall}>The last {list.cap} revisions are kept.</p>
    </>
  );
}

type ItemProps = Omit<ListProps, 'list' | 'restoreError'> & {
  item: Item;
  confirming: boolean;
  onConfirming: (revision: number | null) => void;
};

function RevisionItem({ item, confirming, onConfirming, canEdit, viewerAccountId, now, restoring, onRestore }: ItemProps) {
  return (
    <li style={{ ...card, display: 'grid', gap: token('space.050') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <strong style={{ font: token('font.body'), fontWeight: token('font.weight.semibold') }}>Revision {item.revision}</strong>
        {item.current ? <Lozenge appearance="success">Current</Lozenge> : null}
        {item.unreadable ? <Lozenge appearance="removed">Unreadable</Lozenge> : null}
        <span style={subtleSmall}>
          <time dateTime={item.savedAt} title={fullDate(item.savedAt)}>
            {timeAgo(item.savedAt, now)}
          </time>{' '}
          by <PersonName accountId={item.savedBy} viewerAccountId={viewerAccountId} />
        </span>
        <span style={{ flex: 1 }} />
        {canEdit && !item.current && !item.unreadable ? (
          <Button
            spacing="compact"
            onClick={() => {
              onConfirming(item.revision);
            }}
            isDisabled={restoring !== null}
            isLoading={restoring === item.revision}
            aria-label={`Restore revision ${item.revision}`}
          >
            Restore
          </Button>
        ) : null}
      </div>
      {item.unreadable ? null : <RevisionChanges item={item} />}
      {item.hypothesis && showsHypothesis(item) ? (
        <span style={subtleSmall}>
          Hypothesis: <UserText text={excerpt(item.hypothesis)} style={{ overflowWrap: 'anywhere' }} />
        </span>
      ) : null}
      {confirming ? (
        <RestoreQuestion
          revision={item.revision}
          onRestore={() => {
            onConfirming(null);
            onRestore(item.revision);
          }}
          onCancel={() => {
            onConfirming(null);
          }}
        />
      ) : null}
    </li>
  );
}

/** The hypothesis is quoted where it changed, and on revisions kept before changes were recorded. */
const showsHypothesis = (item: Item) =>
  !item.changes || item.changes.list.some((c) => c.kind === 'hypothesisWritten' || c.kind === 'hypothesisEdited');

function RestoreQuestion({ revision, onRestore, onCancel }: { revision: number; onRestore: () => void; onCancel: () => void }) {
  return (
    <div
      role="group"
      aria-label={`Confirm restoring revision ${revision}`}
      style={{ display: 'flex', alignItems: 'center', gap: token('space.050'), flexWrap: 'wrap' }}
    >
      <span style={{ ...subtleSmall, color: token('color.text') }}>
        Restore revision {revision}? The current version stays in the history.
      </span>
      <Button spacing="compact" appearance="primary" autoFocus onClick={onRestore}>
        Restore it
      </Button>
      <Button spacing="compact" appearance="subtle" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
