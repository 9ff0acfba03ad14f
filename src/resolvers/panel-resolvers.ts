import type { Handlers } from '@forge/resolver';
import { z } from 'zod';
import { displayNames } from '../app/people/display-names';
import { getPanel } from '../app/record/get-panel';
import { listHistory } from '../app/record/list-history';
import { restoreRevision } from '../app/record/restore-revision';
import { saveLearning } from '../app/record/save-learning';
import type { PanelDefs } from '../contract/panel';
import { draftSchema } from '../domain/record/record-schema';
import { panelDeps, peopleDeps, recordDeps, saveDeps } from './forge-deps';
import { accountOf, issueContextOf } from './resolver-context';
import { runResolver } from './run-resolver';

export const noPayload = z.strictObject({}, { error: 'This action takes no input.' });
const revisionNumber = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const savePayload = z.strictObject({ baseRevision: revisionNumber, draft: draftSchema });
const restorePayload = z.strictObject({ revision: revisionNumber.min(1), baseRevision: revisionNumber });
const peopleNamesPayload = z.strictObject({
  accountIds: z
    .array(
      z
        .string()
        .min(1)
        .max(128)
        .regex(/^[A-Za-z0-9:_-]+$/, 'An account id holds only letters, digits, ":", "-" and "_".'),
    )
    .max(50, 'Ask for at most 50 people at a time.'),
});

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
  'people/names': ({ payload, context }) =>
    runResolver(peopleNamesPayload, payload, (input) => {
      accountOf(context); // any surface, as a signed-in person: Jira decides whom they may see
      return displayNames(peopleDeps(), input);
    }),
};
