/** The adapters each use case runs on in Forge: built per invocation, so nothing is shared across people. */
import type { CollectDeps } from '../app/collect-learnings';
import type { WriteDeps } from '../app/write-revision';
import { JiraIssueLearnings } from '../forge/jira-issue-learnings';
import { JiraBrowsePermissions, JiraIssueSearch } from '../forge/jira-issue-search';
import { JiraPeopleDirectory } from '../forge/jira-people-directory';
import { KvsLearningHistory } from '../forge/kvs-learning-history';

const now = () => new Date();

export function recordDeps(): WriteDeps {
  return { issueLearnings: new JiraIssueLearnings('user'), history: new KvsLearningHistory(), now };
}

export function searchDeps(): CollectDeps {
  return { userSearch: new JiraIssueSearch('user'), appSearch: new JiraIssueSearch('app'), permissions: new JiraBrowsePermissions(), now };
}

export function peopleDeps() {
  return { people: new JiraPeopleDirectory('user') };
}
