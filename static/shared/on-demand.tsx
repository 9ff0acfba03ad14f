/**
 * A view whose code is loaded on demand (its own chunk), so the first screen does not
 * parse it. Once loaded it renders at once, with no fallback frame; until then a spinner,
 * and if the chunk cannot load, a message with "Try again".
 */
import { createElement, useEffect, useState, type ComponentType } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { Notice } from './notice';

export interface OnDemand<P extends object> {
  View: ComponentType<P>;
  /** Starts loading (once); call it when the view is likely next, e.g. after the first paint. */
  preload: () => Promise<void>;
}

export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>, what: string): OnDemand<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> => {
    pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        pending = null; // a later attempt loads again
        throw error;
      },
    );
    return pending;
  };

  function View(props: P) {
    const [state, setState] = useState<'loading' | 'ready' | 'failed'>(loaded ? 'ready' : 'loading');
    useEffect(() => {
      if (state !== 'loading') return;
      let live = true;
      preload().then(
        () => {
          if (live) setState('ready');
        },
        () => {
          if (live) setState('failed');
        },
      );
      return () => {
        live = false;
      };
    }, [state]);
    if (loaded) return createElement(loaded, props);
    if (state === 'failed') {
      return (
        <Notice
          appearance="error"
          role="alert"
          title={`Could not load the ${what}`}
          actions={[
            {
              label: 'Try again',
              onClick: () => {
                setState('loading');
              },
            },
          ]}
        >
          The connection may have dropped. Try again, or reload the page.
        </Notice>
      );
    }
    return (
      <div role="status" style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', padding: token('space.100') }}>
        <Spinner size="small" label={`Loading the ${what}`} />
      </div>
    );
  }
  View.displayName = `OnDemand(${what})`;
  return { View, preload };
}
