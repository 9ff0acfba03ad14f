/** The adapters each use case runs on in Forge: built per invocation, so nothing is shared across people. */
import type { CollectDeps } from '../app/macro/collect-learnings';
import type { RetroDeps } from '../app/retro/open-retro';
import type { ServedGoalsDeps } from '../app/sprint-goals/goals-served-by-issue';
import { JiraIssueSprints } from '../forge/sprint-goals/jira-issue-sprints';
import type { GoalsDeps } from '../app/sprint-goals/goals-context';
import type { GetPanelDeps } from '../app/record/get-panel';
import type { SaveDeps } from '../app/record/save-learning';
import type { WriteDeps } from '../app/record/write-revision';
import { JiraIssueLearnings } from '../forge/record/jira-issue-learnings';
import { JiraBrowsePermissions, JiraIssueSearch } from '../forge/search/jira-issue-search';
import { JiraPeopleDirectory } from '../forge/people/jira-people-directory';
import { KvsLearningHistory } from '../forge/record/kvs-learning-history';
import { JiraSprints } from '../forge/retro/jira-sprints';
import { KvsLearningReuse } from '../forge/learned-before/kvs-learning-reuse';
import { JiraReuseCount } from '../forge/learned-before/jira-reuse-count';
import { KvsRetroNotes } from '../forge/retro/kvs-retro-notes';
import { KvsRetroMemory } from '../forge/retro/kvs-retro-memory';
import { KvsRecentWrites } from '../forge/record/kvs-recent-writes';
import { KvsRevisionClaims } from '../forge/record/kvs-revision-claims';
import { KvsInsightsStore } from '../forge/insights/kvs-insights-store';
import { JiraSiteFacts } from '../forge/search/jira-site-facts';
import { JiraSprintGoals } from '../forge/sprint-goals/jira-sprint-goals';
import { KvsGoalsHistory } from '../forge/sprint-goals/kvs-goals-history';

const now = () => new Date();

export function recordDeps(): WriteDeps {
  return {
    issueLearnings: new JiraIssueLearnings('user'),
    history: new KvsLearningHistory(),
    claims: new KvsRevisionClaims(),
    recentWrites: new KvsRecentWrites(),
    permissions: new JiraBrowsePermissions(),
    reuses: new KvsLearningReuse(),
    insights: insightsDeps(),
    now,
  };
}

/** Insight aggregates in KVS, the site's Sprint field id the save's issue read asks for, and the earlier issues' reuse counts. */
export function insightsDeps() {
  const site = new JiraSiteFacts();
  return { store: new KvsInsightsStore(), sprintFieldId: () => site.knownSprintFieldId(), reuseCounts: new JiraReuseCount() };
}

export function saveDeps(): SaveDeps {
  return { ...recordDeps(), pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random };
}

export function searchDeps(): CollectDeps {
  return {
    userSearch: new JiraIssueSearch('user'),
    permissions: new JiraBrowsePermissions(),
    recentWrites: new KvsRecentWrites(),
    site: new JiraSiteFacts(),
    now,
  };
}

export function peopleDeps() {
  return { people: new JiraPeopleDirectory('user') };
}

export function learnedBeforeDeps() {
  return { userSearch: new JiraIssueSearch('user'), now };
}

export function helpedDeps() {
  return { issueLearnings: new JiraIssueLearnings('user'), userSearch: new JiraIssueSearch('user'), site: new JiraSiteFacts() };
}

export function reusesDeps() {
  return { reuses: new KvsLearningReuse(), permissions: new JiraBrowsePermissions() };
}

/** The macro config's sprint picker: boards and sprints read as the person. */
export function sprintPickerDeps() {
  const agile = new JiraSprints('user');
  return { boards: agile, sprints: agile };
}

/** Every Jira read of the retro view is done as the person. */
export function retroDeps(): RetroDeps {
  return {
    sprints: new JiraSprints('user'),
    search: new JiraIssueSearch('user'),
    notes: new KvsRetroNotes(),
    people: new JiraPeopleDirectory('user'),
    permissions: new JiraBrowsePermissions(),
    recentWrites: new KvsRecentWrites(),
    memory: new KvsRetroMemory(),
    now,
  };
}

/** A sprint's learning goals: read and written as the person, so Jira's Browse and Manage sprints apply. */
export function goalsDeps(): GoalsDeps {
  return {
    sprints: new JiraSprints('user'),
    goals: new JiraSprintGoals(),
    history: new KvsGoalsHistory(),
    search: new JiraIssueSearch('user'),
    people: new JiraPeopleDirectory('user'),
    now,
  };
}

export function siteFacts() {
  return new JiraSiteFacts();
}

/** The sprint goals an issue serves: its Sprint field and the sprints' goals, as the person. */
export function servedGoalsDeps(): ServedGoalsDeps {
  return { site: new JiraSiteFacts(), issueSprints: new JiraIssueSprints(), goals: new JiraSprintGoals() };
}

/** Opening the panel: only the adapters it reads with (no KVS adapter, no save's claims). */
export function panelDeps(): GetPanelDeps {
  return { issueLearnings: new JiraIssueLearnings('user'), permissions: new JiraBrowsePermissions(), ...peopleDeps() };
}
