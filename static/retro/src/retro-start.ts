/**
 * The retro view's first `retro/open`, sent when the module loads, before the host's history and context
 * answer: with the board and sprint this browser remembers for every project (the backend opens its own
 * project's; the sidebar's link names nothing). Once the history and context answer, a URL that names another
 * sprint than the one sent for the project is asked for instead (a link, a reload on a sprint not remembered).
 * Each view shown then names its board and sprint in the URL, replacing the entry (no history entry per pick),
 * and is remembered for the project.
 */
import type { RetroOpenPayload, RetroView } from '../../../src/contract/retro';
import { call, getContext, pageHistory, startAtLoad, takeAtLoad, within, type AppHistory } from '../../shared/bridge-client';
import { namesBoardOrSprint } from '../../../src/domain/retro/sprint-choice';
import { checkFirstOpening, forgetPath, projectKeyOf, rememberedSprints, rememberPath } from './state/remembered-location';
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
  if (!result.ok && result.error.code === 'NOT_FOUND' && namesBoardOrSprint(payload))
    return { payload: {}, result: await call('retro/open', {}) };
  return { payload, result };
}

/** The call sent at load (every remembered sprint), kept when it opened what the URL or the project's memory names. */
async function openOnUrl(): Promise<Opening> {
  const remembered = rememberedSprints();
  const sent: RetroOpenPayload = Object.keys(remembered).length > 0 ? { remembered } : {};
  const answer = call('retro/open', sent);
  // Both asked at once, so the project costs no wait beyond the history's.
  const historyInTime = within(hostHistory(), HOST_WAIT_MS);
  const projectInTime = within(hostProjectKey(), HOST_WAIT_MS);
  const h = await historyInTime;
  const check = checkFirstOpening(h ? payloadOfPath(h.location.pathname) : {}, await projectInTime, remembered);
  return check.sentServes ? { payload: sent, result: await answer } : openNamed(check.payload);
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
  if (path === null) {
    // No board to show: nothing of this project is worth sending again.
    void hostProjectKey().then((key) => {
      if (key) forgetPath(key);
    });
    return;
  }
  void hostHistory().then((h) => {
    if (h && h.location.pathname !== path) h.replace(path);
  });
  void hostProjectKey().then((key) => {
    if (key) rememberPath(key, path);
  });
}
