/**
 * Stands in for static/shared/bridge-client.ts (the one UI module that imports
 * @forge/bridge) in component tests: every resolver call is recorded, and each
 * test says what the backend answers per resolver key. A call to a key with no
 * answer is listed in `unanswered` (tests check it is empty) and gets an error.
 *
 *   jest.mock('../../static/shared/bridge-client', () => jest.requireActual('./support/fake-bridge'));
 */
import { settle } from '../../support/settle';

export interface RecordedCall {
  key: string;
  payload: unknown;
}

type Answer = (payload: unknown) => unknown;

const answers = new Map<string, Answer>();
export const calls: RecordedCall[] = [];
export const unanswered: string[] = [];
let context: Record<string, unknown> = {};

/** What the backend answers for one resolver key (the contract's `{ ok, value | error }` envelope). */
export function answer(key: string, respond: Answer): void {
  answers.set(key, respond);
}

export function setContext(value: Record<string, unknown>): void {
  context = value;
}

export function resetBridge(): void {
  answers.clear();
  calls.length = 0;
  unanswered.length = 0;
  viewClosed.count = 0;
  submittedConfigs.length = 0;
  hostHistory.path = null;
  hostHistory.replaced.length = 0;
  context = {};
}

export const callsTo = (key: string): unknown[] => calls.filter((c) => c.key === key).map((c) => c.payload);

export function call(key: string, payload?: unknown): Promise<unknown> {
  calls.push({ key, payload });
  const respond = answers.get(key);
  if (respond) return settle(() => respond(payload));
  unanswered.push(key);
  return Promise.resolve({ ok: false, error: { code: 'INTERNAL_ERROR', message: `The test gave no answer for ${key}.` } });
}

export const invoke = call;
/** The app's start-of-page calls are plain recorded calls here (their order is tested with the real client). */
export const firstCall = call;
export const callAtStart = (): void => undefined;
export const contextAtStart = (): void => undefined;
export const startAtLoad = (): void => undefined;
export const takeAtLoad = <T>(_id: string, begin: () => Promise<T>): Promise<T> => begin();
export const within = <T>(work: Promise<T>): Promise<T | null> => work;
export const getContext = (): Promise<Record<string, unknown>> => Promise.resolve(context);
export const firstContext = getContext;
export const enableTheme = (): Promise<void> => Promise.resolve();
export const openInProduct = (): Promise<boolean> => Promise.resolve(true);
/** The host's history (view.createHistory): none unless a test gives a path; `replaced` lists the paths the view put in the URL. */
export const hostHistory = { path: null as string | null, replaced: [] as string[] };
export const pageHistory = (): Promise<{ location: { pathname: string }; replace(path: string): void } | null> => {
  if (hostHistory.path === null) return Promise.resolve(null);
  const location = { pathname: hostHistory.path };
  return Promise.resolve({
    location,
    replace(path: string) {
      hostHistory.replaced.push(path);
      location.pathname = path;
    },
  });
};
/** The configs a config view stored in the page (view.submit), oldest first. */
export const submittedConfigs: unknown[] = [];
export const submitConfig = (config: unknown): Promise<{ ok: true }> => {
  submittedConfigs.push(config);
  return Promise.resolve({ ok: true });
};
/** How many times the view asked Forge to close it (view.close). */
export const viewClosed = { count: 0 };
export const closeView = (): Promise<void> => {
  viewClosed.count += 1;
  return Promise.resolve();
};
