/**
 * JQL conformance: a table of queries with the issue keys Jira would return,
 * on a small fixed site built here (so every expectation can be checked by
 * hand), and the 400 answers Jira gives to what it refuses.
 *
 * "Now" is Thursday 2026-11-12 12:00 UTC and every user is in UTC, so the
 * relative dates below are easy to check: -7d = 11-05 12:00, startOfWeek()
 * = Sunday 11-08 00:00 (en_US weeks), startOfDay() = 11-12 00:00.
 */
import { DEMO_USERS } from '../../demo';
import { JiraStandIn, type JiraActor } from '../jira/jira-stand-in';
import { LocalStore, type SiteDataset, type IssueRow } from '../store/local-store';

/** The property the demo's records live in (the app's key: the emulator's tests name it, they do not import it). */
const LEARNING_PROPERTY_KEY = 'learning-loop';

const NOW = Date.parse('2026-11-12T12:00:00Z');
const U = DEMO_USERS;

function issue(id: number, key: string, over: Partial<IssueRow>): IssueRow {
  return {
    id: String(id), key, projectKey: key.split('-')[0]!, summary: key, description: '', issueType: 'Story', status: 'To Do',
    assigneeAccountId: null, reporterAccountId: U.alice.accountId, labels: [], sprintId: null,
    created: '2026-10-01T10:00:00Z', updated: '2026-10-01T10:00:00Z', parentKey: null, priority: 'Medium', ...over,
  };
}

const learning = (v: { hypothesis: string; outcome: string; confidence: string | null; tags: string[]; updatedAt: string; text: string; surprise: boolean; count: number; surpriseCount: number }) =>
  JSON.stringify({
    schemaVersion: 1, hypothesis: v.hypothesis, learnings: [], outcome: v.outcome, confidence: v.confidence, tags: v.tags, evidence: [],
    revision: 1, updatedAt: v.updatedAt, updatedBy: U.alice.accountId,
    index: { surprise: v.surprise ? 'true' : 'false', text: v.text, count: v.count, surpriseCount: v.surpriseCount },
  });

