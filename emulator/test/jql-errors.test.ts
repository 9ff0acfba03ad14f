/** JQL the search refuses: the 400 answers Jira gives, on the fixed site of the conformance tests. */
import { useJqlFixedSite } from './support/jql-fixed-site';

const { search } = useJqlFixedSite();

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
  [
    'created > yesterday',
    "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
  ],
  [
    'learningUpdated > "2026-13-01"',
    "Date value '2026-13-01' for field 'learningUpdated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
  ],
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
  [
    'project FLEX',
    "Error in the JQL Query: Expecting operator but got 'FLEX'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)",
  ],
  [
    'learningText ~ refund*',
    "Error in the JQL Query: The character '*' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002a' instead. (line 1, character 22)",
  ],
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
    expect(body.errorMessages).toEqual([
      "Field 'foo' does not exist or you do not have permission to view it.",
      "The value 'NOPE' does not exist for the field 'project'.",
    ]);
  });
});
