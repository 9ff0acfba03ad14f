/** What `startSite()` takes and what it gives back: the emulator's public surface. */
import type { Accounting, CallRecord } from '../controls/accounting';
import type { ContractLedger } from '../runtime/contract-ledger';
import type { FaultRegistry } from '../controls/fault-registry';
import type { SiteSettings } from '../controls/site-settings';
import type { UserConsent } from '../controls/user-consent';
import type { CspReports } from '../hosting/csp-reports';
import type { ExportedMacro, ExportType } from '../hosting/export-types';
import type { IssuePanelPlacementSeed, IssuePanelPlacements } from '../hosting/issue-panel-placement';
import type { ConfluenceDataset, ConfluenceStandIn } from '../confluence/confluence-stand-in';
import type { ColorMode, FrameGrant, FrameRegistry } from '../hosting/frames';
import type { ModuleHosts } from '../hosting/module-hosts';
import type { IssueColumn } from '../hosting/pages/jira-pages';
import type { JiraStandIn } from '../jira/jira-stand-in';
import type { KvsStandIn } from '../kvs/kvs-stand-in';
import type { ForgeFunctionHandler } from '../runtime/invocation';
import type { ForgeEventHandler } from './invoke-function';
import type { AppTriggers } from './app-triggers';
import type { PersonalDataReporting } from '../privacy/personal-data-reporting';
import type { LocalStore } from '../store/local-store';
import type { SiteDataset, UserRow } from '../store/rows';

/** What a site starts with, and what `reset()` (and the "Reset" button) puts back. */
export interface SiteSeed {
  /** Jira's users, grants, projects, sprints, issues and issue properties, and the app's Forge KVS entries. */
  jira(): SiteDataset;
  /** Confluence's spaces and pages; none when absent. */
  confluence?(): ConfluenceDataset;
  /** Where the issue panels show: on the issues they were added to, or pinned for all; none when absent (as in Jira). */
  issuePanels?(): IssuePanelPlacementSeed;
}

/** How the site's own pages speak of the seeded data (nothing here reaches the app). */
export interface SitePresentation {
  /** In page titles; default "Local Forge site". */
  name?: string;
  /** The app's name on Forge's prompts (consent); default the package.json name beside the manifest, title-cased. */
  appName?: string;
  /** Beside "Acting as": what this user may do. */
  userNote?: (user: UserRow) => string;
  /** The issue lists' last column; by default the issue's property keys. */
  issueColumn?: IssueColumn;
}

export interface StartSiteOptions {
  /** 0 picks a free port. Default 4100. */
  port?: number;
  /** Where the database lives; undefined keeps it in memory. */
  dataDir?: string;
  /** Seeded into an empty store (a persisted store keeps its data); none: the site starts empty. */
  seed?: SiteSeed;
  presentation?: SitePresentation;
  /** The resolver function; default the manifest's `function` handler (src/index.ts's `handler`), loaded on first use. */
  handler?: ForgeFunctionHandler;
  /** Other `function` modules by key (default: the manifest's handlers, loaded on first use). */
  functions?: Record<string, ForgeEventHandler>;
  /** Where Custom UI builds are read from; defaults to <app>/static. */
  staticDir?: string;
  /** Interface to listen on (default 127.0.0.1). */
  hostname?: string;
  /** The manifest whose macro / jira:projectPage / jira:issuePanel modules are hosted; default the app's manifest.yml. */
  manifestPath?: string;
  /** Where the manifest's resource paths are resolved from; default the manifest's folder. */
  staticRoot?: string;
  /**
   * Check every stand-in response against its operation's documented statuses and schemas, recording
   * a mismatch as a contract violation (`site.contract`). Default: on when EMULATOR_VALIDATE_RESPONSES=1
   * (the jest config sets it). Requests are always checked.
   */
  validateResponses?: boolean;
  /**
   * How soon reads see writes. Default `'eventual'`, as on Jira and Forge: JQL searches see a
   * property write 2 s after it (at once for issues in `reconcileIssues`), KVS queries see a
   * set or delete 1 s after it (`get` is always current). `'instant'`: at once, for a test that
   * needs it (say why). Or the delays themselves, in ms.
   */
  consistency?: 'eventual' | 'instant' | SiteConsistency;
  /** How long an expired KVS key is still read; default 48 h (Forge: deletion "may take up to 48 hours"). 0: exact. */
  kvsExpiryGraceMs?: number;
}

export interface SiteConsistency {
  searchIndexDelayMs?: number;
  kvsQueryDelayMs?: number;
}

export interface InvokeRequest {
  functionKey: string;
  /** Sent as is (JSON round-tripped), so tests can send bad input too. */
  payload?: unknown;
  /** A user handle ("alice") or an account id. */
  as: string;
  /** Builds the issue panel context for this issue... */
  issueKey?: string;
  /** ...or pass a whole module context (without accountId). */
  context?: Record<string, unknown>;
}