const DATA: SiteDataset = {
  users: Object.values(U).map((u) => ({ ...u, timeZone: 'UTC', defaultLevel: u.defaultLevel })),
  grants: [{ accountId: U.carol.accountId, projectKey: 'GROW', level: 'none' }],
  projects: [
    { id: '10001', key: 'FLEX', name: 'Flex Refunds', leadAccountId: U.alice.accountId },
    { id: '10003', key: 'GROW', name: 'Growth', leadAccountId: U.alice.accountId },
  ],
  sprints: [
    { id: 1, projectKey: 'FLEX', name: 'FLEX Sprint 1', state: 'closed', startDate: '2026-10-19T08:00:00Z', endDate: '2026-11-01T17:00:00Z', completeDate: '2026-11-01T17:00:00Z', goal: 'Fix refunds' },
    { id: 2, projectKey: 'FLEX', name: 'FLEX Sprint 2', state: 'active', startDate: '2026-11-02T08:00:00Z', endDate: '2026-11-15T17:00:00Z', goal: 'Flex for low prices' },
    { id: 3, projectKey: 'FLEX', name: 'FLEX Sprint 3', state: 'future', startDate: '2026-11-16T08:00:00Z', endDate: '2026-11-29T17:00:00Z' },
    { id: 4, projectKey: 'GROW', name: 'GROW Sprint 1', state: 'active', startDate: '2026-11-02T08:00:00Z', endDate: '2026-11-15T17:00:00Z' },
  ],
  issues: [
    issue(1001, 'FLEX-1', { issueType: 'Epic', summary: 'Refund options epic', assigneeAccountId: U.alice.accountId, updated: '2026-11-10T10:00:00Z' }),
    issue(1002, 'FLEX-2', {
      summary: 'Offer Flex refunds in low-price journeys', status: 'In Progress', assigneeAccountId: U.alice.accountId, reporterAccountId: U.bob.accountId,
      labels: ['experiment', 'flex'], sprintId: 2, parentKey: 'FLEX-1', created: '2026-11-03T09:00:00Z', updated: '2026-11-11T09:00:00Z', priority: 'High',
    }),
    issue(1003, 'FLEX-3', {
      issueType: 'Bug', summary: 'Refund email sent twice', description: 'Customers receive the refund confirmation twice.', status: 'Done',
      assigneeAccountId: U.bob.accountId, reporterAccountId: U.carol.accountId, labels: ['bug'], sprintId: 1, parentKey: 'FLEX-1',
      created: '2026-10-20T10:00:00Z', updated: '2026-10-30T10:00:00Z', priority: 'Highest',
    }),
    issue(1004, 'FLEX-4', {
      issueType: 'Task', summary: 'Pricing bands with Finance', description: 'Agree the price bands used in reports.', sprintId: 3,
      created: '2026-11-10T10:00:00Z', updated: '2026-11-10T10:00:00Z', priority: 'Low',
    }),
    issue(1005, 'FLEX-5', {
      summary: 'Labeling test for the add-on', description: 'Compare two names for the add-on.', status: 'In Review', assigneeAccountId: U.carol.accountId,
      labels: ['experiment'], sprintId: 2, created: '2026-11-05T10:00:00Z', updated: '2026-11-12T08:00:00Z',
    }),
    issue(1006, 'GROW-1', {
      summary: 'Referral credit for refunds', status: 'In Progress', assigneeAccountId: U.bob.accountId, labels: ['experiment'], sprintId: 4,
      created: '2026-11-04T10:00:00Z', updated: '2026-11-09T10:00:00Z',
    }),
    issue(1007, 'GROW-2', {
      issueType: 'Task', summary: 'Onboarding checklist', status: 'Done', assigneeAccountId: U.dan.accountId,
      created: '2026-09-01T10:00:00Z', updated: '2026-09-10T10:00:00Z', priority: 'Lowest',
    }),
  ],
  properties: [
    { issueKey: 'FLEX-2', key: LEARNING_PROPERTY_KEY, at: '2026-11-11T15:00:00Z', valueText: learning({ hypothesis: 'Presenting Flex as a refund option will reduce drop-off.', outcome: 'inconclusive', confidence: 'medium', tags: ['pricing', 'refunds'], updatedAt: '2026-11-11T15:00:00Z', text: 'Customers in Spain engaged more. Labeling matters more than refund amount.', surprise: true, count: 2, surpriseCount: 1 }) },
    { issueKey: 'FLEX-3', key: LEARNING_PROPERTY_KEY, at: '2026-10-30T10:00:00Z', valueText: learning({ hypothesis: 'Fixing duplicates will cut support contacts.', outcome: 'validated', confidence: 'high', tags: ['email'], updatedAt: '2026-10-30T10:00:00Z', text: 'Contacts fell by a fifth.', surprise: false, count: 1, surpriseCount: 0 }) },
    { issueKey: 'FLEX-5', key: LEARNING_PROPERTY_KEY, at: '2026-11-12T09:00:00Z', valueText: learning({ hypothesis: 'Calling it Flexible ticket raises uptake.', outcome: 'invalidated', confidence: 'low', tags: ['labeling', 'refunds'], updatedAt: '2026-11-12T09:00:00Z', text: 'Refunded customers preferred the old label. Nobody read the badge.', surprise: true, count: 2, surpriseCount: 2 }) },
    { issueKey: 'GROW-1', key: LEARNING_PROPERTY_KEY, at: '2026-11-09T10:00:00Z', valueText: learning({ hypothesis: 'A referral credit brings new customers.', outcome: 'open', confidence: null, tags: ['referrals', 'pricing'], updatedAt: '2026-11-09T10:00:00Z', text: 'Mostly existing users referred each other.', surprise: true, count: 1, surpriseCount: 1 }) },
    { issueKey: 'FLEX-4', key: 'other-prop', at: '2026-11-10T10:00:00Z', valueText: '{"x":1}' },
  ],
  kvs: [],
};

let store: LocalStore;
let jira: JiraStandIn;

beforeAll(() => {
  store = LocalStore.open();
  store.replaceAll(DATA, '2026-11-12T12:00:00Z');
  jira = new JiraStandIn(store, () => 'http://jira.test');
  jira.search.settings.now = () => NOW;
});

