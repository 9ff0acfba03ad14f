export { handler } from './resolvers';
/** The macro's `adfExport` (PDF and Word export of a Confluence page). */
export { exportMacro } from './functions/macro-export';
/** The issue glance's badge (`dynamicProperties`). */
export { glanceStatus } from './functions/glance-status';
/** The daily scheduled trigger: report the people the app holds data of, erase closed accounts' data. */
export { reportPersonalDataTrigger } from './functions/personal-data-report';
/** The `avi:jira:deleted:issue` trigger: forget what the app kept about a deleted issue. */
export { issueDeleted } from './functions/issue-deleted';
/** `avi:forge:installed:app` / `avi:forge:upgraded:app`: asks for a rebuild (lagging texts written within minutes). */
export { appInstalledOrUpgraded } from './functions/app-installed-or-upgraded';
/** The daily scheduled trigger: rebuild the insight aggregates from every issue with a record. */
export { rebuildInsightsTrigger } from './functions/insights-rebuild';
/** The five-minute scheduled trigger: run the insights rebuild an admin asked for, when one waits. */
export { rebuildInsightsOnRequest } from './functions/insights-rebuild-on-request';
