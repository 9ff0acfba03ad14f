/**
 * The local Forge site: a Jira-like web site hosting the real Custom UI
 * builds, with the bridge stand-in in the page and the real resolvers in
 * Node behind `__forge_fetch__`. Used by `npm start`, the jest tests, the
 * browser tests and the benchmarks.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { Accounting, type CallRecord } from '../controls/accounting';
import { seedDemoData } from '../../demo/demo-data';
import {
  attachHost,
  callStandIn,
  detachHost,
  InvocationError,
  runAs,
  runInvocation,
  toStandInRequest,
  type ForgeFunctionHandler,
  type ForgeHost,
  type HeadersInput,
} from '../runtime/forge-fetch';
import { bridgeContextOf, FrameRegistry, issuePanelContext, type ColorMode, type FrameGrant, type ResourceKey } from '../hosting/frames';
import { JiraStandIn, type JiraActor } from '../jira/jira-stand-in';
import { KvsStandIn } from '../kvs/kvs-stand-in';
import { avatarSvg, renderIndexPage, renderIssuePage, renderIssueSearchPage, renderMissingBuildPage, renderNotFoundPage, type PageFrame } from '../hosting/pages/jira-pages';
import { LocalStore, type UserRow } from '../store/local-store';
import { ConfluenceStandIn } from '../confluence/confluence-stand-in';
import { DEFAULT_SETTINGS, FaultRegistry, type SiteSettings } from '../controls/fault-registry';
import { ModuleRegistry, mountModuleHosts, type ModuleHosts } from '../hosting/module-hosts';
import type { LearningLoopDefs } from '../../src/contract/resolvers';

export interface StartSiteOptions {
  /** 0 picks a free port. Default 4100. */
  port?: number;
  /** Where the database lives; undefined keeps it in memory. */
  dataDir?: string;
  /** Seed the demo data when the store is empty (default true). */
  seed?: boolean;
  /** The resolver function; defaults to `handler` from src/index.ts, loaded on first use. */
  handler?: ForgeFunctionHandler;
  /** Where Custom UI builds are read from; defaults to <repo>/static. */
  staticDir?: string;
  /** Interface to listen on (default 127.0.0.1). */
  hostname?: string;
  /** The manifest whose macro / jira:projectPage / jira:issuePanel modules are hosted; default <repo>/manifest.yml. */
  manifestPath?: string;
  /** Where the manifest's resource paths are resolved from; default the manifest's folder. */
  staticRoot?: string;
}

type ResultOf<K extends string> = K extends keyof LearningLoopDefs ? Awaited<ReturnType<LearningLoopDefs[K]>> : unknown;

export interface InvokeRequest<K extends string> {
  functionKey: K;
  /** Sent as is (JSON round-tripped), so tests can send bad input too. */
  payload?: unknown;
  /** A demo user handle ("alice") or an account id. */
  as: string;
  /** Builds the issue panel context for this issue... */
  issueKey?: string;
  /** ...or pass a whole module context (without accountId). */
  context?: Record<string, unknown>;
}

