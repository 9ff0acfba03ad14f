/**
 * The parts of one running site, made together: the store and every stand-in
 * over it, the controls (accounting, faults, settings), the manifest's modules
 * and the Forge host the runtime calls. The routes and `startSite()` share them.
 */
import path from 'node:path';
import { Accounting } from '../controls/accounting';
import { FaultRegistry } from '../controls/fault-registry';
import { DEFAULT_SETTINGS, type SiteSettings } from '../controls/site-settings';
import { ConfluenceStandIn, EMPTY_CONFLUENCE } from '../confluence/confluence-stand-in';
import { FrameRegistry, frameSrcOf, type ColorMode, type OpenedFrame } from '../hosting/frames';
import { issuePanelContext } from '../hosting/module-contexts';
import { ModuleRegistry } from '../hosting/module-registry';
import { PROPERTY_KEYS_COLUMN, type IssueColumn } from '../hosting/pages/jira-pages';
import { JiraStandIn, type JiraActor } from '../jira/jira-stand-in';
import { manifestAliases } from '../jira/search/manifest-aliases';
import { KvsStandIn } from '../kvs/kvs-stand-in';
import type { CallProvider } from '../controls/accounting';
import { appPermissionsOf } from '../runtime/app-manifest';
import { ContractLedger, processLedger } from '../runtime/contract-ledger';
import { callStandIn, toStandInRequest, type HeadersInput } from '../runtime/forge-fetch';
import type { ForgeFunctionHandler } from '../runtime/invocation';
import type { ForgeHost } from '../runtime/invocation-scope';
import type { StandInResponse } from '../runtime/stand-in-http';
import { LocalStore } from '../store/local-store';
import type { IssueRow, ProjectRow, SiteDataset, UserRow } from '../store/rows';
import type { StartSiteOptions } from './site-options';

const EMPTY_DATASET: SiteDataset = { users: [], grants: [], projects: [], sprints: [], issues: [], properties: [], kvs: [] };

/** How the site's pages present the data (see SitePresentation), with the defaults filled in. */
export interface Presentation {
  name: string;
  userNote(user: UserRow): string;
  issueColumn: IssueColumn;
}

export interface SiteParts {
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
  registry: ModuleRegistry;
  host: ForgeHost;
  presentation: Presentation;
  siteUrl(): string;
  setSiteUrl(url: string): void;
  /** The resolver function, loaded on first use. */
  appHandler(): ForgeFunctionHandler;
  /** A user by handle or account id; throws for an unknown one. */
  user(handleOrAccountId: string): UserRow;
  /** An issue and its project, or a thrown error. */
  issue(issueKey: string): { issue: IssueRow; project: ProjectRow };
  /** The manifest's issue panel on an issue, for this user; undefined when the manifest declares none. */
  openIssuePanel(userRef: string, issueKey: string, colorMode?: ColorMode): (OpenedFrame & { title: string }) | undefined;
  /** One accounted call to the Jira stand-in, faults applied. */
  callJira(actor: JiraActor, method: string, restPath: string, bodyText: string | null, headers: HeadersInput, provider: CallProvider): Promise<StandInResponse>;
  /** Puts the seed back everywhere (or empties the site when it has none). */
  reset(): void;
}

/** The handler the manifest names (`function` module, `handler: index.handler`), required as Forge loads it. */
function loadHandler(registry: ModuleRegistry): ForgeFunctionHandler {
  const ref = registry.functionHandler();
  if (!ref) throw new Error(`${registry.manifestPath} declares no function module: pass startSite({ handler }).`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(ref.file) as Record<string, unknown>;
  const handler = loaded[ref.exportName];
  if (typeof handler !== 'function') throw new Error(`${path.relative(process.cwd(), ref.file)} does not export a \`${ref.exportName}\` function.`);
  return handler as ForgeFunctionHandler;
}

function presentationOf(opts: StartSiteOptions): Presentation {
  return {
    name: opts.presentation?.name ?? 'Local Forge site',
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

export function createSiteParts(opts: StartSiteOptions): SiteParts {
  const store = LocalStore.open(opts.dataDir);
  let siteUrl = 'http://localhost';
  const registry = new ModuleRegistry({ manifestPath: opts.manifestPath, staticRoot: opts.staticRoot, staticDir: opts.staticDir });
  const jira = new JiraStandIn(store, () => siteUrl);
  const confluence = new ConfluenceStandIn(store, () => siteUrl);
  seedStore(store, confluence, opts);
  const faults = new FaultRegistry(store, () => manifestAliases().indexed[0]?.propertyKey);
  // One fault API: the Jira stand-in's own injectFault plants into the registry.
  jira.injectFault = (fault) => void faults.add({ target: 'jira', ...fault });
  jira.clearFaults = () => faults.clear('jira');
  const settings: SiteSettings = { ...DEFAULT_SETTINGS };
  const accounting = new Accounting();
  const kvs = new KvsStandIn(store);
  const contract = new ContractLedger(processLedger());
  const validateResponses = opts.validateResponses ?? process.env.EMULATOR_VALIDATE_RESPONSES === '1';
  const permissions = appPermissionsOf(registry.manifestPath);
  const host: ForgeHost = { jira, kvs, accounting, confluence, faults, settings, contract: { permissions, ledger: contract, validateResponses, siteUrl: () => siteUrl } };
  const frames = new FrameRegistry();
  let handler = opts.handler;

  const parts: SiteParts = {
    store, accounting, frames, jira, kvs, confluence, faults, settings, contract, registry, host,
    presentation: presentationOf(opts),
    siteUrl: () => siteUrl,
    setSiteUrl: (url) => void (siteUrl = url),
    appHandler: () => (handler ??= loadHandler(registry)),
    user(ref) {
      const user = store.findUser(ref);
      if (!user) throw new Error(`No user "${ref}". Known: ${store.listUsers().map((u) => u.handle).join(', ')}.`);
      return user;
    },
    issue(issueKey) {
      const issue = store.getIssue(issueKey);
      const project = issue && store.getProject(issue.projectKey);
      if (!issue || !project) throw new Error(`No issue ${issueKey}.`);
      return { issue, project };
    },
    openIssuePanel(userRef, issueKey, colorMode = 'light') {
      const module = registry.modules('jira:issuePanel')[0];
      if (!module) return undefined;
      const { issue, project } = parts.issue(issueKey);
      const context = issuePanelContext(issue, project, siteUrl, { moduleKey: module.key, moduleType: module.type });
      const grant = frames.issue({ resource: module.resource, accountId: parts.user(userRef).accountId, context, colorMode });
      return { grant, src: frameSrcOf(grant), title: module.title };
    },
    async callJira(actor, method, restPath, bodyText, headers, provider) {
      const startedAt = Date.now();
      const req = await toStandInRequest(restPath, { method, headers, ...(bodyText === null ? {} : { body: bodyText }) });
      return callStandIn(host, 'jira', provider, req, () => jira.handle(actor, req), startedAt);
    },
    reset() {
      store.replaceAll(opts.seed?.jira() ?? EMPTY_DATASET, new Date().toISOString());
      confluence.reset(opts.seed?.confluence?.() ?? EMPTY_CONFLUENCE);
    },
  };
  return parts;
}
