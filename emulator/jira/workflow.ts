/**
 * The site's one workflow: its statuses, their ids and categories, and whether an
 * issue in each may be edited. Many Jira workflows set the status property
 * `jira.issue.editable=false` on their final status (here `Closed`): Jira then
 * offers no field to edit (`expand=editmeta` answers `{ fields: {} }`, even to someone
 * who holds Edit issues), while issue properties may still be written by anyone with
 * Browse and Edit issues: the property endpoints check permissions, not the workflow.
 */
import type { IssueRow } from '../store/rows';

export type IssueStatus = IssueRow['status'];

export interface StatusCategory {
  id: number;
  key: 'new' | 'indeterminate' | 'done';
  colorName: string;
  name: string;
}

const TO_DO: StatusCategory = { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' };
const IN_PROGRESS: StatusCategory = { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' };
const DONE: StatusCategory = { id: 3, key: 'done', colorName: 'green', name: 'Done' };

export const WORKFLOW: Record<IssueStatus, { id: string; category: StatusCategory; editable: boolean }> = {
  'To Do': { id: '10000', category: TO_DO, editable: true },
  'In Progress': { id: '3', category: IN_PROGRESS, editable: true },
  'In Review': { id: '10002', category: IN_PROGRESS, editable: true },
  Done: { id: '10001', category: DONE, editable: true },
  // jira.issue.editable = false
  Closed: { id: '6', category: DONE, editable: false },
};

/** The statuses in workflow order (JQL orders `status` by it). */
export const STATUS_ORDER = Object.keys(WORKFLOW) as IssueStatus[];

/** Whether the workflow lets fields of an issue in this status be edited (jira.issue.editable). */
export const isEditableStatus = (status: IssueStatus): boolean => WORKFLOW[status].editable;

/** Done-category statuses carry a resolution (Done), as the demo's workflow sets on the way there. */
export const isResolvedStatus = (status: IssueStatus): boolean => WORKFLOW[status].category.key === 'done';
