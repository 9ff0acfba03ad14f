/**
 * A resource's start when its app chunk cannot be loaded (a dropped connection, a blocked asset):
 * the page says so in words a person can act on, instead of staying blank.
 */
import { LOAD_FAILED_MESSAGE, startApp } from '../../static/shared/start-app';

jest.mock('@forge/bridge', () => ({
  makeInvoke: () => () => new Promise(() => undefined),
  router: { open: () => Promise.resolve() },
  view: { theme: { enable: () => Promise.resolve() } },
}));

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
});

it('shows an alert asking to reload when the app chunk fails to load, after starting the first call', async () => {
  const started: string[] = [];
  startApp({
    atStart: () => started.push('first call'),
    load: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
  });
  expect(started).toEqual(['first call']);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const alert = document.querySelector('#root [role="alert"]');
  expect(alert?.textContent).toBe(LOAD_FAILED_MESSAGE);
  expect(LOAD_FAILED_MESSAGE).toMatch(/reload the page/i);
});

it('mounts the root once it and the theme are ready', async () => {
  const mounted: string[] = [];
  startApp({ load: () => Promise.resolve({ mount: () => mounted.push('mounted') }) });
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(mounted).toEqual(['mounted']);
  expect(document.querySelector('[role="alert"]')).toBeNull();
});
