/**
 * The rebuild under a deadline, with in-memory ports and a fake clock: past the deadline before a
 * search page it throws RebuildTooLong and writes nothing; "Rebuild now" then stores a request and
 * answers `requested`; the five-minute trigger's work makes one read when no request waits, else
 * rebuilds and deletes the request it served, keeping a newer one. Expected values are written here.
 */
import { rebuildInsights, RebuildTooLong } from '../../../src/app/insights/rebuild-insights';
import { REBUILD_NOW_READ_BUDGET_MS, rebuildNowOrRequest, rebuildOnRequest } from '../../../src/app/insights/rebuild-on-request';
import { toStoredProperty } from '../../../src/domain/record/stored-format';
import type { InsightsSourcePage, InsightsSourcePort, InsightsStorePort } from '../../../src/ports/insights/insights-store.port';
import type { RebuildRequest, RebuildRequestPort } from '../../../src/ports/insights/rebuild-request.port';
import { aDraft, aRecord } from '../../support/learning-mother';

const START = Date.parse('2026-11-30T12:31:00.000Z');

/** A clock that only moves when the source reads a page: each page takes `pageMs`. */
class PagedSource implements InsightsSourcePort {
  readonly calls: string[] = [];
  onPage: () => void = () => undefined;
  constructor(
    private readonly clock: { t: number },
    private readonly recordPages: number,
    private readonly pageMs: number,
  ) {}

  /** Whether each page was asked with the records' searchable texts. */
  readonly withTexts: boolean[] = [];

  page(_sprintFieldId: string | null, pageToken: string | null, withTexts = false): Promise<InsightsSourcePage> {
    const index = pageToken ? Number(pageToken) : 0;
    this.calls.push(`page ${index}`);
    this.withTexts.push(withTexts);
    this.clock.t += this.pageMs;
    this.onPage();
    const issueId = String(10_000 + index);
    const fields = {
      issueId,
      issueKey: `FLEX-${index + 1}`,
      projectId: '10000',
      created: '2026-11-02T09:00:00.000Z',
      updated: '2026-11-03T09:00:00.000Z',
      resolutionDate: null,
      done: false,
      sprints: [],
    };
    const next = index + 1 < this.recordPages ? String(index + 1) : null;
    return Promise.resolve({ issues: [{ fields, property: toStoredProperty(aRecord()) }], nextPageToken: next });
  }

  resolvedWithoutRecord(): Promise<{ issues: never[]; nextPageToken: null }> {
    this.calls.push('resolvedWithoutRecord');
    this.clock.t += this.pageMs;
    return Promise.resolve({ issues: [], nextPageToken: null });
  }
}

class WriteLog implements Pick<InsightsStorePort, 'replaceAll'> {
  writes = 0;
  replaceAll(): Promise<void> {
    this.writes++;
    return Promise.resolve();
  }
}

class OneRequest implements RebuildRequestPort {
  calls: string[] = [];
  constructor(public stored: RebuildRequest | null = null) {}
  pending() {
    this.calls.push('pending');
    return Promise.resolve(this.stored);
  }
  save(request: RebuildRequest) {
    this.calls.push('save');
    this.stored = request;
    return Promise.resolve();
  }
  clear(served: RebuildRequest) {
    this.calls.push('clear');
    if (this.stored?.requestedAt !== served.requestedAt) return Promise.resolve(false);
    this.stored = null;
    return Promise.resolve(true);
  }
}

type SourceIssue = InsightsSourcePage['issues'][number];

/** Every page the source answers, with each issue changed by `change`. */
function changeIssues(source: PagedSource, change: (issue: SourceIssue) => SourceIssue): void {
  const page = source.page.bind(source);
  source.page = async (...args) => {
    const answer = await page(...args);
    return { ...answer, issues: answer.issues.map(change) };
  };
}

function setup(recordPages: number, pageMs: number) {
  const clock = { t: START };
  const source = new PagedSource(clock, recordPages, pageMs);
  const store = new WriteLog();
  const deps = { source, store: store as unknown as InsightsStorePort, sprintFieldId: () => Promise.resolve(null), now: () => clock.t };
  return { clock, source, store, deps };
}

