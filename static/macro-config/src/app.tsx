/**
 * The macro's config view: what to collect (presets or JQL, checked by Jira
 * as it is typed), how to group, filter, sort and lay it out, which parts to
 * show, and a live preview of the first few results. Saves with
 * view.submit({ config }); Cancel closes without saving.
 */
import { useEffect, useState } from 'react';
import type { MacroConfig } from '../../../src/domain/macro/macro-config';
import { closeView, firstContext } from '../../shared/bridge-client';
import { ConfigLoading, ConfigUnreadable } from '../../shared/config-dialog';
import { configFromContext } from './state/config-form';
import { ConfigForm } from './components/config-form';

type Initial = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; config: MacroConfig };

function readInitial(show: (initial: Initial) => void) {
  void firstContext()
    .then((context) => {
      show({ kind: 'ready', config: configFromContext(context) });
    })
    // Without the page's stored settings the form would open on defaults, and Save would overwrite them.
    .catch(() => {
      show({ kind: 'failed' });
    });
}

/**
 * Escape closes the dialog without saving, as Cancel does: Forge does not close a custom config
 * dialog on Escape itself (its docs for macro config), so the app must.
 */
function useEscapeCloses() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      void closeView();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}

export function App() {
  const [initial, setInitial] = useState<Initial>({ kind: 'loading' });
  useEscapeCloses();
  // The first render already shows the spinner; "Try again" shows it again before reading.
  useEffect(() => {
    readInitial(setInitial);
  }, []);
  const load = () => {
    setInitial({ kind: 'loading' });
    readInitial(setInitial);
  };
  if (initial.kind === 'failed') {
    return <ConfigUnreadable onRetry={load} />;
  }
  if (initial.kind === 'loading') {
    return <ConfigLoading />;
  }
  return <ConfigForm initial={initial.config} />;
}
