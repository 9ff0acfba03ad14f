/**
 * The parts of one running site, made together: the store and every stand-in
 * over it, the controls (accounting, faults, settings), the manifest's modules
 * and the Forge host the runtime calls. The routes and `startSite()` share them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Accounting } from '../controls/accounting';
import { FaultRegistry } from '../controls/fault-registry';
import { DEFAULT_SETTINGS, type SiteSettings } from '../controls/site-settings';
import { consentAwareSettings, UserConsent } from '../controls/user-consent';
import { ConfluenceStandIn, EMPTY_CONFLUENCE } from '../confluence/confluence-stand-in';
import { CspReports } from '../hosting/csp-reports';
import { FrameRegistry } from '../hosting/frames';
import { IssuePanelPlacements } from '../hosting/issue-panel-placement';
import { ModuleRegistry } from '../hosting/module-registry';
import { PROPERTY_KEYS_COLUMN, type IssueColumn } from '../hosting/pages/jira-pages';
import { JiraStandIn, type JiraActor } from '../jira/jira-stand-in';
import { manifestAliases } from '../jira/search/manifest-aliases';
import { DEFAULT_INDEX_DELAY_MS } from '../jira/search/search-service';
import { DEFAULT_KVS_SETTINGS, KvsStandIn } from '../kvs/kvs-stand-in';
import type { CallProvider } from '../controls/accounting';
import { appPermissionsOf } from '../runtime/app-manifest';
import { ContractLedger, processLedger } from '../runtime/contract-ledger';
import { callStandIn, toStandInRequest, type HeadersInput } from '../runtime/forge-fetch';
import type { ForgeFunctionHandler } from '../runtime/invocation';
import { scopes, type ForgeHost } from '../runtime/invocation-scope';
import type { StandInResponse } from '../runtime/stand-in-http';
import { LocalStore } from '../store/local-store';
import type { SiteDataset, UserRow } from '../store/rows';
import { PersonalDataReporting } from '../privacy/personal-data-reporting';
import { AppTriggers } from './app-triggers';
import { FunctionLoader, runFunction, type FunctionCall } from './invoke-function';
import { frameOpenersOf, lookupsOf, type IssueFrameOpeners, type SiteLookups } from './issue-frames';
import type { StartSiteOptions } from './site-options';

const EMPTY_DATASET: SiteDataset = { users: [], grants: [], projects: [], sprints: [], issues: [], properties: [], kvs: [] };

/** How the site's pages present the data (see SitePresentation), with the defaults filled in. */
export interface Presentation {
  name: string;
  /** The hosted app's name, as Forge's consent prompt says it. */
  appName: string;
  userNote(user: UserRow): string;
  issueColumn: IssueColumn;
}

export interface SiteParts extends SiteLookups, IssueFrameOpeners {
  store: LocalStore;
  accounting: Accounting;
  frames: FrameRegistry;
  jira: JiraStandIn;
  kvs: KvsStandIn;
  confluence: ConfluenceStandIn;
  faults: FaultRegistry;
  settings: SiteSettings;
  /** What the contract checks found on this site (the process's ledger sums every site). */
  contract: ContractLedger;
  /** Who allowed the app to act as them (the consent prompt's "Allow access"). */
  consent: UserConsent;
  /** Where the manifest's issue panels show (added per issue, or pinned for all). */
  panels: IssuePanelPlacements;
  /** CSP violations the resource frames reported. */
  cspReports: CspReports;
  /** api.atlassian.com's Personal data reporting API: closed accounts, what it received. */
  privacy: PersonalDataReporting;
  /** The app's scheduled triggers (run on demand or on a timer) and product event triggers. */
  triggers: AppTriggers;
  registry: ModuleRegistry;
  host: ForgeHost;
  presentation: Presentation;
  siteUrl: () => string;
  setSiteUrl(url: string): void;
  /** The resolver function, loaded on first use. */
  /** The resolver function of the module the call comes from (its context's `moduleKey`), as Forge routes it; else the manifest's first function. */
  appHandler(moduleKey?: unknown): ForgeFunctionHandler;
  /** Invokes a `function` module that is not a resolver (dynamicProperties, adfExport, triggers). */
  invokeFunction(call: FunctionCall): ReturnType<typeof runFunction>;
  /** One accounted call to the Jira stand-in, faults applied. */
  callJira(
    actor: JiraActor,
    method: string,
    restPath: string,
    bodyText: string | null,
    headers: HeadersInput,
    provider: CallProvider,
  ): Promise<StandInResponse>;
  /** Puts the seed back everywhere (or empties the site when it has none). */
  reset(): void;
}

