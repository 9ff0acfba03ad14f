import type { PanelView } from '../contract/resolvers';
import { readStoredProperty } from '../domain/record-schema';
import type { IssueLearningsPort } from '../ports/issue-learnings.port';
import { propertySizeOf, sizeReportOf } from '../domain/learning-record';

export interface GetPanelDeps {
  issueLearnings: IssueLearningsPort;
}

/** Opening the panel: one Jira call. */
export async function getPanel(deps: GetPanelDeps, input: { issueKey: string; accountId: string }): Promise<PanelView> {
  const loaded = await deps.issueLearnings.loadForPanel(input.issueKey);
  const reading = readStoredProperty(loaded.property);
  const record = reading.kind === 'record' ? reading.record : null;
  return {
    issue: loaded.issue,
    record,
    unreadable: reading.kind === 'unreadable' ? { reason: reading.reason } : null,
    canEdit: loaded.canEdit,
    viewerAccountId: input.accountId,
    size: sizeReportOf(record ? propertySizeOf(record) : 0),
  };
}