describe('rebuildInsights with a deadline', () => {
  it('throws RebuildTooLong before the page after the deadline, having written nothing', async () => {
    // 1 s a page, deadline at 3.5 s: pages 0–3 are read (the 4th starts at 3 s), the 5th is not asked.
    const { source, store, deps } = setup(10, 1_000);
    const failure = rebuildInsights({ ...deps, deadlineAt: START + 3_500 }).catch((error: unknown) => error);
    const error = await failure;
    expect(error).toBeInstanceOf(RebuildTooLong);
    expect((error as RebuildTooLong).pagesRead).toBe(4);
    expect(source.calls).toEqual(['page 0', 'page 1', 'page 2', 'page 3']);
    expect(store.writes).toBe(0);
  });

  it('also stops before the pages of resolved issues without a record', async () => {
    const { source, store, deps } = setup(3, 1_000);
    await expect(rebuildInsights({ ...deps, deadlineAt: START + 3_000 })).rejects.toBeInstanceOf(RebuildTooLong);
    expect(source.calls).toEqual(['page 0', 'page 1', 'page 2']);
    expect(store.writes).toBe(0);
  });

  it('reads every page and writes once when the deadline is not reached, and without a deadline', async () => {
    const timed = setup(3, 1_000);
    await expect(rebuildInsights({ ...timed.deps, deadlineAt: START + 4_001 })).resolves.toMatchObject({ issues: 3, pages: 4 });
    expect(timed.store.writes).toBe(1);
    const untimed = setup(30, 60_000);
    await expect(rebuildInsights(untimed.deps)).resolves.toMatchObject({ issues: 30, pages: 31 });
    expect(untimed.store.writes).toBe(1);
  });
});

