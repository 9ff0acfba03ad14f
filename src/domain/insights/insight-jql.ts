/** The JQL that lists what a figure counts: the project's issues with a record in one period, every value quoted. */
import { quoteJqlValue } from '../search/jql-text';
import type { Period } from './issue-facts';

/** Every issue of the project that holds a record (a record always has a learning count, 0 included). */
export const projectRecordsJql = (projectKey: string): string => `project = ${quoteJqlValue(projectKey)} AND learningCount >= 0`;

/** Every issue of the project: what the viewer's and the app's counts compare. */
export const projectIssuesJql = (projectKey: string): string => `project = ${quoteJqlValue(projectKey)}`;

export function periodRecordsJql(projectKey: string, period: Period): string {
  if (period.kind === 'sprint' && period.sprintId !== null) return `${projectRecordsJql(projectKey)} AND sprint = ${period.sprintId}`;
  const month = period.label;
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return `${projectRecordsJql(projectKey)} AND sprint IS EMPTY AND updated >= ${quoteJqlValue(`${month}-01`)} AND updated < ${quoteJqlValue(`${next}-01`)}`;
}