afterAll(() => {
  store.close();
});

const actorOf = (as: string): JiraActor => (as === 'app' ? { kind: 'app' } : { kind: 'user', accountId: U[as as keyof typeof U].accountId });

function search(jql: string, as = 'alice') {
  const res = jira.handle(actorOf(as), {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    headers: new Headers({ 'content-type': 'application/json' }),
    bodyText: JSON.stringify({ jql, fields: ['key'], maxResults: 100 }),
  });
  return { status: res.status, body: JSON.parse(res.body ?? 'null') as { issues?: Array<{ key: string }>; errorMessages?: string[]; errors?: object; warningMessages?: string[] } };
}

const keys = (jql: string, as = 'alice') => {
  const { status, body } = search(jql, as);
  if (status !== 200) throw new Error(`${jql} → ${status} ${JSON.stringify(body)}`);
  return body.issues!.map((i) => i.key);
};

const ALL_FLEX = ['FLEX-1', 'FLEX-2', 'FLEX-3', 'FLEX-4', 'FLEX-5'];

const CASES: Array<[string, string[], string?]> = [
  // project, by key, name and id; =, !=, IN
  ['project = FLEX ORDER BY key', ALL_FLEX],
  ['project in (FLEX, GROW) ORDER BY key', [...ALL_FLEX, 'GROW-1', 'GROW-2']],
  ['project != FLEX ORDER BY key', ['GROW-1', 'GROW-2']],
  ['project = "Flex Refunds" ORDER BY key', ALL_FLEX],
  ['project = 10003 ORDER BY key', ['GROW-1', 'GROW-2']],
  ['Project = flex ORDER BY key', ALL_FLEX],
  // issuetype / type, status, statusCategory
  ['issuetype = Story ORDER BY key', ['FLEX-2', 'FLEX-5', 'GROW-1']],
  ['type in (Bug, Task) ORDER BY key', ['FLEX-3', 'FLEX-4', 'GROW-2']],
  ['status = "In Progress" ORDER BY key', ['FLEX-2', 'GROW-1']],
  ['status not in ("To Do", Done) ORDER BY key', ['FLEX-2', 'FLEX-5', 'GROW-1']],
  ['statusCategory = "In Progress" ORDER BY key', ['FLEX-2', 'FLEX-5', 'GROW-1']],
  ['resolution = Unresolved AND project = GROW', ['GROW-1']],
  // labels, IS EMPTY, != leaves out empty values
  ['labels = experiment ORDER BY key', ['FLEX-2', 'FLEX-5', 'GROW-1']],
  ['labels is EMPTY ORDER BY key', ['FLEX-1', 'FLEX-4', 'GROW-2']],
  ['labels is not EMPTY AND project = FLEX ORDER BY key', ['FLEX-2', 'FLEX-3', 'FLEX-5']],
  ['labels != experiment ORDER BY key', ['FLEX-3']],
  // assignee / reporter with currentUser(), EMPTY, names and account ids
  ['assignee = currentUser() ORDER BY key', ['FLEX-1', 'FLEX-2']],
  ['assignee = currentUser() ORDER BY key', ['FLEX-3', 'GROW-1'], 'bob'],
  ['assignee is EMPTY', ['FLEX-4']],
  ['assignee = EMPTY', ['FLEX-4']],
  ['assignee != currentUser() ORDER BY key', ['FLEX-3', 'FLEX-5', 'GROW-1', 'GROW-2']],
  ['reporter = "Bob Okafor"', ['FLEX-2']],
  [`reporter = ${U.carol.accountId}`, ['FLEX-3']],
  ['assignee in (currentUser(), EMPTY) ORDER BY key', ['FLEX-1', 'FLEX-2', 'FLEX-4']],
  // created / updated: absolute and relative dates, functions
  ['created >= "2026-11-01" ORDER BY key', ['FLEX-2', 'FLEX-4', 'FLEX-5', 'GROW-1']],
  ['created < "2026/10/20 10:01" ORDER BY key', ['FLEX-1', 'FLEX-3', 'GROW-2']],
  ['created >= -7d', ['FLEX-4']],
  ['created >= -2w ORDER BY key', ['FLEX-2', 'FLEX-4', 'FLEX-5', 'GROW-1']],
  ['created >= "-1w 2d" ORDER BY key', ['FLEX-4', 'FLEX-5', 'GROW-1']],
  ['updated >= startOfWeek() ORDER BY key', ['FLEX-1', 'FLEX-2', 'FLEX-4', 'FLEX-5', 'GROW-1']],
  ['updated >= startOfDay()', ['FLEX-5']],
  ['created <= endOfWeek("-1w") ORDER BY key', ['FLEX-1', 'FLEX-2', 'FLEX-3', 'FLEX-5', 'GROW-1', 'GROW-2']],
  ['created >= startOfMonth() ORDER BY key', ['FLEX-2', 'FLEX-4', 'FLEX-5', 'GROW-1']],
  ['updated > now()', []],
  ['created > "2026-11-04" AND created < "2026-11-06" ORDER BY key', ['FLEX-5', 'GROW-1']],
  // sprint: ids, names, openSprints() (active and future), closedSprints(), futureSprints()
  ['sprint = 2 ORDER BY key', ['FLEX-2', 'FLEX-5']],
  ['sprint = "FLEX Sprint 1"', ['FLEX-3']],
  ['sprint in openSprints() ORDER BY key', ['FLEX-2', 'FLEX-4', 'FLEX-5', 'GROW-1']],
  ['sprint in openSprints() AND sprint not in futureSprints() ORDER BY key', ['FLEX-2', 'FLEX-5', 'GROW-1']],
  ['sprint in closedSprints()', ['FLEX-3']],
  ['sprint in futureSprints()', ['FLEX-4']],
  ['sprint is EMPTY ORDER BY key', ['FLEX-1', 'GROW-2']],
  // parent and "Epic Link"
  ['parent = FLEX-1 ORDER BY key', ['FLEX-2', 'FLEX-3']],
  ['"Epic Link" = FLEX-1 ORDER BY key', ['FLEX-2', 'FLEX-3']],
  ['parent in (1001) AND status = Done', ['FLEX-3']],
  // text ~, summary ~, description ~ (words, stems, wildcards, phrases, !~)
  ['text ~ refund ORDER BY key', ['FLEX-1', 'FLEX-2', 'FLEX-3', 'GROW-1']],
  ['summary ~ "refund*" ORDER BY key', ['FLEX-1', 'FLEX-2', 'FLEX-3', 'GROW-1']],
  ['summary ~ "REFUNDS" ORDER BY key', ['FLEX-1', 'FLEX-2', 'FLEX-3', 'GROW-1']],
  ['description ~ confirmation', ['FLEX-3']],
  ['text ~ "price band"', ['FLEX-4']],
  ['summary ~ "\\"refund email\\""', ['FLEX-3']],
  ['summary ~ "\\"email refund\\""', []],
  ['summary ~ "email refund"', ['FLEX-3']],
  ['summary !~ refund ORDER BY key', ['FLEX-4', 'FLEX-5', 'GROW-2']],
  ['summary ~ "check?ist"', ['GROW-2']],
  // key / issuekey with =, IN, and comparisons within a project
  ['key = FLEX-2', ['FLEX-2']],
  ['issuekey in (FLEX-3, GROW-1) ORDER BY key', ['FLEX-3', 'GROW-1']],
  ['key > FLEX-3 ORDER BY key', ['FLEX-4', 'FLEX-5']],
  ['key <= FLEX-2 ORDER BY key', ['FLEX-1', 'FLEX-2']],
  ['id = 1006', ['GROW-1']],
  // AND / OR / NOT, parentheses; NOT is pushed down as Jira does
  ['project = FLEX AND (status = Done OR assignee is EMPTY) ORDER BY key', ['FLEX-3', 'FLEX-4']],
  ['NOT project = FLEX ORDER BY key', ['GROW-1', 'GROW-2']],
  ['project = FLEX AND NOT (labels = experiment) ORDER BY key', ['FLEX-3']],
  ['project = FLEX AND NOT (status = Done OR issuetype = Epic) ORDER BY key', ['FLEX-2', 'FLEX-4', 'FLEX-5']],
  ['project = GROW or key = FLEX-1 and status = Done ORDER BY key', ['GROW-1', 'GROW-2']],
  // priority
  ['priority = High', ['FLEX-2']],
  ['priority > Medium ORDER BY key', ['FLEX-2', 'FLEX-3']],
  ['priority <= Low ORDER BY key', ['FLEX-4', 'GROW-2']],
  // entity-property aliases from manifest.yml, every one of them
  ['learningSurprise = "true" AND sprint in openSprints() ORDER BY key', ['FLEX-2', 'FLEX-5', 'GROW-1']],
  ['learningSurprise = "false"', ['FLEX-3']],
  ['learningOutcome = invalidated', ['FLEX-5']],
  ['learningOutcome = VALIDATED', ['FLEX-3']],
  ['learningOutcome in (open, inconclusive) ORDER BY key', ['FLEX-2', 'GROW-1']],
  ['learningTags = pricing ORDER BY key', ['FLEX-2', 'GROW-1']],
  ['learningTags in (email, labeling) ORDER BY key', ['FLEX-3', 'FLEX-5']],
  ['learningTags != pricing ORDER BY key', ['FLEX-3', 'FLEX-5']],
  ['learningText ~ refund ORDER BY key', ['FLEX-2', 'FLEX-5']],
  ['learningText ~ "badg*"', ['FLEX-5']],
  ['learningHypothesis ~ flexible', ['FLEX-5']],
  ['learningHypothesis ~ "drop-off"', ['FLEX-2']],
  ['learningCount > 1 ORDER BY key', ['FLEX-2', 'FLEX-5']],
  ['learningCount = 1 ORDER BY key', ['FLEX-3', 'GROW-1']],
  ['learningSurpriseCount >= 2', ['FLEX-5']],
  ['learningSurpriseCount < 1', ['FLEX-3']],
  ['learningUpdated >= "2026-11-11" ORDER BY key', ['FLEX-2', 'FLEX-5']],
  ['learningUpdated >= -2d ORDER BY key', ['FLEX-2', 'FLEX-5']],
  ['learningUpdated < startOfWeek()', ['FLEX-3']],
  ['learningConfidence = high', ['FLEX-3']],
  ['learningConfidence is EMPTY ORDER BY key', ['FLEX-1', 'FLEX-4', 'GROW-1', 'GROW-2']],
  ['issue.property[learning-loop].outcome = open', ['GROW-1']],
  // ORDER BY several fields, ASC/DESC
  ['project = FLEX ORDER BY priority DESC, key ASC', ['FLEX-3', 'FLEX-2', 'FLEX-1', 'FLEX-5', 'FLEX-4']],
  ['project = FLEX ORDER BY created DESC', ['FLEX-4', 'FLEX-5', 'FLEX-2', 'FLEX-3', 'FLEX-1']],
  ['project = FLEX ORDER BY updated ASC', ['FLEX-3', 'FLEX-1', 'FLEX-4', 'FLEX-2', 'FLEX-5']],
  ['project = FLEX ORDER BY status ASC, key DESC', ['FLEX-4', 'FLEX-1', 'FLEX-2', 'FLEX-5', 'FLEX-3']],
  ['project in (FLEX, GROW) ORDER BY project DESC, key', ['GROW-1', 'GROW-2', ...ALL_FLEX]],
  ['key in (FLEX-3, FLEX-1, GROW-2) ORDER BY issuetype, key', ['FLEX-1', 'GROW-2', 'FLEX-3']],
  ['learningCount > 0 ORDER BY learningCount DESC, key', ['FLEX-2', 'FLEX-5', 'FLEX-3', 'GROW-1']],
  ['learningUpdated is not EMPTY ORDER BY learningUpdated ASC', ['FLEX-3', 'GROW-1', 'FLEX-2', 'FLEX-5']],
  ['learningOutcome is not EMPTY ORDER BY learningOutcome, key DESC', ['FLEX-2', 'FLEX-5', 'GROW-1', 'FLEX-3']],
  // Browse permission: carol cannot browse GROW; dan browses everything; the app sees all
  ['learningTags = pricing ORDER BY key', ['FLEX-2'], 'carol'],
  ['text ~ refund ORDER BY key', ['FLEX-1', 'FLEX-2', 'FLEX-3'], 'carol'],
  ['project = GROW ORDER BY key', ['GROW-1', 'GROW-2'], 'dan'],
  ['project = GROW ORDER BY key', ['GROW-1', 'GROW-2'], 'app'],
];

