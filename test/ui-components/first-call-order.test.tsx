/**
 * How each resource starts, with the real bridge client over a fake @forge/bridge:
 * the first screen's bridge call leaves when the module loads, before the theme
 * is asked for; React mounts once the theme has answered (no light flash on a
 * dark page), and the screen takes that call's answer instead of asking again.
 * No time is measured: only the order of the calls.
 */
import { screen, waitFor } from '@testing-library/react';
import type * as ReactDomClient from 'react-dom/client';

/** What happened, in order: `invoke <key>`, `context`, `theme asked`, `app code runs`, `theme answered`, `mount`. */
const events: string[] = [];
let answerTheme: () => void = () => undefined;
/** Each resolver key's answer; a key without one stays pending (the screen shows its spinner). */
const answers = new Map<string, unknown>();
/** Each resolver call's payload, in order. */
const payloads: unknown[] = [];
/** The page's path the host's history answers (view.createHistory); null: the host has no history for the module. */
let hostPath: string | null = null;
/** What the host's context answers; null: it stays pending (a screen waiting for it shows its spinner). */
let hostContext: unknown = null;

jest.mock('@forge/bridge', () => ({
  makeInvoke: () => (key: string, payload?: unknown) => {
    events.push(`invoke ${key}`);
    payloads.push(payload);
    return answers.has(key) ? Promise.resolve(answers.get(key)) : new Promise(() => undefined);
  },
  router: { open: () => Promise.resolve() },
  view: {
    getContext: () => {
      events.push('context');
      return hostContext === null ? new Promise(() => undefined) : Promise.resolve(hostContext);
    },
    theme: {
      enable: () => {
        events.push('theme asked');
        return new Promise<void>((resolve) => {
          answerTheme = () => {
            events.push('theme answered');
            resolve();
          };
        });
      },
    },
    submit: () => Promise.resolve(),
    close: () => Promise.resolve(),
    createHistory: () => {
      events.push('history');
      if (hostPath === null) return Promise.reject(new Error('createHistory is not available in this module.'));
      return Promise.resolve({ location: { pathname: hostPath }, replace: () => undefined });
    },
  },
}));

// Observed, not replaced: the factory runs when a resource's root module (React, Atlaskit, the views) is evaluated.
jest.mock('../../static/shared/mount-app', () => {
  events.push('app code runs');
  return jest.requireActual<object>('../../static/shared/mount-app');
});

jest.mock('react-dom/client', () => {
  const actual = jest.requireActual<typeof ReactDomClient>('react-dom/client');
  return {
    ...actual,
    createRoot: (...args: Parameters<typeof actual.createRoot>) => {
      events.push('mount');
      return actual.createRoot(...args);
    },
  };
});

jest.setTimeout(30_000);

beforeEach(() => {
  events.length = 0;
  answers.clear();
  payloads.length = 0;
  hostPath = null;
  hostContext = null;
  answerTheme = () => undefined;
  document.head.innerHTML = '';
  document.body.innerHTML = '<div id="root"></div>';
  localStorage.clear();
});

/** Runs the resource's main.tsx as the page would, in a fresh module registry (a new bridge client, a new React). */
function loadResource(main: string): void {
  jest.resetModules();
  // A require, not an import: the module must run now, after the reset, as the page runs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(main);
}

