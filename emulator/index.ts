/**
 * The emulator's public API. Everything outside emulator/ (the app's tests,
 * the demo site, the benchmarks) imports the emulator from here and from
 * nowhere else (dependency-cruiser enforces it).
 */

// Start a site, invoke resolvers as a user, reset it: site.invoke / site.runAs / site.requestJira / site.reset.
export { startSite } from './site/start-site';
export { writeManifestVariant, type ManifestVariant, type ManifestVariantOptions } from './site/manifest-variant';
export type {
  InvokeRequest,
  InvokeResult,
  JiraCallResult,
  LocalSite,
  SitePresentation,
  SiteConsistency,
  SiteSeed,
  StartSiteOptions,
} from './site/site-options';
export { InvocationError, type ForgeFunctionHandler } from './runtime/invocation';
export type { ForgeEventHandler } from './site/invoke-function';

// The app's lifecycle: scheduled and product-event triggers, and the Personal data reporting API.
export type { AppTriggers, EventDelivery, ProductEvent } from './site/app-triggers';
export {
  REPORT_ACCOUNTS_MAX,
  type PersonalDataReport,
  type PersonalDataReporting,
  type ReportedAccount,
} from './privacy/personal-data-reporting';

// How Forge hosts the resources: issue panel placement, exports, CSP violations, consent.
export type { IssuePanelPlacementSeed } from './hosting/issue-panel-placement';
export type { ExportedMacro, ExportType } from './hosting/export-types';
export type { CspViolation } from './hosting/csp-reports';
export { FORGE_SANDBOX } from './hosting/frame-policy';
export { adfToHtml } from './hosting/adf-html';

// What a site is seeded with.
export type { IssueRow, PermissionLevel, Priority, ProjectRow, SiteDataset, SprintRow, UserRow } from './store/rows';
export type { ConfluenceDataset, MacroBlock, PageBlock, PageRow, SpaceRow } from './confluence/confluence-stand-in';
export { paragraphsOf } from './confluence/confluence-stand-in';
export { LocalStore } from './store/local-store';
export type { IssueColumn } from './hosting/pages/jira-pages';

// Forge's module contexts, for invoking a resolver as a module without a frame.
export { GLOBAL_PAGE_PATH, globalPageContext, issuePanelContext, macroContext, projectPageContext } from './hosting/module-contexts';
export { sprintActionContext, backlogPathOf } from './hosting/sprint-action-context';

// Controls: faults, settings, accounting.
export type { Fault, FaultSpec, FaultTarget, MalformedPropertyOptions } from './controls/fault-registry';
export type { SiteSettings } from './controls/site-settings';
export type { AccountingSnapshot, CallProvider, CallRecord, InvocationRecord } from './controls/accounting';

// Jira's documented limits the emulator enforces, for tests that probe them.
export { SEARCH_LIMITS } from './jira/search/search-service';
export { PROPERTY_VALUE_MAX_CHARS } from './jira/issue-routes';

// Atlassian's published contracts (the vendored OpenAPI specs): operations, their scopes, validation.
export { loadContracts } from './contract';
export { formatScopeTable, readManifestScopes, scopeTable, type AppCall, type ScopeTableRow } from './contract/scope-table';
export type { MatchedOperation, Problem, ScopeVerdict } from './contract/types';
// What the contract checks at the runtime's seam found (site.contract, and the process's ledger).
export {
  CONTRACT_LEDGER_KEY,
  type ContractFinding,
  type ContractSummary,
  type FindingKind,
  type FindingSide,
  type OperationTally,
} from './runtime/contract-ledger';
