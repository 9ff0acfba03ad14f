import { makeResolver } from '@forge/resolver';
import { z } from 'zod';
import { checkJql } from '../app/check-jql';
import { collectLearnings } from '../app/collect-learnings';
import { displayNames } from '../app/display-names';
import { getPanel } from '../app/get-panel';
import { listHistory } from '../app/list-history';
import { restoreRevision } from '../app/restore-revision';
import { saveLearning } from '../app/save-learning';
import type { WriteDeps } from '../app/write-revision';
import type { LearningLoopDefs } from '../contract/resolvers';
import { MACRO_LIMITS, macroConfigOf, macroConfigSchema, queryOf } from '../domain/macro-config';
import { draftSchema } from '../domain/record-schema';
import { JiraIssueLearnings } from '../forge/jira-issue-learnings';
import { JiraBrowsePermissions, JiraIssueSearch } from '../forge/jira-issue-search';
import { JiraPeopleDirectory } from '../forge/jira-people-directory';
import { KvsLearningHistory } from '../forge/kvs-learning-history';
import { accountOf, issueContextOf, macroContextOf } from './resolver-context';
import { runResolver } from './run-resolver';

const noPayload = z.strictObject({}, { error: 'This action takes no input.' });
const revisionNumber = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const savePayload = z.strictObject({ baseRevision: revisionNumber, draft: draftSchema });
const restorePayload = z.strictObject({ revision: revisionNumber.min(1), baseRevision: revisionNumber });
const peopleNamesPayload = z.strictObject({
  accountIds: z
    .array(z.string().min(1).max(128).regex(/^[A-Za-z0-9:_-]+$/, 'An account id holds only letters, digits, ":", "-" and "_".'))
    .max(50, 'Ask for at most 50 people at a time.'),
});

const pageToken = z.string().max(2000).nullable().optional();
const macroLearningsPayload = z.strictObject({ pageToken, config: macroConfigSchema.optional() });
const jqlCheckPayload = z.strictObject({ jql: z.string().max(MACRO_LIMITS.jqlChars, `The JQL may be at most ${MACRO_LIMITS.jqlChars} characters.`) });

function searchDeps() {
  return {
    userSearch: new JiraIssueSearch('user'),
    appSearch: new JiraIssueSearch('app'),
    permissions: new JiraBrowsePermissions(),
    now: () => new Date(),
  };
}

function forgeDeps(): WriteDeps {
  return { issueLearnings: new JiraIssueLearnings('user'), history: new KvsLearningHistory(), now: () => new Date() };
}

export const learningResolvers = makeResolver<LearningLoopDefs>({
  'learning/get': ({ payload, context }) =>
    runResolver(noPayload, payload, () => {
      const { issue, accountId } = issueContextOf(context);
      return getPanel(forgeDeps(), { issueKey: issue.key, accountId });
    }),
  'learning/save': ({ payload, context }) =>
    runResolver(savePayload, payload, (input) => saveLearning(forgeDeps(), { ...issueContextOf(context), ...input })),
  'history/list': ({ payload, context }) =>
    runResolver(noPayload, payload, () => listHistory(forgeDeps(), { issue: issueContextOf(context).issue })),
  'history/restore': ({ payload, context }) =>
    runResolver(restorePayload, payload, (input) => restoreRevision(forgeDeps(), { ...issueContextOf(context), ...input })),
  'people/names': ({ payload, context }) =>
    runResolver(peopleNamesPayload, payload, (input) => {
      issueContextOf(context); // only from an issue, as a signed-in person
      return displayNames({ people: new JiraPeopleDirectory('user') }, input);
    }),
  'macro/learnings': ({ payload, context }) =>
    runResolver(macroLearningsPayload, payload, async (input) => {
      const { accountId, storedConfig, isConfiguring } = macroContextOf(context);
      // The page's stored config rules; a payload config is only a preview inside the config view.
      const config = isConfiguring && input.config ? input.config : macroConfigOf(storedConfig);
      const page = await collectLearnings(searchDeps(), { accountId, query: queryOf(config), pageToken: input.pageToken });
      return { ...page, config };
    }),
  'jql/check': ({ payload, context }) =>
    runResolver(jqlCheckPayload, payload, (input) => {
      accountOf(context);
      return checkJql(searchDeps(), input);
    }),
});
