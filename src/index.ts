export { handler } from './resolvers';
/** The macro's `adfExport` (PDF and Word export of a Confluence page). */
export { exportMacro } from './functions/macro-export';
/** The issue glance's badge (`dynamicProperties`). */
export { glanceStatus } from './functions/glance-status';
