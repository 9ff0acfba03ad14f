/** In-memory stand-ins for the ports, for use-case tests. They count calls like the real adapters would cost. */
import { AppError } from '../../src/contract/errors';
import { EMPTY_RETRO_MEMORY, type RetroMemory, type RetroMemoryPort } from '../../src/ports/retro/retro-memory.port';
import type { StoredLearningProperty } from '../../src/domain/record/stored-format';
import type { StoredLearningText } from '../../src/domain/record/text-index';
import type { IssueForPanel, IssueLearningsPort } from '../../src/ports/record/issue-learnings.port';
import type { BrowsePermissionPort } from '../../src/ports/search/issue-search.port';
import type { HistorySnapshot, LearningHistoryPort, ReadyToKeep, RevisionToKeep } from '../../src/ports/record/learning-history.port';
import type { LearningReuse, LearningReusePort } from '../../src/ports/learned-before/learning-reuse.port';
import type { RecentWritesPort } from '../../src/ports/record/recent-writes.port';
import {
  HISTORY_POLICY,
  summaryOf,
  type HistoryEntry,
  type HistoryPolicy,
  type PrunedRevision,
} from '../../src/domain/record/history-policy';
import type { RevisionClaimsPort } from '../../src/ports/record/revision-claims.port';
import type { RevisionChanges } from '../../src/domain/record/revision-changes';
import type { SiteFactsPort } from '../../src/ports/search/site-facts.port';
import { settle } from './settle';

export class InMemoryIssueLearnings implements IssueLearningsPort {
  property: unknown = undefined;
  /** The learnings' texts property (`learning-loop-text`), as written. */
  text: unknown = undefined;
  canEdit = true;
  calls = { loadForPanel: 0, readProperty: 0, writeProperty: 0, writeText: 0 };
  /** Runs before a read resolves: lets a test make "someone else" save in between. */
  beforeRead?: () => void;
  /** The next write fails with this error, after being applied or not (a lost answer). */
  failNextWrite?: { error: Error; applied: boolean };

  constructor(readonly issue = { id: '10112', key: 'FLEX-112', summary: 'Offer Flex as a refund option' }) {}

  loadForPanel(issueKey: string): Promise<IssueForPanel> {
    return settle(() => {
      this.calls.loadForPanel++;
      this.assertIssue(issueKey);
      return { issue: this.issue, property: structuredClone(this.property), canEdit: this.canEdit };
    });
  }

  readProperty(issueKey: string): Promise<unknown> {
    return settle(() => {
      this.calls.readProperty++;
      this.assertIssue(issueKey);
      this.beforeRead?.();
      return structuredClone(this.property);
    });
  }

  async readIssue(issueKey: string): Promise<{ summary: string; property: unknown }> {
    return { summary: this.issue.summary, property: await this.readProperty(issueKey) };
  }

  mayEdit(issueKey: string): Promise<boolean> {
    return settle(() => {
      this.assertIssue(issueKey);
      return this.canEdit;
    });
  }

  writeProperty(issueKey: string, value: StoredLearningProperty): Promise<void> {
    return settle(() => {
      this.calls.writeProperty++;
      this.assertIssue(issueKey);
      if (!this.canEdit) throw new AppError('FORBIDDEN', 'No edit permission.');
      const failure = this.failNextWrite;
      this.failNextWrite = undefined;
      if (!failure || failure.applied) this.property = structuredClone(value);
      if (failure) throw failure.error;
    });
  }

  writeText(issueKey: string, value: StoredLearningText): Promise<void> {
    return settle(() => {
      this.calls.writeText++;
      this.assertIssue(issueKey);
      if (!this.canEdit) throw new AppError('FORBIDDEN', 'No edit permission.');
      this.text = structuredClone(value);
    });
  }

  private assertIssue(issueKey: string) {
    if (issueKey !== this.issue.key) throw new AppError('NOT_FOUND', 'No such issue.');
  }
}

