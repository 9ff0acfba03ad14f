// The local site the Jira fault tests share (faults cleared and data reset before each test), and how they call it.
import { startAppSite, type AppSite } from '../support/app-site';
import { startedLater } from '../support/local-site';
import { kvsKeys } from './reliability-support';

export const ISSUE = 'FLEX-112';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

/** Starts the site for the test file; `site` may be used in tests and hooks. */
export function useFaultSite() {
  let current: AppSite | undefined;
  const site = startedLater(() => {
    if (!current) throw new Error('The fault site is not started yet: use it inside a test or a hook.');
    return current;
  });

  beforeAll(async () => {
    // The malformed-property cases list history right after a save: KVS queries see writes at once here
    // (Forge's are eventually consistent; what the app does about it: test/resolvers/eventual-consistency.test.ts).
    current = await startAppSite({ port: 0, consistency: { kvsQueryDelayMs: 0 } });
  });

  afterAll(async () => {
    site.reset();
    await site.close();
  });

  beforeEach(() => {
    site.faults.clear();
    site.reset();
  });

  async function call<T>(functionKey: string, payload: unknown = {}, as = 'alice', issueKey = ISSUE) {
    const { result, calls, ms } = await site.invoke({ functionKey, as, issueKey, payload });
    return { result: result as Envelope<T>, calls, ms };
  }

  const historyKeys = (issueKey = ISSUE) => kvsKeys(site, `history:${site.store.getIssue(issueKey)!.id}:`);
  return { site, call, historyKeys };
}

/** The raw text as JSON when it parses, else the text itself. */
export function parseOrText(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