export interface InvokeResult<Result = unknown> {
  /** What the resolver returned, JSON round-tripped; typed by the caller, who knows the app. */
  result: Result;
  /** Every stand-in call this invocation made, in order. */
  calls: CallRecord[];
  ms: number;
}

export interface JiraCallResult {
  status: number;
  headers: Record<string, string>;
  text: string | null;
  /** The body parsed as JSON, or undefined when empty or not JSON. */
  body: unknown;
}

export interface LocalSite {
  /** e.g. http://localhost:4100 */
  readonly url: string;
  readonly port: number;
  readonly store: LocalStore;
  readonly accounting: Accounting;
  readonly frames: FrameRegistry;
  /** The Jira stand-in; `jira.injectFault(...)` plants into `faults`. */
  readonly jira: JiraStandIn;
  readonly kvs: KvsStandIn;
  /** Spaces and pages with macros, and Confluence REST. */
  readonly confluence: ConfluenceStandIn;
  /** Fault injection (latency, 429, 5xx, timeouts, malformed properties) for Jira, KVS and Confluence. */
  readonly faults: FaultRegistry;
  /** Run-time switches, e.g. `settings.confluenceAsUserJira = 'needs-auth'`. */
  readonly settings: SiteSettings;
  /** Atlassian's contracts at the seam: operations called, calls validated, warnings, refusals, violations. */
  readonly contract: Pick<ContractLedger, 'summary' | 'reset'>;
  /** Manifest-driven hosting: open macro, macro config and project page frames. */
  readonly hosts: ModuleHosts;
  /** Runs a resolver as Forge would, as the given user, with the issue panel context (or the given one). */
  invoke<Result = unknown>(request: InvokeRequest): Promise<InvokeResult<Result>>;
  /**
   * Invokes a `function` module that is not a resolver, as Forge does: `handler(event, { principal, installContext })`
   * as the given user, in the given module context (default: none, Jira). Throws `InvocationError` when it throws.
   */
  invokeFunction<Result = unknown>(
    functionKey: string,
    event: unknown,
    opts: { as: string; context?: Record<string, unknown> },
  ): Promise<InvokeResult<Result>>;
  /**
   * A page as Confluence's PDF/Word export sees it: each macro's `adfExport` function called once per
   * instance as the given user (`adf`), or why there is nothing (`problem`). Also at `/wiki/spaces/:key/pages/:id/export`.
   */
  exportPage(pageId: string, opts: { as: string; exportType?: ExportType }): Promise<{ exportType: ExportType; macros: ExportedMacro[] }>;
  /** Who allowed the app to act as them (the consent prompt): `consent.grant(accountId)`, `has`, `revoke`, `clear`. */
  readonly consent: UserConsent;
  /** Where the issue panels show: `panels.add(issueKey, moduleKey)`, `remove`, `pin(moduleKey)`, `unpin`, `isShown`. */
  readonly panels: IssuePanelPlacements;
  /** The CSP violations resource frames reported (what Forge would have blocked). */
  readonly cspReports: CspReports;
  /**
   * api.atlassian.com's Personal data reporting API: `privacy.closeAccount(accountId)` (reported
   * as `closed` from then on), `markUpdated(accountId)`, `reports` (every request received), `cyclePeriod`.
   */
  readonly privacy: PersonalDataReporting;
  /**
   * The app's `scheduledTrigger` modules (`triggers.runScheduled(key)`, `startSchedules()`) and its
   * `trigger` modules: product events such as an issue's deletion are delivered on the next turn;
   * `await triggers.settle()` waits for them, `triggers.delivered` lists them.
   */
  readonly triggers: AppTriggers;
  /** Runs a `scheduledTrigger` module's function now, without a principal, as its schedule would. */
  runScheduledTrigger<Result = unknown>(moduleKey: string): Promise<InvokeResult<Result>>;
  /** Runs `fn` with `asUser()` acting as this user (handle or account id). */
  runAs<T>(user: string, fn: () => Promise<T>): Promise<T>;
  /** One call to the Jira stand-in, as a user (handle or account id) or as 'app'. Accounted. */
  requestJira(as: string, method: string, path: string, body?: string | null, headers?: Record<string, string>): Promise<JiraCallResult>;
  /** Issues a frame token for the manifest's issue panel, as the issue page does. */
  openIssuePanel(user: string, issueKey: string, colorMode?: ColorMode): { grant: FrameGrant; src: string };
  /** Puts the seed back (Jira, KVS and Confluence); empties them when the site has no seed. */
  reset(): void;
  user(handleOrAccountId: string): UserRow;
  close(): Promise<void>;
}