export class InMemoryHistory implements LearningHistoryPort {
  readonly snapshots = new Map<string, HistorySnapshot>();
  readonly prunedLog = new Map<string, PrunedRevision[]>();
  /** What each kept revision changed, as the index line records it. */
  readonly changes = new Map<string, RevisionChanges>();
  /** Overrides the history policy (how many newest revisions are always kept, the ceiling). */
  constructor(readonly policy: HistoryPolicy = HISTORY_POLICY) {}

  private key(issueId: string, revision: number) {
    return `${issueId}:${revision}`;
  }

  keep(issueId: string, snapshot: HistorySnapshot, changes?: RevisionChanges): Promise<void> {
    const key = this.key(issueId, snapshot.revision);
    if (!this.snapshots.has(key) && changes) this.changes.set(key, structuredClone(changes));
    this.snapshots.set(key, structuredClone(snapshot));
    return Promise.resolve();
  }

  async prepareKeep(issueId: string, revisions: readonly RevisionToKeep[]): Promise<ReadyToKeep> {
    const kept = await this.list(issueId);
    return {
      newestKept: kept.reduce((newest, s) => Math.max(newest, s.revision), 0),
      write: async () => {
        for (const { snapshot, changes } of revisions) await this.keep(issueId, snapshot, changes);
        return this.entries(issueId);
      },
    };
  }

  get(issueId: string, revision: number): Promise<HistorySnapshot | undefined> {
    return Promise.resolve(structuredClone(this.snapshots.get(this.key(issueId, revision))));
  }

  async entries(issueId: string): Promise<HistoryEntry[]> {
    return (await this.list(issueId)).map((s) => {
      const changes = this.changes.get(this.key(issueId, s.revision));
      return {
        revision: s.revision,
        savedAt: s.savedAt,
        savedBy: s.savedBy,
        summary: { ...summaryOf(s.value), ...(changes ? { changes } : {}) },
      };
    });
  }

  forget(issueId: string, revisions: readonly number[], prunedAt?: string): Promise<void> {
    for (const revision of revisions) {
      const gone = this.snapshots.get(this.key(issueId, revision));
      if (gone && prunedAt)
        this.prunedLog.set(issueId, [
          { revision, savedAt: gone.savedAt, savedBy: gone.savedBy, prunedAt },
          ...(this.prunedLog.get(issueId) ?? []),
        ]);
      this.snapshots.delete(this.key(issueId, revision));
      this.changes.delete(this.key(issueId, revision));
    }
    return Promise.resolve();
  }

  pruned(issueId: string): Promise<PrunedRevision[]> {
    return Promise.resolve(this.prunedLog.get(issueId) ?? []);
  }

  /** Every snapshot of an issue, oldest first (for tests). */
  list(issueId: string): Promise<HistorySnapshot[]> {
    return Promise.resolve(
      [...this.snapshots.entries()]
        .filter(([key]) => key.startsWith(`${issueId}:`))
        .map(([, snapshot]) => structuredClone(snapshot))
        .sort((a, b) => a.revision - b.revision),
    );
  }
}

/** Browse permission by issue id; everything is browsable unless hidden. */
export class InMemoryBrowsePermissions implements BrowsePermissionPort {
  readonly hidden = new Set<string>();
  calls = 0;

  browsableIssueIds(_accountId: string, issueIds: readonly string[]): Promise<Set<string>> {
    this.calls++;
    return Promise.resolve(new Set(issueIds.filter((id) => !this.hidden.has(id))));
  }
}

/** Claims as KVS keeps them: the first claim on a revision wins until released. */
export class InMemoryRevisionClaims implements RevisionClaimsPort {
  readonly held = new Map<string, string>();

  claim(issueId: string, revision: number, accountId: string): Promise<boolean> {
    const key = `${issueId}:${revision}`;
    if (this.held.has(key)) return Promise.resolve(false);
    this.held.set(key, accountId);
    return Promise.resolve(true);
  }