describe('JQL conformance on a fixed site', () => {
  it.each(CASES)('%s → %j (as %s)', (jql, expected, as = 'alice') => {
    expect(keys(jql, as)).toEqual(expected);
  });

  it('orders by created, newest first, when the query has no ORDER BY', () => {
    expect(keys('project = FLEX')).toEqual(['FLEX-4', 'FLEX-5', 'FLEX-2', 'FLEX-3', 'FLEX-1']);
  });
});

const ERRORS: Array<[string, string, string?]> = [
  ['foo = bar', "Field 'foo' does not exist or you do not have permission to view it."],
  ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
  ['project = GROW', "The value 'GROW' does not exist for the field 'project'.", 'carol'],
  ['status = Blocked', "The value 'Blocked' does not exist for the field 'status'."],
  ['issuetype = Subtask', "The value 'Subtask' does not exist for the field 'issuetype'."],
  ['sprint = 99', "The value '99' does not exist for the field 'sprint'."],
  ['assignee = "nobody@example.com"', "The value 'nobody@example.com' does not exist for the field 'assignee'."],
  ['parent = FLEX-99', "The value 'FLEX-99' does not exist for the field 'parent'."],
  ['key = NOPE-1', "An issue with key 'NOPE-1' does not exist for field 'key'."],
  ['key = GROW-1', "An issue with key 'GROW-1' does not exist for field 'key'.", 'carol'],
  ['project ~ FLEX', "The operator '~' is not supported by the 'project' field."],
  ['summary = "Refund email sent twice"', "The operator '=' is not supported by the 'summary' field."],
  ['learningText = refund', "The operator '=' is not supported by the 'learningText' field."],
  ['learningOutcome ~ valid', "The operator '~' is not supported by the 'learningOutcome' field."],
  ['labels > bug', "The operator '>' is not supported by the 'labels' field."],
  ['learningCount > many', "The value 'many' is not a valid number for the field 'learningCount'."],
  ['created > yesterday', "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'."],
  ['learningUpdated > "2026-13-01"', "Date value '2026-13-01' for field 'learningUpdated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'."],
  ['assignee in membersOf("team")', "Unsupported function 'membersOf()': the local Jira site does not evaluate it."],
  ['sprint in nosuch()', "Unable to find JQL function 'nosuch()'."],
  ['project = openSprints()', "The function 'openSprints' is not supported by the field 'project'."],
  ['project = FLEX ORDER BY text', "Field 'text' does not support sorting."],
  ['project = FLEX ORDER BY nosuchfield', "Field 'nosuchfield' does not exist or you do not have permission to view it."],
  ['status WAS Done', "History searches ('WAS') are not supported by the local Jira site."],
  ['summary ~ "*fund"', "The text query '*fund' for field 'summary' is not allowed to start with a wildcard."],
  ['ORDER BY created', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
  ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
  ['project = ', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query. The query is invalid.'],
  ['project FLEX', "Error in the JQL Query: Expecting operator but got 'FLEX'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)"],
  ['learningText ~ refund*', "Error in the JQL Query: The character '*' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002a' instead. (line 1, character 22)"],
  ['(project = FLEX', "Error in the JQL Query: Expecting ')' but got 'the end of the query'. (line 1, character 16)"],
];

describe('JQL errors answer 400 as Jira does', () => {
  it.each(ERRORS)('%s → %s', (jql, message, as = 'alice') => {
    const { status, body } = search(jql, as);
    expect(status).toBe(400);
    expect(body).toEqual({ errorMessages: [message], errors: {}, warningMessages: [] });
  });

  it('reports every error of a query at once', () => {
    const { body } = search('foo = 1 AND project = NOPE');
    expect(body.errorMessages).toEqual(["Field 'foo' does not exist or you do not have permission to view it.", "The value 'NOPE' does not exist for the field 'project'."]);
  });
});
