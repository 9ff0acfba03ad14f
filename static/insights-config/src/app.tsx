/**
 * The "Learning insights" macro's config view: the stored config and the person's projects,
 * then the form. If the stored config cannot be read, nothing is offered to save over it.
 */
import { useCallback } from 'react';
import { closeView } from '../../shared/bridge-client';
import { ConfigLoading, ConfigUnreadable } from '../../shared/config-dialog';
import { InsightsConfigForm } from './components/insights-config-form';
import { useConfigSources, useEscapeCloses } from './components/use-config-sources';

export function App() {
  const { sources, reload } = useConfigSources();
  useEscapeCloses(useCallback(() => void closeView(), []));
  if (sources.kind === 'loading') {
    return <ConfigLoading />;
  }
  if (sources.kind === 'failed') {
    return <ConfigUnreadable onRetry={reload} />;
  }
  return <InsightsConfigForm initial={sources.config} choices={sources.choices} onRetryProjects={reload} />;
}
