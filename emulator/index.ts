/**
 * The emulator's public API: everything outside emulator/ (the app's tests,
 * the demo site, the benchmarks) imports it from here and from nowhere else.
 */
export { startSite, InvocationError } from './site/start-site';
export type { LocalSite, StartSiteOptions, InvokeRequest, InvokeResult, JiraCallResult } from './site/start-site';
export type { ForgeFunctionHandler } from './runtime/forge-fetch';
export type { CallRecord, CallProvider, InvocationRecord, AccountingSnapshot } from './controls/accounting';
export { LocalStore } from './store/local-store';
export type { DemoDataset, IssueRow, PermissionLevel, Priority, ProjectRow, SprintRow, UserRow } from './store/local-store';
export { macroContext, projectPageContext } from './hosting/module-hosts';