/** The handler the manifest names (`function` module, `handler: index.handler`), required as Forge loads it. */
function loadHandler(registry: ModuleRegistry, moduleKey: unknown): ForgeFunctionHandler {
  const ref = (typeof moduleKey === 'string' ? registry.resolverHandlerOf(moduleKey) : undefined) ?? registry.functionHandler();
  if (!ref) throw new Error(`${registry.manifestPath} declares no function module: pass startSite({ handler }).`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(ref.file) as Record<string, unknown>;
  const handler = loaded[ref.exportName];
  if (typeof handler !== 'function')
    throw new Error(`${path.relative(process.cwd(), ref.file)} does not export a \`${ref.exportName}\` function.`);
  return handler as ForgeFunctionHandler;
}

/** Each module's resolver function, loaded once (a test's `startSite({ handler })` stands in for all of them). */
function resolverHandlersOf(
  registry: ModuleRegistry,
  override: ForgeFunctionHandler | undefined,
): (moduleKey: unknown) => ForgeFunctionHandler {
  const loaded = new Map<string, ForgeFunctionHandler>();
  return (moduleKey) => {
    if (override) return override;
    const cacheKey = typeof moduleKey === 'string' ? moduleKey : '';
    const handler = loaded.get(cacheKey) ?? loadHandler(registry, moduleKey);
    loaded.set(cacheKey, handler);
    return handler;
  };
}

/** Forge shows the name the app was registered with; locally, the package.json name beside the manifest ("learning-loop": "Learning Loop"). */
function appNameBeside(manifestPath: string): string {
  try {
    const { name } = JSON.parse(fs.readFileSync(path.join(path.dirname(manifestPath), 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof name === 'string' && name)
      return name
        .replace(/^@[^/]+\//, '')
        .split(/[-_]/)
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(' ');
  } catch {
    // no package.json: the generic name below
  }
  return 'This app';
}

function presentationOf(opts: StartSiteOptions, registry: ModuleRegistry): Presentation {
  return {
    name: opts.presentation?.name ?? 'Local Forge site',
    appName: opts.presentation?.appName ?? appNameBeside(registry.manifestPath),
    userNote: opts.presentation?.userNote ?? (() => ''),
    issueColumn: opts.presentation?.issueColumn ?? PROPERTY_KEYS_COLUMN,
  };
}

function seedStore(store: LocalStore, confluence: ConfluenceStandIn, opts: StartSiteOptions): void {
  const seed = opts.seed;
  if (!seed) return;
  if (!store.isSeeded()) store.replaceAll(seed.jira(), new Date().toISOString());
  if (!confluence.isSeeded) confluence.reset(seed.confluence?.() ?? EMPTY_CONFLUENCE);
}

/** The delays of `opts.consistency` (default: eventual, with the stand-ins' default delays). */
function consistencyOf(opts: StartSiteOptions): { searchIndexDelayMs: number; kvsQueryDelayMs: number } {
  const eventual = { searchIndexDelayMs: DEFAULT_INDEX_DELAY_MS, kvsQueryDelayMs: DEFAULT_KVS_SETTINGS.queryDelayMs };
  const asked = opts.consistency ?? 'eventual';
  if (asked === 'eventual') return eventual;
  if (asked === 'instant') return { searchIndexDelayMs: 0, kvsQueryDelayMs: 0 };
  return { ...eventual, ...asked };
}

/** The site's fault registry, which the Jira stand-in's own injectFault plants into too: one fault API. */
function faultsOf(store: LocalStore, jira: JiraStandIn): FaultRegistry {
  const faults = new FaultRegistry(store, () => manifestAliases().indexed[0]?.propertyKey);
  jira.injectFault = (fault) => void faults.add({ target: 'jira', ...fault });
  jira.clearFaults = () => {
    faults.clear('jira');
  };
  return faults;
}

export function createSiteParts(opts: StartSiteOptions): SiteParts {
  const store = LocalStore.open(opts.dataDir);
  let siteUrl = 'http://localhost';
  const registry = new ModuleRegistry({ manifestPath: opts.manifestPath, staticRoot: opts.staticRoot, staticDir: opts.staticDir });
  const jira = new JiraStandIn(store, () => siteUrl);
  const consistency = consistencyOf(opts);
  jira.search.setIndexDelay(consistency.searchIndexDelayMs);
  const confluence = new ConfluenceStandIn(store, () => siteUrl);
  seedStore(store, confluence, opts);
  const faults = faultsOf(store, jira);
  const consent = new UserConsent();
  const settings: SiteSettings = consentAwareSettings({ ...DEFAULT_SETTINGS }, consent, () => scopes.getStore()?.accountId ?? null);
  const panels = new IssuePanelPlacements(() => registry.modules('jira:issuePanel')[0]?.key);
  panels.reset(opts.seed?.issuePanels?.());
  const functions = new FunctionLoader(registry, opts.functions);
  const accounting = new Accounting();
  const kvs = new KvsStandIn(store, Date.now, {
    queryDelayMs: consistency.kvsQueryDelayMs,
    ...(opts.kvsExpiryGraceMs === undefined ? {} : { expiryGraceMs: opts.kvsExpiryGraceMs }),
  });
  const privacy = new PersonalDataReporting();
  const contract = new ContractLedger(processLedger());
  const validateResponses = opts.validateResponses ?? process.env.EMULATOR_VALIDATE_RESPONSES === '1';
  const permissions = appPermissionsOf(registry.manifestPath);
  const host: ForgeHost = {
    jira,
    kvs,
    accounting,
    confluence,
    faults,
    settings,
    atlassian: privacy,
    contract: { permissions, ledger: contract, validateResponses, siteUrl: () => siteUrl },
  };
  const triggers = new AppTriggers(registry, functions, (call) => runFunction(host, functions.handler(call.functionKey), call));
  jira.onEvent = (event) => {
    triggers.emit(event);
  };
  const frames = new FrameRegistry();
  const handlerFor = resolverHandlersOf(registry, opts.handler);
  const lookups = lookupsOf(store);

  const parts: SiteParts = {
    store,
    accounting,
    frames,
    jira,
    kvs,
    confluence,
    faults,
    settings,
    contract,
    consent,
    panels,
    registry,
    host,
    privacy,
    triggers,
    cspReports: new CspReports(),
    presentation: presentationOf(opts, registry),
    siteUrl: () => siteUrl,
    setSiteUrl: (url) => void (siteUrl = url),
    appHandler: handlerFor,
    ...lookups,
    ...frameOpenersOf(registry, frames, lookups, () => siteUrl),
    invokeFunction: (call) => runFunction(host, functions.handler(call.functionKey), call),
    async callJira(actor, method, restPath, bodyText, headers, provider) {
      const startedAt = Date.now();
      const req = await toStandInRequest(restPath, { method, headers, ...(bodyText === null ? {} : { body: bodyText }) });
      return callStandIn(host, 'jira', provider, req, () => jira.handle(actor, req), startedAt);
    },
    reset() {
      store.replaceAll(opts.seed?.jira() ?? EMPTY_DATASET, new Date().toISOString());
      confluence.reset(opts.seed?.confluence?.() ?? EMPTY_CONFLUENCE);
      panels.reset(opts.seed?.issuePanels?.());
      consent.clear();
      privacy.reset();
    },
  };
  return parts;
}
