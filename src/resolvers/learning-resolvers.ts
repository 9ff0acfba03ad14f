import { makeResolver } from '@forge/resolver';
import { z } from 'zod';
import { displayNames } from '../app/display-names';
import { getPanel } from '../app/get-panel';
import { listHistory } from '../app/list-history';
import { restoreRevision } from '../app/restore-revision';
import { saveLearning } from '../app/save-learning';
import type { WriteDeps } from '../app/write-revision';
import type { LearningLoopDefs } from '../contract/resolvers';
import { draftSchema } from '../domain/record-schema';
import { JiraIssueLearnings } from '../forge/jira-issue-learnings';
import { JiraPeopleDirectory } from '../forge/jira-people-directory';
import { KvsLearningHistory } from '../forge/kvs-learning-history';
import { issueContextOf } from './resolver-context';
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
});