describe('"Rebuild now" and the five-minute trigger', () => {
  it('answers done with the counts when reading fits in the budget', async () => {
    const { store, deps } = setup(2, 1_000);
    const requests = new OneRequest();
    const answer = await rebuildNowOrRequest({ ...deps, requests, startedAt: START });
    expect(answer).toEqual({ state: 'done', issues: 2, periods: 1, projects: 1 });
    expect(store.writes).toBe(1);
    expect(requests.stored).toBeNull();
  });

  it(`stores a request and answers requested when reading passes ${REBUILD_NOW_READ_BUDGET_MS} ms from the invocation's start`, async () => {
    const { store, deps } = setup(100, 1_000);
    const requests = new OneRequest();
    // 2 s already spent (the admin check) before the rebuild starts: 13 pages fit, the 14th does not start.
    const answer = await rebuildNowOrRequest({ ...deps, requests, startedAt: START - 2_000 });
    expect(answer).toEqual({ state: 'requested', requestedAt: '2026-11-30T12:31:13.000Z' });
    expect(requests.stored).toEqual({ requestedAt: '2026-11-30T12:31:13.000Z' });
    expect(store.writes).toBe(0);
  });

  it('makes one read and nothing else when no request waits', async () => {
    const { source, store, deps } = setup(3, 1_000);
    const requests = new OneRequest();
    await expect(rebuildOnRequest({ ...deps, requests })).resolves.toBeNull();
    expect(requests.calls).toEqual(['pending']);
    expect(source.calls).toEqual([]);
    expect(store.writes).toBe(0);
  });

  it('runs the full rebuild, however long, and deletes the request it served', async () => {
    const { store, deps } = setup(200, 5_000);
    const requests = new OneRequest({ requestedAt: '2026-11-30T12:31:13.000Z' });
    await expect(rebuildOnRequest({ ...deps, requests })).resolves.toMatchObject({ issues: 200, pages: 201 });
    expect(store.writes).toBe(1);
    expect(requests.stored).toBeNull();
  });

  it('takes the request before reading, so one made between its read and its delete is covered by that rebuild', async () => {
    const { source, deps } = setup(3, 1_000);
    const requests = new OneRequest({ requestedAt: '2026-11-30T12:31:13.000Z' });
    source.onPage = () => {
      // Reading starts only once the request is gone.
      if (source.calls.length === 1) expect(requests.calls).toEqual(['pending', 'clear']);
    };
    await rebuildOnRequest({ ...deps, requests });
    expect(requests.calls.slice(0, 2)).toEqual(['pending', 'clear']);
    expect(requests.stored).toBeNull();
  });

  it('puts the request back when the rebuild fails, unless a newer one waits', async () => {
    const failing = setup(3, 1_000);
    failing.source.onPage = () => {
      throw new Error('Jira is down');
    };
    const requests = new OneRequest({ requestedAt: '2026-11-30T12:31:13.000Z' });
    await expect(rebuildOnRequest({ ...failing.deps, requests })).rejects.toThrow('Jira is down');
    expect(requests.stored).toEqual({ requestedAt: '2026-11-30T12:31:13.000Z' });

    const newer = setup(3, 1_000);
    const kept = new OneRequest({ requestedAt: '2026-11-30T12:31:13.000Z' });
    newer.source.onPage = () => {
      kept.stored = { requestedAt: '2026-11-30T12:33:40.000Z' };
      throw new Error('Jira is down');
    };
    await expect(rebuildOnRequest({ ...newer.deps, requests: kept })).rejects.toThrow('Jira is down');
    expect(kept.stored).toEqual({ requestedAt: '2026-11-30T12:33:40.000Z' });
  });

  it('sets reuse counts from the trigger, never from "Rebuild now" (their writes are not under its deadline)', async () => {
    const counted: string[] = [];
    const reuseCounts = {
      set: (issueId: string, count: number) => {
        counted.push(`${issueId}=${String(count)}`);
        return Promise.resolve();
      },
    };
    // Each issue carries a count of 1 that no record's link explains: the rebuild would set it to 0.
    const withStaleCount = (source: PagedSource) => {
      changeIssues(source, (issue) => ({ ...issue, reuses: 1 }));
    };
    const inline = setup(2, 1_000);
    withStaleCount(inline.source);
    await rebuildNowOrRequest({ ...inline.deps, reuseCounts, requests: new OneRequest(), startedAt: START });
    expect(counted).toEqual([]);
    const trigger = setup(2, 1_000);
    withStaleCount(trigger.source);
    await rebuildOnRequest({ ...trigger.deps, reuseCounts, requests: new OneRequest({ requestedAt: '2026-11-30T12:31:13.000Z' }) });
    expect(counted).toEqual(['10000=0', '10001=0']);
  });

  it('rewrites the learnings\' texts that lag their records, from each record read again, from the trigger, never from "Rebuild now"', async () => {
    const written: string[] = [];
    // Read again just before the write, 10001's record has a newer learning (a save after the rebuild's read).
    const savedMeanwhile = toStoredProperty(aRecord(aDraft().withHypothesis('H').withLearning('Saved meanwhile.').build()));
    const searchableText = {
      currentRecord: (issueId: string) => Promise.resolve(issueId === '10001' ? savedMeanwhile : toStoredProperty(aRecord())),
      set: (issueId: string, value: { text: string }) => {
        written.push(`${issueId}: ${value.text}`);
        return Promise.resolve();
      },
    };
    // Page 0's issue carries its record's texts already; page 1's an older text (its write after a save failed).
    const current = "Customers in Spain engaged more, even if they didn't buy.\nLabeling matters more than refund amount.";
    const withTexts = (source: PagedSource) => {
      changeIssues(source, (issue) => ({ ...issue, text: issue.fields.issueId === '10000' ? current : 'Old.' }));
    };
    const inline = setup(2, 1_000);
    withTexts(inline.source);
    await rebuildNowOrRequest({ ...inline.deps, searchableText, requests: new OneRequest(), startedAt: START });
    expect(written).toEqual([]);
    // Nor does it read them: its pages stay as light as its 15 s budget was set for.
    expect(inline.source.withTexts).toEqual([false, false]);
    const trigger = setup(2, 1_000);
    withTexts(trigger.source);
    await rebuildOnRequest({ ...trigger.deps, searchableText, requests: new OneRequest({ requestedAt: '2026-11-30T12:31:13.000Z' }) });
    expect(trigger.source.withTexts).toEqual([true, true]);
    expect(written).toEqual(['10001: Saved meanwhile.']);
  });

  it('counts the writes Jira refused (the trigger logs them; the next rebuild tries again)', async () => {
    const trigger = setup(2, 1_000);
    changeIssues(trigger.source, (issue) => ({ ...issue, reuses: 1, text: 'Old.' }));
    const refusing = () => Promise.reject(new Error('403'));
    const summary = await rebuildInsights({
      ...trigger.deps,
      reuseCounts: { set: refusing },
      searchableText: { currentRecord: () => Promise.resolve(toStoredProperty(aRecord())), set: refusing },
    });
    // Two stale counts and two stale texts, all refused.
    expect(summary.writesRefused).toBe(4);
  });

  it('keeps a request made while the rebuild was reading', async () => {
    const { source, deps } = setup(5, 1_000);
    const requests = new OneRequest({ requestedAt: '2026-11-30T12:31:13.000Z' });
    source.onPage = () => {
      if (source.calls.length === 3) requests.stored = { requestedAt: '2026-11-30T12:33:40.000Z' };
    };
    await rebuildOnRequest({ ...deps, requests });
    expect(requests.stored).toEqual({ requestedAt: '2026-11-30T12:33:40.000Z' });
  });
});
