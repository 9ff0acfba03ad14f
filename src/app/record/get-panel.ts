import type { PanelView } from '../../contract/resolvers';
import { readStoredProperty } from '../../domain/record/record-schema';
import type { IssueLearningsPort } from '../../ports/record/issue-learnings.port';
import type { PeopleDirectoryPort } from '../../ports/people/people-directory.port';
import type { BrowsePermissionPort } from '../../ports/search/issue-search.port';
import { hideUnbrowsableLinks } from './hide-unbrowsable-links';
import { namesWithinBudget } from '../people/names-within-budget';
import { sizeReportOf, type LearningRecord } from '../../domain/record/learning-record';
import { propertySizeOf } from '../../domain/record/stored-format';

export interface GetPanelDeps {
  issueLearnings: IssueLearningsPort;
  permissions: BrowsePermissionPort;
  people: PeopleDirectoryPort;
}

/**
 * Whom the panel names as it opens: the last editor ("Updated … by"), unless that is the viewer
 * ("you"). Entries show no author in the panel, so their authors are not looked up here.
 */
const namedOnOpen = (record: LearningRecord | null, viewer: string): string[] =>
  record && record.updatedBy !== viewer ? [record.updatedBy] : [];

/**
 * Opening the panel, in one invocation: one round of Jira calls for the issue, then, in parallel and only when
 * needed, the permission check that hides linked issues the viewer cannot browse and the names of the people it
 * shows (as the viewer, bounded by NAMES_BUDGET_MS: without them the panel asks `people/lookup` itself).
 */
export async function getPanel(deps: GetPanelDeps, input: { issueKey: string; accountId: string }): Promise<PanelView> {
  const loaded = await deps.issueLearnings.loadForPanel(input.issueKey);
  const reading = readStoredProperty(loaded.property);
  const stored = reading.kind === 'record' ? reading.record : null;
  const [[record = null], names] = await Promise.all([
    stored ? hideUnbrowsableLinks(deps.permissions, input.accountId, [stored]) : Promise.resolve([]),
    namesWithinBudget(deps, namedOnOpen(stored, input.accountId)),
  ]);
  return {
    issue: loaded.issue,
    record,
    unreadable:
      reading.kind === 'unreadable' || reading.kind === 'newer'
        ? { kind: reading.kind === 'newer' ? 'newer' : 'broken', reason: reading.reason }
        : null,
    // A newer version's record is read-only here: this version could only overwrite it.
    canEdit: loaded.canEdit && reading.kind !== 'newer',
    viewerAccountId: input.accountId,
    size: sizeReportOf(record ? propertySizeOf(record) : 0),
    names,
  };
}
