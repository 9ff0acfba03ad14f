/**
 * What the config view starts from: the macro's stored config (the context) and the projects
 * the person may browse (`library/projects`, one Jira call as them), read in parallel.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { LibraryProject } from '../../../../src/contract/library';
import { firstCall, firstContext } from '../../../shared/bridge-client';
import { insightsConfigFromContext, type InsightsMacroConfig } from '../../../insights-macro/src/state/insights-macro-config';

export type ProjectChoices = { kind: 'ready'; projects: LibraryProject[] } | { kind: 'error'; error: AppErrorBody };

export type ConfigSources =
  | { kind: 'loading' }
  /** Without the stored config the form would open on defaults, and Save would overwrite it. */
  | { kind: 'failed' }
  | { kind: 'ready'; config: InsightsMacroConfig; choices: ProjectChoices };

async function readSources(): Promise<ConfigSources> {
  const [context, listed] = await Promise.all([firstContext().catch(() => null), firstCall('library/projects')]);
  if (context === null) return { kind: 'failed' };
  const choices: ProjectChoices = listed.ok ? { kind: 'ready', projects: listed.value.projects } : { kind: 'error', error: listed.error };
  return { kind: 'ready', config: insightsConfigFromContext(context), choices };
}

export function useConfigSources(): { sources: ConfigSources; reload: () => void } {
  const [sources, setSources] = useState<ConfigSources>({ kind: 'loading' });
  const read = useCallback(() => {
    void readSources().then(setSources);
  }, []);
  useEffect(read, [read]);
  const reload = useCallback(() => {
    setSources({ kind: 'loading' });
    read();
  }, [read]);
  return { sources, reload };
}

/** Escape closes the dialog without saving, as Cancel does (Forge leaves this to a custom config view). */
export function useEscapeCloses(close: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [close]);
}
