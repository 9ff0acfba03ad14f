import type { IssueFacts, IssueFields } from '../../domain/insights/issue-facts';
import type { PeriodAggregate } from '../../domain/insights/period-aggregate';
import type { ProjectSummary } from '../../domain/insights/project-summary';

/** What one update writes: the issue's new facts (null: forget them) and the aggregates and summaries it changed. */
export interface InsightsChange {
  issueId: string;
  facts: IssueFacts | null;
  aggregates: ReadonlyMap<string, PeriodAggregate | null>;
  summaries: ReadonlyMap<string, ProjectSummary | null>;
}

/** The insight aggregates (Forge KVS in production): per (project, period), one summary per project, and each issue's last facts. */
export interface InsightsStorePort {
  /** The facts last folded for the issue; null when none. */
  factsOf(issueId: string): Promise<IssueFacts | null>;
  /** One read: the aggregates by id (`PROJECT:periodKey`) and the summaries by project key; missing ones are left out. */
  read(
    aggregateIds: readonly string[],
    projectKeys: readonly string[],
  ): Promise<{ aggregates: Map<string, PeriodAggregate>; summaries: Map<string, ProjectSummary> }>;
  /** The tickets whose "This helped" links point at the issue (one consistent read); [] when none. */
  helpedTickets(sourceIssueId: string): Promise<string[]>;
  /** Replaces that list; an empty list is deleted. */
  setHelpedTickets(sourceIssueId: string, ticketIds: readonly string[]): Promise<void>;
  /** Writes one change together (one KVS transaction). */
  write(change: InsightsChange): Promise<void>;
  /** Every project's summary. */
  summaries(): Promise<ProjectSummary[]>;
  /** Replaces everything with what a rebuild counted. */
  replaceAll(
    facts: readonly IssueFacts[],
    aggregates: ReadonlyMap<string, PeriodAggregate>,
    summaries: ReadonlyMap<string, ProjectSummary>,
    helped: ReadonlyMap<string, readonly string[]>,
  ): Promise<void>;
}

/** One page of the issues that hold a learning record, with the fields insights count. */
export interface InsightsSourcePage {
  /** `reuses`: the reuse count the issue carries now (absent: 0); `text`: its searchable texts now (null: none). */
  issues: Array<{ fields: IssueFields; property: unknown; reuses?: number; text?: string | null }>;
  nextPageToken: string | null;
}

/** Every issue with a record, read as the app (the rebuild runs without a user). */
export interface InsightsSourcePort {
  /** `withTexts`: also read each record's searchable texts (only a rebuild that rewrites the lagging ones needs them). */
  page(sprintFieldId: string | null, pageToken: string | null, withTexts?: boolean): Promise<InsightsSourcePage>;
  /** One page of the resolved issues without a record in these projects (coverage's denominator). */
  resolvedWithoutRecord(
    projectKeys: readonly string[],
    sprintFieldId: string | null,
    pageToken: string | null,
  ): Promise<{ issues: IssueFields[]; nextPageToken: string | null }>;
}
