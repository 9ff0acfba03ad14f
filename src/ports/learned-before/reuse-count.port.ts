/** The count of tickets an earlier issue helped, where Jira's search can order by it (an issue property in production). */
export interface ReuseCountPort {
  /** Sets the issue's count (0 included), as the app: the person saving the ticket may not edit the earlier issue. */
  set(issueId: string, count: number): Promise<void>;
}
