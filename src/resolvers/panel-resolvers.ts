import type { Handlers } from '@forge/resolver';
import * as z from '../domain/schema/zod';
import { displayNames } from '../app/people/display-names';
import { getPanel } from '../app/record/get-panel';
import { listHistory } from '../app/record/list-history';
import { restoreRevision } from '../app/record/restore-revision';
import { saveLearning } from '../app/record/save-learning';
import type { PanelDefs, PeopleNamesPayload, RestorePayload, SaveLearningPayload } from '../contract/panel';
import { PEOPLE_PER_LOOKUP } from '../contract/limits';
import { ACCOUNT_ID_PATTERN } from '../domain/record/identifiers';
import { draftSchema } from '../domain/record/record-schema';
import { goalsServedByIssue } from '../app/sprint-goals/goals-served-by-issue';
import { panelDeps, peopleDeps, recordDeps, saveDeps, servedGoalsDeps } from './forge-deps';
import { accountOf, issueContextOf } from './resolver-context';
import { noPayload, runResolver } from './run-resolver';

const revisionNumber = z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER));
const savePayload = z.strictObject({ baseRevision: revisionNumber, draft: draftSchema }) satisfies z.ZodMiniType<SaveLearningPayload>;
const restorePayload = z.strictObject({
  revision: z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
  baseRevision: revisionNumber,
}) satisfies z.ZodMiniType<RestorePayload>;
const peopleNamesPayload = z.strictObject({
  accountIds: z
    .array(z.string().check(z.regex(ACCOUNT_ID_PATTERN, 'An account id holds 1 to 128 letters, digits, ":", "-" and "_".')))
    .check(z.maxLength(PEOPLE_PER_LOOKUP, `Ask for at most ${PEOPLE_PER_LOOKUP} people at a time.`)),
}) satisfies z.ZodMiniType<PeopleNamesPayload>;

/** The Jira issue panel: the issue and the person always come from the context. */
export const panelHandlers: Handlers<PanelDefs> = {
  'learning/get': ({ payload, context }) =>
    runResolver(noPayload, payload, () => {
      const { issue, accountId } = issueContextOf(context);
      return getPanel(panelDeps(), { issueKey: issue.key, accountId });
    }),
  'learning/save': ({ payload, context }) =>
    runResolver(savePayload, payload, (input) => saveLearning(saveDeps(), { ...issueContextOf(context), ...input })),
  'history/list': ({ payload, context }) =>
    runResolver(noPayload, payload, () => listHistory(recordDeps(), { issue: issueContextOf(context).issue })),
  'history/restore': ({ payload, context }) =>
    runResolver(restorePayload, payload, (input) => restoreRevision(recordDeps(), { ...issueContextOf(context), ...input })),
  'goals/forIssue': ({ payload, context }) =>
    runResolver(noPayload, payload, async () => {
      const { issue } = issueContextOf(context);
      return { goals: await goalsServedByIssue(servedGoalsDeps(), { issueKey: issue.key }) };
    }),
  'people/lookup': ({ payload, context }) =>
    runResolver(peopleNamesPayload, payload, (input) => {
      accountOf(context); // any surface, as a signed-in person: Jira decides whom they may see
      return displayNames(peopleDeps(), input);
    }),
};
