/** The loading, error and empty states the macro config's pickers share around their lists. */
import type { ReactNode } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../shared/notice';
import { subtleSmall } from '../../../shared/styles';
import type { Loaded } from './use-text-search';

function Waiting({ label }: { label: string }) {
  return (
    <span role="status" style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center' }}>
      <Spinner size="small" label={label} />
      <span style={subtleSmall}>{label}…</span>
    </span>
  );
}

/** Loading, error and empty states of one list; `children` renders the list itself. */
export function States<T>({
  loaded,
  waiting,
  empty,
  children,
}: {
  loaded: Loaded<T[]>;
  waiting: string;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  if (loaded.kind === 'loading') return <Waiting label={waiting} />;
  if (loaded.kind === 'error')
    return (
      <Notice appearance="error" role="alert">
        <p style={{ margin: 0 }}>{loaded.message}</p>
      </Notice>
    );
  if (loaded.value.length === 0)
    return (
      <p style={subtleSmall} role="status">
        {empty}
      </p>
    );
  return <>{children(loaded.value)}</>;
}
