/** Earlier revisions of the record, each restorable after a confirmation. */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { Notice } from '../../../shared/notice';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { HistoryList } from '../../../../src/contract/resolvers';
import { excerpt, fullDate, plural, timeAgo } from '../../../shared/format';
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

export function HistoryView({ load, canEdit, viewerAccountId, now, restoring, restoreError, onRestore, onClose }: Props) {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [confirming, setConfirming] = useState<number | null>(null);

  const fetchList = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await load();
    setState(result.ok ? { kind: 'ready', list: result.value } : { kind: 'error', error: result.error });
  }, [load]);

  useEffect(() => {
    void fetchList();
  }, [fetchList]);

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
        <Notice appearance="error" title="Could not load the history" actions={[{ label: 'Try again', onClick: () => void fetchList() }]}>
          <p style={{ margin: 0 }}>{state.error.message}</p>
        </Notice>
      ) : state.list.items.length === 0 ? (
        <p style={subtleSmall}>No saved revisions yet.</p>
      ) : (
        <>
          {restoreError ? (
            <Notice appearance="error" title="Could not restore">
              <p role="alert" style={{ margin: 0 }}>
                {restoreError.message}
              </p>
            </Notice>
          ) : null}
          <ol className="ll-list" style={{ display: 'grid', gap: token('space.075') }}>
            {state.list.items.map((item) => (
              <li key={item.revision} style={{ ...card, display: 'grid', gap: token('space.050') }}>
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
                        setConfirming(item.revision);
                      }}
                      isDisabled={restoring !== null}
                      isLoading={restoring === item.revision}
                      aria-label={`Restore revision ${item.revision}`}
                    >
                      Restore
                    </Button>
                  ) : null}
                </div>
                <span style={subtleSmall}>
                  {plural(item.learningCount, 'learning')} · {plural(item.surpriseCount, 'surprise')}
                  {item.outcome ? ` · ${item.outcome}` : ''}
                </span>
                {item.hypothesis ? <span style={{ overflowWrap: 'anywhere' }}>{excerpt(item.hypothesis)}</span> : null}
                {confirming === item.revision ? (
                  <div
                    role="group"
                    aria-label={`Confirm restoring revision ${item.revision}`}
                    style={{ display: 'flex', alignItems: 'center', gap: token('space.050'), flexWrap: 'wrap' }}
                  >
                    <span style={{ ...subtleSmall, color: token('color.text') }}>
                      Restore revision {item.revision}? The current version stays in the history.
                    </span>
                    <Button
                      spacing="compact"
                      appearance="primary"
                      autoFocus
                      onClick={() => {
                        setConfirming(null);
                        onRestore(item.revision);
                      }}
                    >
                      Restore it
                    </Button>
                    <Button
                      spacing="compact"
                      appearance="subtle"
                      onClick={() => {
                        setConfirming(null);
                      }}
                    >
                      Cancel
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          <p style={subtleSmall}>The last {state.list.cap} revisions are kept.</p>
        </>
      )}
    </section>
  );
}
