/**
 * JQL conformance: a table of queries with the issue keys Jira would return,
 * on a small fixed site (support/jql-fixed-site.ts, so every expectation can be
 * checked by hand).
 *
 * "Now" is Thursday 2026-11-12 12:00 UTC and every user is in UTC, so the
 * relative dates below are easy to check: -7d = 11-05 12:00, startOfWeek()
 * = Sunday 11-08 00:00 (en_US weeks), startOfDay() = 11-12 00:00.
 */
import { DEMO_USERS as U } from '../../demo';
import { useJqlFixedSite } from './support/jql-fixed-site';

const { keys } = useJqlFixedSite();

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