describe.each([
  ['issue panel', '../../static/issue-panel/src/main', ['invoke learning/get']],
  ['Confluence macro', '../../static/learnings-macro/src/main', ['invoke macro/list']],
  ['macro config', '../../static/macro-config/src/main', ['context']],
  // The retro view calls with every sprint the browser remembers, then reads its URL and project to check that call.
  ['retro view', '../../static/retro/src/main', ['invoke retro/open', 'history', 'context']],
])('%s at start', (_name, main, firsts) => {
  const first = firsts[0]!;
  it('asks the bridge for its first screen before the theme, mounts once the theme answered, and asks once', async () => {
    // The retro's project answers at once (nothing remembered for it); the config's context stays pending (its spinner).
    if (main.includes('/retro/')) hostContext = { extension: { project: { key: 'GROW' } } };
    loadResource(main);
    // The call has left before the theme was asked for; nothing is mounted while the theme has not answered.
    expect(events.slice(0, firsts.length + 1)).toEqual([...firsts, 'theme asked']);
    // The app's code (React and the views) is evaluated after both left: not before the first call.
    await waitFor(() => {
      expect(events).toContain('app code runs');
    });
    expect(events.indexOf('app code runs')).toBeGreaterThan(events.indexOf('theme asked'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).not.toContain('mount');
    answerTheme();
    // The mounted screen takes the call that left at load: no second one for the same thing.
    await waitFor(() => {
      expect(document.querySelector('[role="status"]')).not.toBeNull();
    });
    // (The retro view's call follows its history's answer: before the mount too.)
    expect(events.filter((e) => firsts.includes(e) || !e.startsWith('invoke ')).slice(0, firsts.length + 4)).toEqual([
      ...firsts,
      'theme asked',
      'app code runs',
      'theme answered',
      'mount',
    ]);
    expect(events.indexOf('mount')).toBeGreaterThan(events.findIndex((e) => e.startsWith('invoke ')));
    expect(events.filter((e) => e === first)).toEqual([first]);
  });
});

describe('retro view start', () => {
  it("calls at load with the sprint the browser remembers, and asks only for a URL's sprint that is not the one sent", async () => {
    hostPath = '/board/7/sprint/42';
    hostContext = { extension: { project: { key: 'GROW' } } };
    localStorage.setItem('learning-loop.retro.GROW', '/board/7/sprint/42');
    loadResource('../../static/retro/src/main');
    await waitFor(() => {
      expect(events).toContain('context');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).not.toContain('mount');
    expect(payloads).toEqual([{ remembered: { GROW: { boardId: 7, sprintId: 42 } } }]);

    // A link to another sprint: the call sent at load is not the one shown, the link's sprint is asked for.
    events.length = 0;
    payloads.length = 0;
    hostPath = '/board/7/sprint/43';
    loadResource('../../static/retro/src/main');
    await waitFor(() => {
      expect(payloads).toHaveLength(2);
    });
    expect(payloads).toEqual([{ remembered: { GROW: { boardId: 7, sprintId: 42 } } }, { boardId: 7, sprintId: 43 }]);

    // Nothing remembered, no history: the first board's sprint, in the one call sent at load.
    events.length = 0;
    payloads.length = 0;
    localStorage.clear();
    hostPath = null;
    loadResource('../../static/retro/src/main');
    await waitFor(() => {
      expect(events).toContain('context');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(payloads).toEqual([{}]);
  });
});

describe('retro view answered before it mounts', () => {
  it('shows the answer of the opening that left at load, with no second call, and "Try again" asks for the same again', async () => {
    hostPath = '/board/7/sprint/42';
    hostContext = { extension: { project: { key: 'GROW' } } };
    localStorage.setItem('learning-loop.retro.GROW', '/board/7/sprint/42');
    answers.set('retro/open', { ok: false, error: { code: 'APP_UNREACHABLE', message: 'Jira did not answer in time.' } });
    loadResource('../../static/retro/src/main');
    // Answered while the theme is still pending: the opening must be kept for the screen that mounts later.
    await waitFor(() => {
      expect(events).toContain('invoke retro/open');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    answerTheme();
    expect(await screen.findByText('Jira did not answer in time.')).toBeTruthy();
    expect(events.filter((e) => e === 'invoke retro/open')).toHaveLength(1);

    screen.getByRole('button', { name: 'Try again' }).click();
    await waitFor(() => {
      expect(events.filter((e) => e === 'invoke retro/open')).toHaveLength(2);
    });
    const sent = { remembered: { GROW: { boardId: 7, sprintId: 42 } } };
    expect(payloads).toEqual([sent, sent]);
  });
});

describe('issue panel start', () => {
  it('shows the answer of the call that left at load', async () => {
    answers.set('learning/get', {
      ok: true,
      value: {
        issue: { id: '10001', key: 'FLEX-7', summary: 'Annual billing' },
        record: null,
        unreadable: null,
        canEdit: true,
        viewerAccountId: 'acc-1',
        size: { used: 0, limit: 32768, remaining: 32768, level: 'ok' },
      },
    });
    loadResource('../../static/issue-panel/src/main');
    answerTheme();
    expect(await screen.findByText('What do you believe, and how will you know?')).toBeTruthy();
    expect(events.filter((e) => e === 'invoke learning/get')).toHaveLength(1);
  });
});
