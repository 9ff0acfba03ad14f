/** What the macro shows instead of learnings: a load that failed (a bad JQL says how to fix it), or none yet. */
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import { Notice } from '../../../shared/notice';
import { emptyStateBox, subtleSmall } from '../../../shared/styles';

export function LoadError({ error, onRetry }: { error: AppErrorBody; onRetry: () => void }) {
  const badJql = error.code === 'INVALID_INPUT';
  return (
    <div style={{ padding: token('space.100') }}>
      <Notice
        appearance={badJql ? 'warning' : 'error'}
        role="alert"
        title={badJql ? 'Jira could not run this macro’s JQL' : 'Could not load the learnings'}
        actions={[{ label: 'Try again', onClick: onRetry }]}
      >
        <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{error.message}</p>
        {badJql ? <p style={{ margin: `${token('space.100')} 0 0` }}>Edit the macro to fix the query.</p> : null}
      </Notice>
    </div>
  );
}

export function EmptyState({ jql }: { jql: string }) {
  return (
    <section aria-label="No learnings yet" style={emptyStateBox}>
      <p style={{ margin: 0, font: token('font.heading.small') }}>No learnings here yet</p>
      <p style={{ margin: 0, color: token('color.text.subtle') }}>
        Learnings come from Jira: on any issue this macro’s query finds, open the <strong>Hypothesis / What we learned</strong> panel, write
        the hypothesis, and add what the team learned. They show up here the next time this page is viewed.
      </p>
      <p style={subtleSmall}>
        Query: <code style={{ font: token('font.code'), overflowWrap: 'anywhere' }}>{jql}</code>
      </p>
    </section>
  );
}
