import { makeResolver } from '@forge/resolver';
import { z } from 'zod';
import { getPanel } from '../app/get-panel';
import { listHistory } from '../app/list-history';
import { restoreRevision } from '../app/restore-revision';
import { saveLearning } from '../app/save-learning';
import type { WriteDeps } from '../app/write-revision';
import type { LearningLoopDefs } from '../contract/resolvers';
import { draftSchema } from '../domain/record-schema';
import { JiraIssueLearnings } from '../forge/jira-issue-learnings';
import { KvsLearningHistory } from '../forge/kvs-learning-history';
import { issueContextOf } from './resolver-context';
import { runResolver } from './run-resolver';

const noPayload = z.strictObject({}, { error: 'This action takes no input.' });
const revisionNumber = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const savePayload = z.strictObject({ baseRevision: revisionNumber, draft: draftSchema });
const restorePayload = z.strictObject({ revision: revisionNumber.min(1), baseRevision: revisionNumber });

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
});
