/**
 * `startSite()`: a Jira- and Confluence-like web site hosting the app's real
 * Custom UI builds, with the bridge stand-in in the page and the app's real
 * resolvers in Node behind `__forge_fetch__`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { mountControls } from '../controls/control-routes';
import { mountFaultControls } from '../controls/fault-routes';
import { mountLifecycleControls } from '../controls/lifecycle-routes';
import { mountBridge } from '../hosting/bridge-routes';
import { mountConsent } from '../hosting/consent-routes';
import { mountCspReports } from '../hosting/csp-reports';
import { mountExportView } from '../hosting/export-routes';
import { exportPage, type ExportType } from '../hosting/export-view';
import { mountIssueAppPages } from '../hosting/issue-app-routes';
import { mountConfluencePages, mountProjectPages } from '../hosting/confluence-routes';
import { mountSprintActions } from '../hosting/sprint-action-routes';
import { mountJiraPages } from '../hosting/jira-page-routes';
import { issuePanelContext } from '../hosting/module-contexts';
import { createModuleHosts, type ModuleHosts } from '../hosting/module-hosts';
import { mountResources, mountSiteAssets } from '../hosting/resource-routes';
import type { JiraActor } from '../jira/jira-stand-in';
import { attachHost, detachHost } from '../runtime/forge-globals';
import { runInvocation } from '../runtime/invocation';
import { runAs } from '../runtime/invocation-scope';
import type { InvokeRequest, InvokeResult, JiraCallResult, LocalSite, StartSiteOptions } from './site-options';
import { createSiteParts, type SiteParts } from './site-parts';

function createWebApp(parts: SiteParts): { app: Express; hosts: ModuleHosts } {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const hosts = createModuleHosts({ ...parts, siteUrl: parts.siteUrl });
  mountJiraPages(app, parts, hosts);
  mountIssueAppPages(app, parts);
  mountControls(app, parts);
  mountSiteAssets(app, parts);
  mountResources(app, parts);
  mountBridge(app, parts);
  mountConsent(app, parts);
  mountCspReports(app, parts.cspReports);
  mountConfluencePages(app, parts, hosts);
  mountExportView(app, parts);
  mountProjectPages(app, parts, hosts);
  mountSprintActions(app, parts);
  mountFaultControls(app, parts);
  mountLifecycleControls(app, parts);
  return { app, hosts };
}

function listen(app: Express, opts: StartSiteOptions): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const server = app.listen(opts.port ?? 4100, opts.hostname ?? '127.0.0.1', (error?: Error) => {
      if (error) reject(error);
      else resolve(server);
    });
    server.once('error', reject);
  });
}

/** The issue panel's context on an issue, as `invoke({ issueKey })` runs the resolver with. */
function issueContext(parts: SiteParts, issueKey: string): Record<string, unknown> {
  const module = parts.registry.modules('jira:issuePanel')[0];
  if (!module)
    throw new Error('invoke({ issueKey }) builds the issue panel context, but the manifest declares no jira:issuePanel: pass a context.');
  const { issue, project } = parts.issue(issueKey);
  return issuePanelContext(issue, project, parts.siteUrl(), { moduleKey: module.key, moduleType: module.type });
}

async function invoke<Result>(parts: SiteParts, request: InvokeRequest): Promise<InvokeResult<Result>> {
  const user = parts.user(request.as);
  const context = request.context ?? (request.issueKey ? issueContext(parts, request.issueKey) : undefined);
  if (!context) throw new Error('invoke needs an issueKey or a context.');
  const call = { functionKey: request.functionKey, payload: request.payload, context, accountId: user.accountId, source: 'test' as const };
  const outcome = await runInvocation(parts.host, parts.appHandler(context.moduleKey), call);
  return { result: outcome.result as Result, calls: outcome.calls, ms: outcome.ms };
}

async function requestJira(
  parts: SiteParts,
  as: string,
  method: string,
  restPath: string,
  body: string | null,
  headers: Record<string, string>,
): Promise<JiraCallResult> {
  const actor: JiraActor = as === 'app' ? { kind: 'app' } : { kind: 'user', accountId: parts.user(as).accountId };
  const hasBody = body !== null;
  const allHeaders = { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headers };
  const res = await parts.callJira(actor, method, restPath, hasBody ? body : null, allHeaders, as === 'app' ? 'app' : 'user');
  let parsed: unknown;
  try {
    parsed = res.body ? (JSON.parse(res.body) as unknown) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text: res.body, body: parsed };
}

export async function startSite(opts: StartSiteOptions = {}): Promise<LocalSite> {
  const parts = createSiteParts(opts);
  const { app, hosts } = createWebApp(parts);
  const server = await listen(app, opts);
  const port = (server.address() as AddressInfo).port;
  parts.setSiteUrl(`http://localhost:${port}`);
  attachHost(parts.host);

  let closed = false;
  const { store, accounting, frames, jira, kvs, confluence, faults, settings, contract, consent, panels, cspReports, privacy, triggers } =
    parts;
  return {
    url: parts.siteUrl(),
    port,
    ...{ store, accounting, frames, jira, kvs, confluence, faults, settings, contract, consent, panels, cspReports, privacy, triggers },
    async runScheduledTrigger<Result>(moduleKey: string): Promise<InvokeResult<Result>> {
      const outcome = await triggers.runScheduled(moduleKey);
      return { result: outcome.result as Result, calls: outcome.calls, ms: outcome.ms };
    },
    hosts,
    invoke: (request) => invoke(parts, request),
    async invokeFunction<Result>(
      functionKey: string,
      event: unknown,
      opts: { as: string; context?: Record<string, unknown> },
    ): Promise<InvokeResult<Result>> {
      const call = {
        functionKey,
        event,
        accountId: parts.user(opts.as).accountId,
        source: 'test' as const,
        ...(opts.context ? { context: opts.context } : {}),
      };
      const outcome = await parts.invokeFunction(call);
      return { result: outcome.result as Result, calls: outcome.calls, ms: outcome.ms };
    },
    async exportPage(pageId: string, opts: { as: string; exportType?: ExportType }) {
      const exported = await exportPage(parts, parts.user(opts.as).accountId, pageId, opts.exportType ?? 'pdf');
      return { exportType: exported.exportType, macros: exported.macros };
    },
    runAs: (userRef, fn) => runAs(parts.host, parts.user(userRef).accountId, fn),
    requestJira: (as, method, restPath, body = null, headers = {}) => requestJira(parts, as, method, restPath, body, headers),
    openIssuePanel(userRef, issueKey, colorMode) {
      const panel = parts.openIssuePanel(userRef, issueKey, colorMode);
      if (!panel) throw new Error('The manifest declares no jira:issuePanel module.');
      return { grant: panel.grant, src: panel.src };
    },
    reset: () => {
      parts.reset();
    },
    user: (ref) => parts.user(ref),
    async close() {
      if (closed) return;
      closed = true;
      triggers.stopSchedules();
      detachHost(parts.host);
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
