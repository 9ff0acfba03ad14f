/** Every Forge KVS key the app uses is built here, never written inline. */
const REVISION_DIGITS = 8;

export const storageKeys = {
  /** All kept revisions of one issue's record share this prefix. */
  historyPrefix: (issueId: string): string => `history:${issueId}:`,
  /** One issue's history index: every kept revision with its summary, and what was pruned. */
  historyIndex: (issueId: string): string => `history-index:${issueId}`,
  /** Zero-padded so that keys sort in revision order. */
  historyRevision: (issueId: string, revision: number): string => `history:${issueId}:${String(revision).padStart(REVISION_DIGITS, '0')}`,
  /**
   * A claim on the next revision of one issue's record: two saves cannot both write it.
   * A dead claim is taken over by claiming the next generation.
   */
  revisionClaim: (issueId: string, revision: number, generation = 0): string =>
    `claim:${issueId}:${String(revision).padStart(REVISION_DIGITS, '0')}${generation > 0 ? `:${generation}` : ''}`,
  /** The issues one person wrote learnings on in the last minutes (see RecentWritesPort). */
  recentWrites: (accountId: string): string => `recent:${accountId}`,
  /** Facts of the site (its URL, the Sprint field's id), cached with their own expiry date. */
  siteFacts: (): string => 'site:facts',
  /** Every retro note of one sprint of one board of one project shares this prefix. */
  retroNotesPrefix: (projectId: string, boardId: number, sprintId: number): string => `retro:${projectId}:${boardId}:${sprintId}:`,
  /** One surprise's note: the prefix, then the issue id and the learning entry id. */
  retroNote: (projectId: string, boardId: number, sprintId: number, issueId: string, entryId: string): string =>
    `retro:${projectId}:${boardId}:${sprintId}:${issueId}:${entryId}`,
  /** The retro notes one person wrote in the last minutes (laid over the eventually consistent list). */
  recentNotes: (accountId: string): string => `recent-notes:${accountId}`,
  /** What one person last read of a project's boards, sprints and closed sprints' figures (see KvsRetroMemory). */
  retroMemory: (accountId: string, projectKey: string): string => `${storageKeys.retroMemoryPrefix(accountId)}${projectKey}`,
  /** Every project's retro memory of one person (erased with their data). */
  retroMemoryPrefix: (accountId: string): string => `retro-memory:${accountId}:`,
  /** Every reuse of one issue's learning ("This helped") shares this prefix. */
  reusePrefix: (sourceIssueId: string): string => `reuse:${sourceIssueId}:`,
  /** One reuse: the earlier issue, then the ticket it helped (one key per pair, so saying it twice is harmless). */
  reuse: (sourceIssueId: string, targetIssueId: string): string => `reuse:${sourceIssueId}:${targetIssueId}`,
  /** One person the app holds data of: since when, and when last reported (see KvsPersonalData). */
  person: (accountId: string): string => `person:${accountId}`,
  /** Every person the app holds data of shares this prefix (the reporting job lists it). */
  personPrefix: (): string => 'person:',
  /** Where one person's id is stored: `issue:<issueId>` (history, reuses) or `retro:<project>:<board>:<sprint>` (notes). */
  personRef: (accountId: string, place: string): string => `person-ref:${accountId}:${place}`,
  personRefPrefix: (accountId: string): string => `person-ref:${accountId}:`,
  /** A key about one issue outside its own prefixes (a reuse it is the target of, a retro note on it). */
  issueRef: (issueId: string, key: string): string => `issue-ref:${issueId}:${key}`,
  issueRefPrefix: (issueId: string): string => `issue-ref:${issueId}:`,
  /** Every revision claim of one issue shares this prefix. */
  claimPrefix: (issueId: string): string => `claim:${issueId}:`,
  /** Every kept revision of one sprint's learning goals shares this prefix. */
  goalsHistoryPrefix: (sprintId: number): string => `goals-history:${sprintId}:`,
  /** Zero-padded so that keys sort in revision order. */
  goalsHistoryRevision: (sprintId: number, revision: number): string =>
    `goals-history:${sprintId}:${String(revision).padStart(REVISION_DIGITS, '0')}`,
  /** The insight facts last folded for one issue (what an update takes away before adding the new ones). */
  insightFacts: (issueId: string): string => `insights-facts:${issueId}`,
  insightFactsPrefix: (): string => 'insights-facts:',
  /** The tickets whose "This helped" links point at one earlier issue (read at once, unlike a query). */
  insightHelped: (sourceIssueId: string): string => `insights-helped:${sourceIssueId}`,
  insightHelpedPrefix: (): string => 'insights-helped:',
  /** One project's counts for one period (`PROJECT:periodKey`, see domain/insights/period-aggregate.ts). */
  insightPeriod: (aggregateId: string): string => `insights-period:${aggregateId}`,
  insightPeriodPrefix: (): string => 'insights-period:',
  /** One project's periods and their issue counts. */
  insightProject: (projectKey: string): string => `insights-project:${projectKey}`,
  insightProjectPrefix: (): string => 'insights-project:',
  /** A full insights rebuild asked for by an admin, waiting for the five-minute trigger (names no person). */
  insightsRebuildRequest: (): string => 'insights-rebuild-request',
  /** The reporting cycle Atlassian asked for (Cycle-Period), when it differs from 7 days. */
  privacyCycle: (): string => 'privacy:cycle',
};
