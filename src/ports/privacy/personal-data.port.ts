/** One person the app holds data of. */
export interface HeldAccount {
  accountId: string;
  /** When the app first stored this id (the age of its oldest copy, which reports carry as `updatedAt`). */
  since: string;
  /** When it was last reported; null when never. */
  reportedAt: string | null;
}

/** The index of the people the app holds data of, kept as the data is written. */
export interface PersonalDataPort {
  /** Everyone in the index (a prefix query: no scan of what people wrote). */
  held(): Promise<HeldAccount[]>;
  markReported(accounts: readonly HeldAccount[], at: string): Promise<void>;
  /** The API said the app's copy is out of date: the id is all it holds, so its age restarts now. */
  refreshed(account: HeldAccount, at: string): Promise<void>;
  /** Replaces the person's id with FORMER_USER wherever it is stored, deletes their own keys and their index entries. */
  erase(accountId: string): Promise<void>;
  /** The cycle Atlassian asked for (Cycle-Period), if any. */
  cyclePeriodMs(): Promise<number | undefined>;
  setCyclePeriodMs(ms: number): Promise<void>;
}

export type ReportAnswer =
  | { kind: 'answered'; updates: Array<{ accountId: string; status: 'closed' | 'updated' }>; cyclePeriodMs?: number }
  | { kind: 'retry-after'; seconds: number };

/** Atlassian's Personal data reporting API. */
export interface PersonalDataReportingPort {
  report(accounts: ReadonlyArray<{ accountId: string; updatedAt: string }>): Promise<ReportAnswer>;
}

/** What the app keeps in KVS about one issue. */
export interface IssueDataPort {
  /** Deletes it all (history, claims, reuses either way, retro notes); answers how many keys went. */
  forgetIssue(issueId: string): Promise<number>;
}
