/**
 * The "Learning insights" macro's config view: the stored config and the person's projects,
 * then the form. If the stored config cannot be read, nothing is offered to save over it.
 */
import { useCallback } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { closeView } from '../../shared/bridge-client';
import { Notice } from '../../shared/notice';
import { InsightsConfigForm } from './components/insights-config-form';
import { useConfigSources, useEscapeCloses } from './components/use-config-sources';

export function App() {
  const { sources, reload } = useConfigSources();
  useEscapeCloses(useCallback(() => void closeView(), []));
  if (sources.kind === 'loading') {
    return (
      <div role="status" style={{ display: 'flex', gap: token('space.100'), padding: token('space.200') }}>
        <Spinner size="medium" label="Loading the settings" />
      </div>
    );
  }
  if (sources.kind === 'failed') {
    return (
      <div style={{ padding: token('space.200') }}>
        <Notice
          appearance="error"
          title="The macro's settings could not be read"
          actions={[
            { label: 'Try again', onClick: reload },
            { label: 'Close', onClick: () => void closeView() },
          ]}
        >
          <p style={{ margin: 0 }}>Nothing was changed. Try again, or close this dialog and open it again from the page.</p>
        </Notice>
      </div>
    );
  }
  return <InsightsConfigForm initial={sources.config} choices={sources.choices} onRetryProjects={reload} />;
}
