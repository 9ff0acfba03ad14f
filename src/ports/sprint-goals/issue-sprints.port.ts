/** The sprints an issue has been in, from its Sprint field, read as the person. */
export interface IssueSprint {
  id: number;
  name: string;
  state: string;
}

export interface IssueSprintsPort {
  /** The issue's sprints (oldest first as Jira lists them); [] when it was never in one. */
  sprintsOf(issueKey: string, sprintFieldId: string): Promise<IssueSprint[]>;
}
