import type { PanelView } from '../../contract/resolvers';
import { readStoredProperty } from '../../domain/record/record-schema';
import type { IssueLearningsPort } from '../../ports/record/issue-learnings.port';
import type { BrowsePermissionPort } from '../../ports/search/issue-search.port';
import { hideUnbrowsableLinks } from './hide-unbrowsable-links';
import { propertySizeOf, sizeReportOf } from '../../domain/record/learning-record';

export interface GetPanelDeps {
  issueLearnings: IssueLearningsPort;
  permissions: BrowsePermissionPort;
}

/** Opening the panel: one Jira call (two when the record links earlier issues, to hide those the viewer cannot browse). */
export async function getPanel(deps: GetPanelDeps, input: { issueKey: string; accountId: string }): Promise<PanelView> {
  const loaded = await deps.issueLearnings.loadForPanel(input.issueKey);
  const reading = readStoredProperty(loaded.property);
  const stored = reading.kind === 'record' ? reading.record : null;
  const [record = null] = stored ? await hideUnbrowsableLinks(deps.permissions, input.accountId, [stored]) : [];
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
  };
}