  release(issueId: string, revision: number): Promise<void> {
    this.held.delete(`${issueId}:${revision}`);
    return Promise.resolve();
  }
}

/** Reuses of learnings, one per (earlier issue, helped ticket) pair. */
export class InMemoryReuses implements LearningReusePort {
  readonly stored = new Map<string, LearningReuse>();
  record(reuse: LearningReuse): Promise<void> {
    this.stored.set(`${reuse.sourceIssueId}:${reuse.targetIssueId}`, reuse);
    return Promise.resolve();
  }
  forget(sourceIssueId: string, targetIssueId: string): Promise<void> {
    this.stored.delete(`${sourceIssueId}:${targetIssueId}`);
    return Promise.resolve();
  }
  listFor(sourceIssueId: string): Promise<LearningReuse[]> {
    return Promise.resolve(
      [...this.stored.values()].filter((r) => r.sourceIssueId === sourceIssueId).sort((a, b) => b.at.localeCompare(a.at)),
    );
  }
}

/** Recent writes per person, newest first. */
export class InMemoryRecentWrites implements RecentWritesPort {
  readonly byPerson = new Map<string, string[]>();

  remember(accountId: string, issueId: string): Promise<void> {
    this.byPerson.set(accountId, [issueId, ...(this.byPerson.get(accountId) ?? []).filter((id) => id !== issueId)].slice(0, 50));
    return Promise.resolve();
  }

  readyToRemember(accountId: string): Promise<(issueId: string) => Promise<void>> {
    return Promise.resolve((issueId) => this.remember(accountId, issueId));
  }

  recent(accountId: string): Promise<string[]> {
    return Promise.resolve([...(this.byPerson.get(accountId) ?? [])]);
  }
}

/** A retro memory that never expires (freshness is the KVS adapter's, tested on the local site). */
export class InMemoryRetroMemory implements RetroMemoryPort {
  readonly byKey = new Map<string, RetroMemory>();

  read(accountId: string, projectKey: string): Promise<RetroMemory> {
    return Promise.resolve(this.byKey.get(`${accountId}:${projectKey}`) ?? EMPTY_RETRO_MEMORY);
  }

  async remember(accountId: string, projectKey: string, learned: RetroMemory): Promise<void> {
    const before = await this.read(accountId, projectKey);
    this.byKey.set(`${accountId}:${projectKey}`, {
      boards: learned.boards ?? before.boards,
      sprints: { ...before.sprints, ...learned.sprints },
      closedFigures: { ...before.closedFigures, ...learned.closedFigures },
    });
  }
}

/** The site's facts as a test sets them. */
export class FixedSiteFacts implements SiteFactsPort {
  calls = 0;
  constructor(
    private readonly url: string | null = 'https://example.atlassian.net',
    private readonly sprintField: string | null = 'customfield_10020',
  ) {}

  siteUrl(): Promise<string | null> {
    this.calls++;
    return Promise.resolve(this.url);
  }

  sprintFieldId(): Promise<string | null> {
    this.calls++;
    return Promise.resolve(this.sprintField);
  }
}

export function inMemoryDeps(start = '2026-11-20T09:00:00.000Z') {
  let clock = new Date(start).getTime();
  const issueLearnings = new InMemoryIssueLearnings();
  const history = new InMemoryHistory();
  const permissions = new InMemoryBrowsePermissions();
  return {
    issueLearnings,
    history,
    permissions,
    claims: new InMemoryRevisionClaims(),
    recentWrites: new InMemoryRecentWrites(),
    reuses: new InMemoryReuses(),
    people: { displayNames: (): Promise<Record<string, string>> => Promise.resolve({}) },
    pause: (): Promise<void> => Promise.resolve(),
    random: () => 0.5,
    now: () => new Date((clock += 60_000)),
  };
}
