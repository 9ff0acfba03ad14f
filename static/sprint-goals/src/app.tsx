/**
 * "Learning goals" from the sprint's own menu in the backlog (jira:sprintAction, a modal): the
 * sprint's goals with the retro view's components, to set at planning; Close (or Escape outside
 * the goal being edited) closes the modal.
 */
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { closeView, firstContext } from '../../shared/bridge-client';
import { Notice } from '../../shared/notice';
import { GoalsSection } from '../../retro/src/components/goals-section';

type Viewer = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; accountId: string };

function readViewer(show: (viewer: Viewer) => void) {
  void firstContext()
    .then((context) => {
      const accountId = (context as { accountId?: unknown }).accountId;
      show(typeof accountId === 'string' && accountId ? { kind: 'ready', accountId } : { kind: 'failed' });
    })
    .catch(() => {
      show({ kind: 'failed' });
    });
}

/** Escape closes the modal, except inside a goal's form, where it cancels that edit first. */
function useEscapeCloses() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('form')) return;
      void closeView();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}

function Body({ viewer, retry }: { viewer: Viewer; retry: () => void }) {
  if (viewer.kind === 'loading')
    return (
      <div role="status">
        <Spinner size="small" label="Opening the sprint's learning goals" />
      </div>
    );
  if (viewer.kind === 'failed')
    return (
      <Notice appearance="error" title="Could not open the learning goals" role="alert" actions={[{ label: 'Try again', onClick: retry }]}>
        <p style={{ margin: 0 }}>
          Jira did not say who you are or which sprint this is. Try again, or reopen it from the sprint&apos;s menu.
        </p>
      </Notice>
    );
  return <GoalsSection sprint={null} sprints={[]} viewerAccountId={viewer.accountId} heading="What do we hope to learn this sprint?" />;
}

export function App() {
  const [viewer, setViewer] = useState<Viewer>({ kind: 'loading' });
  useEscapeCloses();
  useEffect(() => {
    readViewer(setViewer);
  }, []);
  return (
    <main style={{ display: 'grid', gap: token('space.200'), padding: token('space.200'), color: token('color.text') }}>
      <Body
        viewer={viewer}
        retry={() => {
          setViewer({ kind: 'loading' });
          readViewer(setViewer);
        }}
      />
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={() => void closeView()}>Close</Button>
      </div>
    </main>
  );
}
