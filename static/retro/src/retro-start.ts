/**
 * The retro view's first `retro/open`, started when the module loads: with the board and sprint its URL
 * names (read through the host's history), else with nothing named. Each view shown then names its board
 * and sprint in the URL, replacing the entry (no history entry per pick).
 */
import type { RetroOpenPayload, RetroView } from '../../../src/contract/retro';
import { call, pageHistory, startAtLoad, takeAtLoad, within, type AppHistory } from '../../shared/bridge-client';
import { pathOfView, payloadOfPath } from './state/retro-location';

type Answer = Awaited<ReturnType<typeof call<'retro/open'>>>;
export type Opening = { payload: RetroOpenPayload; result: Answer };

/** The first call waits at most this long for the host's history (one bridge round trip where the host has it). */
const HISTORY_WAIT_MS = 1000;
const FIRST_OPENING = 'retro/open, on the URL';

let history: Promise<AppHistory | null> | null = null;
/** Asked once and kept, however late it answers: a late history still gets the URL of every view shown. */
const hostHistory = (): Promise<AppHistory | null> => (history ??= pageHistory());

/** Opens this payload; a link to a sprint that is gone or hidden from this person opens the first board's instead. */
export async function openNamed(payload: RetroOpenPayload): Promise<Opening> {
  const result = await call('retro/open', payload);
  if (!result.ok && result.error.code === 'NOT_FOUND' && Object.keys(payload).length > 0)
    return { payload: {}, result: await call('retro/open', {}) };
  return { payload, result };
}

/** The sprint the URL names, read from the host's history if it answers in time. */
async function openOnUrl(): Promise<Opening> {
  const h = await within(hostHistory(), HISTORY_WAIT_MS);
  return openNamed(h ? payloadOfPath(h.location.pathname) : {});
}

/** main.tsx: the first opening, started when the module loads. */
export function startFirstOpening(): void {
  startAtLoad(FIRST_OPENING, openOnUrl());
}

/** The opening started at load, kept until the view takes it (however early it was answered); after that, a new one. */
export const firstOpening = (): Promise<Opening> => takeAtLoad(FIRST_OPENING, openOnUrl);

/** Names the shown view's board and sprint in the page's URL; nothing where the host keeps no history. */
export function keepInUrl(view: RetroView): void {
  const path = pathOfView(view);
  if (path === null) return;
  void hostHistory().then((h) => {
    if (h && h.location.pathname !== path) h.replace(path);
  });
}
