/**
 * The retro view's first `retro/open`, started when the module loads: with the board and sprint its URL
 * names (read through the host's history), else with nothing named. Each view shown then names its board
 * and sprint in the URL, replacing the entry (no history entry per pick).
 */
import type { RetroOpenPayload, RetroView } from '../../../src/contract/retro';
import { call, pageHistory, type AppHistory } from '../../shared/bridge-client';
import { pathOfView, payloadOfPath } from './state/retro-location';

type Answer = Awaited<ReturnType<typeof call<'retro/open'>>>;

let history: Promise<AppHistory | null> | null = null;
let first: Promise<{ payload: RetroOpenPayload; result: Answer }> | null = null;

const hostHistory = (): Promise<AppHistory | null> => (history ??= pageHistory());

/** The sprint the URL names; a link to a sprint that is gone or hidden from this person opens the first board's instead. */
async function open(): Promise<{ payload: RetroOpenPayload; result: Answer }> {
  const h = await hostHistory();
  const payload = h ? payloadOfPath(h.location.pathname) : {};
  const result = await call('retro/open', payload);
  if (!result.ok && result.error.code === 'NOT_FOUND' && Object.keys(payload).length > 0)
    return { payload: {}, result: await call('retro/open', {}) };
  return { payload, result };
}

/**
 * The call main.tsx started at load, shared until it is answered (React's StrictMode runs a first effect
 * twice); taken after that, a new call.
 */
export function firstOpening(): Promise<{ payload: RetroOpenPayload; result: Answer }> {
  const started = first ?? open();
  first = started;
  void started.finally(() => {
    if (first === started) first = null;
  });
  return started;
}

/** Names the shown view's board and sprint in the page's URL; nothing where the host keeps no history. */
export function keepInUrl(view: RetroView): void {
  const path = pathOfView(view);
  if (path === null) return;
  void hostHistory().then((h) => {
    if (h && h.location.pathname !== path) h.replace(path);
  });
}