export interface InvokeResult<K extends string> {
  result: ResultOf<K>;
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
  /** Manifest-driven hosting: open macro, macro config and project page frames. */
  readonly hosts: ModuleHosts;
  /** Runs a resolver as Forge would, as the given user, with the issue panel context. */
  invoke<K extends string>(request: InvokeRequest<K>): Promise<InvokeResult<K>>;
  /** Runs `fn` with `asUser()` acting as this user (handle or account id). */
  runAs<T>(user: string, fn: () => Promise<T>): Promise<T>;
  /** One call to the Jira stand-in, as a user (handle or account id) or as 'app'. Accounted. */
  requestJira(as: string, method: string, path: string, body?: string | null, headers?: Record<string, string>): Promise<JiraCallResult>;
  /** Issues a frame token for the issue panel, as the issue page does. */
  openIssuePanel(user: string, issueKey: string, colorMode?: ColorMode): { grant: FrameGrant; src: string };
  /** Puts the demo data back (issues, learnings, KVS). */
  resetDemoData(): void;
  user(handleOrAccountId: string): UserRow;
  close(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PUBLIC_DIR = path.join(__dirname, '..', 'hosting', 'public');
const USER_COOKIE = 'll_user';
const THEME_COOKIE = 'll_theme';
const DEFAULT_USER = 'alice';
const TOKEN_THEME_FILES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape', 'atlassian-motion'];

let tokensCss: string | undefined;
/** Atlassian's design-token themes ship as JS modules exporting CSS text; served as one sheet. */
function designTokensCss(): string {
  if (tokensCss === undefined) {
    tokensCss = TOKEN_THEME_FILES.map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}`) as { default: string };
      return `/* ${name} */\n${mod.default}`;
    }).join('\n');
  }
  return tokensCss;
}

function loadAppHandler(): ForgeFunctionHandler {
  // Loaded on first use so the stand-ins work (and are testable) on their own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require(path.join(REPO_ROOT, 'src', 'index')) as { handler?: ForgeFunctionHandler };
  if (typeof app.handler !== 'function') throw new Error('src/index.ts does not export a `handler` function.');
  return app.handler;
}

function cookiesOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) {
      try {
        out[name] = decodeURIComponent(rest.join('='));
      } catch {
        // A malformed cookie is ignored, as browsers' own parsers do.
      }
    }
  }
  return out;
}

const safeBack = (value: unknown): string => (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/');

export async function startSite(opts: StartSiteOptions = {}): Promise<LocalSite> {
  const store = LocalStore.open(opts.dataDir);
  if (opts.seed !== false && !store.isSeeded()) seedDemoData(store);

  const accounting = new Accounting();
  const frames = new FrameRegistry();
  let siteUrl = 'http://localhost';
  const jira = new JiraStandIn(store, () => siteUrl);
  const kvs = new KvsStandIn(store);
  const confluence = new ConfluenceStandIn(store, () => siteUrl);
  const faults = new FaultRegistry(store);
  const settings: SiteSettings = { ...DEFAULT_SETTINGS };
  // One fault API: the Jira stand-in's own injectFault plants into the registry.
  jira.injectFault = (fault) => void faults.add({ target: 'jira', ...fault });
  jira.clearFaults = () => faults.clear('jira');
  const registry = new ModuleRegistry({ manifestPath: opts.manifestPath, staticRoot: opts.staticRoot, staticDir: opts.staticDir });
  const host: ForgeHost = { jira, kvs, accounting, confluence, faults, settings };
  let handler = opts.handler;
  const appHandler = () => (handler ??= loadAppHandler());

  const userOrThrow = (handleOrId: string): UserRow => {
    const user = store.findUser(handleOrId);
    if (!user) throw new Error(`No demo user "${handleOrId}". Known: ${store.listUsers().map((u) => u.handle).join(', ')}.`);
    return user;
  };

  const openIssuePanel = (userRef: string, issueKey: string, colorMode: ColorMode = 'light') => {
    const user = userOrThrow(userRef);
    const issue = store.getIssue(issueKey);
    const project = issue && store.getProject(issue.projectKey);
    if (!issue || !project) throw new Error(`No issue ${issueKey}.`);
    const grant = frames.issue({
      resource: 'issue-panel',
      accountId: user.accountId,
      context: issuePanelContext(issue, project, siteUrl),
      colorMode,
    });
    return { grant, src: `/forge/resources/issue-panel/${grant.token}/index.html` };
  };

  const callJira = async (actor: JiraActor, method: string, restPath: string, bodyText: string | null, headers: HeadersInput, provider: 'user' | 'app' | 'bridge') => {
    const startedAt = Date.now();
    const req = await toStandInRequest(restPath, { method, headers, ...(bodyText === null ? {} : { body: bodyText }) });
    return callStandIn(host, 'jira', provider, req, () => jira.handle(actor, req), startedAt);
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const pageFrame = (req: Request): PageFrame => {
    const cookies = cookiesOf(req);
    const user = store.findUser(cookies[USER_COOKIE] ?? DEFAULT_USER) ?? store.findUser(DEFAULT_USER) ?? store.listUsers()[0];
    if (!user) throw new Error('The store has no users: reset the demo data.');
    return { user, users: store.listUsers(), colorMode: cookies[THEME_COOKIE] === 'dark' ? 'dark' : 'light', here: req.originalUrl };
  };

  const sendHtml = (res: Response, status: number, html: string) => {
    res.status(status).type('html').set('cache-control', 'no-store').send(html);
  };

  // --- pages ---------------------------------------------------------------

  app.get('/', (req, res) => sendHtml(res, 200, renderIndexPage(pageFrame(req), store, hosts.indexLinks())));

  app.get('/browse/:key', (req, res) => res.redirect(302, `/jira/browse/${encodeURIComponent(req.params.key)}`));
  app.get('/issues', (req, res) => res.redirect(302, `/jira/issues?jql=${encodeURIComponent(String(req.query.jql ?? ''))}`));

  app.get('/jira/issues', (req, res) => {
    const frame = pageFrame(req);
    const jql = String(req.query.jql ?? '');
    const run = jira.search.run({ kind: 'user', accountId: frame.user.accountId }, jql);
    sendHtml(res, run.compiled.errors.length ? 400 : 200, renderIssueSearchPage(frame, store, jql, { issues: run.issues, errors: run.compiled.errors }));
  });

  app.get('/jira/browse/:key', (req, res) => {
    const frame = pageFrame(req);
    const issue = store.getIssue(req.params.key);
    const project = issue && store.getProject(issue.projectKey);
    // As Jira: an issue you cannot browse looks exactly like one that does not exist.
    if (!issue || !project || store.permissionLevel(frame.user.accountId, project.key) === 'none') {
      sendHtml(res, 404, renderNotFoundPage(frame, req.params.key));
      return;
    }
    const panel = openIssuePanel(frame.user.accountId, issue.key, frame.colorMode);
    sendHtml(res, 200, renderIssuePage(frame, store, issue, project, panel));
  });

  // --- site controls ---------------------------------------------------------

  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const jsonBody = express.json({ limit: '6mb' });

  app.post('/__local/act-as', form, (req, res) => {
    const user = store.findUser(String(req.body?.user ?? ''));
    if (user) res.cookie(USER_COOKIE, user.handle, { path: '/', sameSite: 'lax' });
    res.redirect(303, safeBack(req.body?.back));
  });

  app.post('/__local/theme', form, jsonBody, (req, res) => {
    const colorMode: ColorMode = req.body?.colorMode === 'dark' ? 'dark' : 'light';
    res.cookie(THEME_COOKIE, colorMode, { path: '/', sameSite: 'lax' });
    if (req.is('json')) res.json({ colorMode });
    else res.redirect(303, safeBack(req.body?.back));
  });

  app.post('/__local/reset', (_req, res) => {
    seedDemoData(store);
    confluence.reset();
    res.redirect(303, '/');
  });

  app.get('/favicon.ico', (_req, res) => res.status(204).end());
  app.get('/__local/health', (_req, res) => res.json({ ok: true }));
  app.get('/__local/accounting', (_req, res) => res.set('cache-control', 'no-store').json(accounting.snapshot()));
  app.post('/__local/accounting/reset', (_req, res) => {
    accounting.reset();
    res.status(204).end();
  });
  // The search index delay (local/jira-search): GET reads it, POST { "delayMs": 2000 } sets it (0 turns it off).
  app.get('/__local/search-index', (_req, res) => res.json({ delayMs: jira.search.settings.indexDelayMs }));
  app.post('/__local/search-index', jsonBody, (req, res) => {
    const delayMs = Number((req.body as { delayMs?: unknown } | undefined)?.delayMs);
    if (!Number.isFinite(delayMs) || delayMs < 0) {
      res.status(400).json({ error: 'delayMs must be a number of milliseconds, 0 or more.' });
      return;
    }
    jira.search.setIndexDelay(delayMs);
    res.json({ delayMs });
  });

  app.get('/__local/tokens.css', (_req, res) => {
    res.type('css').set('cache-control', 'max-age=3600').send(designTokensCss());
  });

  app.get('/__local/avatar/:file', (req, res) => {
    const name = req.params.file.replace(/\.svg$/, '');
    const user = store.findUser(name);
    const project = name.startsWith('project-') ? store.getProject(name.slice('project-'.length)) : undefined;
    const label = user?.displayName ?? project?.key ?? '?';
    res.type('image/svg+xml').set('cache-control', 'max-age=3600').send(avatarSvg(label, name));
  });

  app.use('/__local/public', express.static(PUBLIC_DIR, { index: false, maxAge: 0 }));

  // --- Custom UI resources -----------------------------------------------------

  const serveResourceIndex = (req: Request, res: Response) => {
    const resource = req.params.resource as ResourceKey;
    const grant = frames.get(req.params.token);
    const buildDir = registry.resourceDir(resource);
    if (!buildDir || !grant || grant.resource !== resource) {
      sendHtml(res, 403, '<!doctype html><p>This frame is not known to the local site (it may predate a restart): reload the page.</p>');
      return;
    }
    const file = path.join(buildDir, 'index.html');
    if (!fs.existsSync(file)) {
      sendHtml(res, 200, renderMissingBuildPage(resource));
      return;
    }
    // The stand-in must define window.__bridge before the bundle runs: first in <head>, not deferred.
    const standIn = `<script src="/__local/public/bridge-stand-in.js" data-frame-token="${grant.token}"></script>`;
    const html = fs.readFileSync(file, 'utf8');
    const injected = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n${standIn}`) : `${standIn}\n${html}`;
    sendHtml(res, 200, injected);
  };

