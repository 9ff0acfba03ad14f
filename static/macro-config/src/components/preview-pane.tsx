/** A preview of the first few results with the settings as they are (unsaved), once Jira has accepted the JQL. */
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { MacroConfig } from '../../../../src/domain/macro/macro-config';
import { Notice } from '../../../shared/notice';
import { onDemand } from '../../../shared/on-demand';
import { subtleSmall } from '../../../shared/styles';
import type { Loaded } from '../../../shared/learnings/view-state';
import type { CheckState } from '../state/config-form';

/**
 * The preview's cards (and the shared card list they draw with) load on demand: the form is the
 * first screen, and a preview shows only after Jira has checked the JQL. ConfigForm preloads them
 * after its first paint, so they are there before the first preview's answer.
 */
export const PreviewCards = onDemand(() => import('./preview-cards').then((m) => m.PreviewCards), 'preview');

export type Preview = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; loaded: Loaded };

export function PreviewPane({ preview, config, check }: { preview: Preview; config: MacroConfig; check: CheckState }) {
  if (check.status === 'invalid') return <p style={subtleSmall}>Fix the JQL to see a preview.</p>;
  if (preview.kind === 'idle' || preview.kind === 'loading')
    return (
      <span role="status" style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', ...subtleSmall }}>
        <Spinner size="small" label="" /> Loading a preview…
      </span>
    );
  if (preview.kind === 'error')
    return (
      <Notice appearance="warning" title="No preview">
        <p style={{ margin: 0 }}>{preview.error.message}</p>
      </Notice>
    );
  return <PreviewCards.View loaded={preview.loaded} config={config} />;
}
