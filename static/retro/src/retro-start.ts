/**
 * The retro view's first `retro/open`, started when the module loads: with the board and sprint its URL
 * names (read through the host's history), else with those this browser remembers for the project (the
 * sidebar's link names nothing), else with nothing named. Each view shown then names its board and sprint
 * in the URL, replacing the entry (no history entry per pick), and is remembered for the project.
 */
import type { RetroOpenPayload, RetroView } from '../../../src/contract/retro';
import { call, getContext, pageHistory, startAtLoad, takeAtLoad, within, type AppHistory } from '../../shared/bridge-client';
import { firstPayload, forgetPath, namesSomething, projectKeyOf, rememberPath } from './state/remembered-location';
import { pathOfView, payloadOfPath } from './state/retro-location';

type Answer = Awaited<ReturnType<typeof call<'retro/open'>>>;
export type Opening = { payload: RetroOpenPayload; result: Answer };

/** The first call waits at most this long for the host's history and context (one bridge round trip each, in parallel). */
const HOST_WAIT_MS = 1000;
const FIRST_OPENING = 'retro/open, on the URL';

let history: Promise<AppHistory | null> | null = null;
/** Asked once and kept, however late it answers: a late history still gets the URL of every view shown. */
const hostHistory = (): Promise<AppHistory | null> => (history ??= pageHistory());

/** The page's Jira project (the context's), or null where the host gives none. */
async function readProjectKey(): Promise<string | null> {
  try {
    return projectKeyOf(await getContext());
  } catch {
    return null;
  }
}

let projectKey: Promise<string | null> | null = null;
/** Asked once: the key under which this browser remembers the last sprint shown. */
const hostProjectKey = (): Promise<string | null> => (projectKey ??= readProjectKey());

/** Opens this payload; a link to a sprint that is gone or hidden from this person opens the first board's instead. */
export async function openNamed(payload: RetroOpenPayload): Promise<Opening> {
  const result = await call('retro/open', payload);
  if (!result.ok && result.error.code === 'NOT_FOUND' && namesSomething(payload))
    return { payload: {}, result: await call('retro/open', {}) };
  return { payload, result };
}

/** The sprint the URL names (read from the host's history if it answers in time), else the one remembered. */
async function openOnUrl(): Promise<Opening> {
  // Both asked at once, so the project costs no wait beyond the history's.
  const historyInTime = within(hostHistory(), HOST_WAIT_MS);
  const projectInTime = within(hostProjectKey(), HOST_WAIT_MS);
  const h = await historyInTime;
  const { payload, rememberedFor } = await firstPayload(h ? payloadOfPath(h.location.pathname) : {}, projectInTime);
  const opening = await openNamed(payload);
  // The remembered sprint is gone or hidden from this person: not asked for again.
  if (rememberedFor !== null && !namesSomething(opening.payload)) forgetPath(rememberedFor);
  return opening;
}

/** main.tsx: the first opening, started when the module loads. */
export function startFirstOpening(): void {
  startAtLoad(FIRST_OPENING, openOnUrl());
}

/** The opening started at load, kept until the view takes it (however early it was answered); after that, a new one. */
export const firstOpening = (): Promise<Opening> => takeAtLoad(FIRST_OPENING, openOnUrl);

/**
 * Names the shown view's board and sprint in the page's URL (nothing where the host keeps no history), and
 * remembers them for the project (nothing where the browser keeps no storage for the frame).
 */
export function keepInUrl(view: RetroView): void {
  const path = pathOfView(view);
  if (path === null) return;
  void hostHistory().then((h) => {
    if (h && h.location.pathname !== path) h.replace(path);
  });
  void hostProjectKey().then((key) => {
    if (key) rememberPath(key, path);
  });
}