  app.get('/forge/resources/:resource/:token/', serveResourceIndex);
  app.get('/forge/resources/:resource/:token/index.html', serveResourceIndex);
  app.get('/forge/resources/:resource/:token/{*asset}', (req, res) => {
    const buildDir = registry.resourceDir(req.params.resource as string);
    if (!buildDir) {
      res.status(404).end();
      return;
    }
    const asset = ([] as string[]).concat(req.params.asset ?? []).join('/');
    res.sendFile(asset, { root: buildDir, dotfiles: 'deny' }, (error) => {
      if (error && !res.headersSent) res.status(404).type('text').send('Not found');
    });
  });

  // --- bridge stand-in endpoints -------------------------------------------------

  const grantOf = (req: Request, res: Response): FrameGrant | undefined => {
    const grant = frames.get(req.body?.token);
    if (!grant) {
      res.status(403).json({ ok: false, error: { message: 'This frame is not known to the local site (it may predate a restart): reload the page.' } });
    }
    return grant;
  };

  app.post('/__local/bridge/context', jsonBody, (req, res) => {
    const grant = grantOf(req, res);
    if (!grant) return;
    const user = store.getUser(grant.accountId);
    res.json({ ok: true, value: bridgeContextOf(grant, user?.timeZone ?? 'UTC') });
  });

