/** What one revision changed, a line per change with someone's text quoted; older revisions say what they held. */
import { token } from '@atlaskit/tokens';
import type { HistoryItem } from '../../../../src/contract/resolvers';
import { UserText } from '../../../shared/user-text';
import { subtleSmall } from '../../../shared/styles';
import { changeLines, contentLine } from '../state/change-words';

export function RevisionChanges({ item }: { item: HistoryItem }) {
  if (!item.changes) return <span style={subtleSmall}>{contentLine(item)}</span>;
  return (
    <ul aria-label={`What revision ${String(item.revision)} changed`} style={{ margin: 0, paddingInlineStart: token('space.200') }}>
      {changeLines(item.changes).map((line, index) => (
        <li key={index} style={{ ...subtleSmall, color: token('color.text') }}>
          {line.words}
          {line.quote === null ? null : (
            <>
              {': “'}
              <UserText text={line.quote} style={{ overflowWrap: 'anywhere' }} />
              {'”'}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