  app.post('/__local/bridge/theme', jsonBody, (req, res) => {
    const grant = grantOf(req, res);
    if (!grant) return;
    frames.setColorMode(grant.token, req.body?.colorMode === 'dark' ? 'dark' : 'light');
    res.json({ ok: true, value: null });
  });

  app.post('/__local/bridge/invoke', jsonBody, async (req, res) => {
    const grant = grantOf(req, res);
    if (!grant) return;
    const { functionKey, payload, metadata } = (req.body ?? {}) as { functionKey?: unknown; payload?: unknown; metadata?: unknown };
    if (typeof functionKey !== 'string') {
      res.status(400).json({ ok: false, error: { message: 'functionKey must be a string.' } });
      return;
    }
    try {
      // The context and the user come from the grant, never from the page.
      const outcome = await runInvocation(host, appHandler(), {
        functionKey,
        payload,
        context: grant.context,
        accountId: grant.accountId,
        source: 'bridge',
      });
      // With metadata, Forge's bridge answers { body, metadata }.
      const value = metadata === undefined ? outcome.result : { body: outcome.result, metadata };
      res.json({ ok: true, value: value ?? null, invocation: { id: outcome.invocationId, calls: outcome.calls.length, ms: outcome.ms } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      res.status(500).json({ ok: false, error: { message: `There was an error invoking the function - ${message}` } });
    }
  });

  app.post('/__local/bridge/fetch-product', jsonBody, async (req, res) => {
    const grant = grantOf(req, res);
    if (!grant) return;
    const { product, restPath, fetchRequestInit } = (req.body ?? {}) as {
      product?: unknown;
      restPath?: unknown;
      fetchRequestInit?: { method?: string; headers?: Array<[string, string]>; body?: string | null };
    };
    if (product !== 'jira') {
      res.status(400).json({ ok: false, error: { message: `The local site serves requestJira only, not ${String(product)}.` } });
      return;
    }
    if (typeof restPath !== 'string' || !restPath.startsWith('/')) {
      res.status(400).json({ ok: false, error: { message: 'restPath must be a path starting with "/".' } });
      return;
    }
    let response;
    try {
      response = await callJira(
        { kind: 'user', accountId: grant.accountId },
        fetchRequestInit?.method ?? 'GET',
        restPath,
        fetchRequestInit?.body ?? null,
        fetchRequestInit?.headers ?? [],
        'bridge',
      );
    } catch (error) {
      res.status(504).json({ ok: false, error: { message: error instanceof Error ? error.message : String(error) } });
      return;
    }
    res.json({ ok: true, value: { status: response.status, statusText: response.statusText, headers: response.headers, body: response.body ?? '' } });
  });

  // Confluence pages, project pages, the macro config flow, faults and settings (module-hosts.ts).
  const hosts = mountModuleHosts(app, { store, confluence, frames, registry, faults, settings, siteUrl: () => siteUrl, pageFrame });

  // --- start ----------------------------------------------------------------------

  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 4100, opts.hostname ?? '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  siteUrl = `http://localhost:${port}`;
  attachHost(host);

  let closed = false;
  const site: LocalSite = {
    url: siteUrl,
    port,
    store,
    accounting,
    frames,
    jira,
    kvs,
    confluence,
    faults,
    settings,
    hosts,
    async invoke<K extends string>(request: InvokeRequest<K>): Promise<InvokeResult<K>> {
      const user = userOrThrow(request.as);
      let context = request.context;
      if (!context) {
        if (!request.issueKey) throw new Error('invoke needs an issueKey or a context.');
        const issue = store.getIssue(request.issueKey);
        const project = issue && store.getProject(issue.projectKey);
        if (!issue || !project) throw new Error(`No issue ${request.issueKey}.`);
        context = issuePanelContext(issue, project, siteUrl);
      }
      const outcome = await runInvocation(host, appHandler(), {
        functionKey: request.functionKey,
        payload: request.payload,
        context,
        accountId: user.accountId,
        source: 'test',
      });
      return { result: outcome.result as ResultOf<K>, calls: outcome.calls, ms: outcome.ms };
    },
    runAs: (userRef, fn) => runAs(host, userOrThrow(userRef).accountId, fn),
    async requestJira(as, method, restPath, body = null, headers = {}) {
      const actor: JiraActor = as === 'app' ? { kind: 'app' } : { kind: 'user', accountId: userOrThrow(as).accountId };
      const hasBody = body !== null && body !== undefined;
      const res = await callJira(actor, method, restPath, hasBody ? body : null, { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headers }, as === 'app' ? 'app' : 'user');
      let parsed: unknown;
      try {
        parsed = res.body ? (JSON.parse(res.body) as unknown) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, text: res.body, body: parsed };
    },
    openIssuePanel,
    resetDemoData: () => {
      seedDemoData(store);
      confluence.reset();
    },
    user: userOrThrow,
    async close() {
      if (closed) return;
      closed = true;
      detachHost(host);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
  return site;
}

export { InvocationError };
