/**
 * Records what Jira answers while the issue panel opens (`learning/get` on FLEX-112 as bob, the
 * local site over the demo data) into `fixtures/panel-open/calls.json`: the cold-start bench
 * replays it through `__forge_fetch__`, so its first call reads real, spec-checked answers
 * without a network or a site. Run again when the panel's calls change:
 *
 *   npx tsx bench/record-panel-open.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { issuePanelContext } from '../emulator';
import { startAppSite, type AppSite } from '../test/support/app-site';
import { PANEL_ISSUE, PANEL_VIEWER } from './lib/operation-runs';

type ForgeFetch = (meta: Record<string, unknown>, path: string, init?: RequestInit) => Promise<Response>;
type Global = typeof globalThis & { __forge_fetch__?: ForgeFetch };

interface RecordedCall {
  meta: Record<string, unknown>;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The issue panel's context on PANEL_ISSUE, as the site builds it for `invoke({ issueKey })`. */
function panelContext(site: AppSite): Record<string, unknown> {
  const issue = site.store.getIssue(PANEL_ISSUE);
  const project = issue && site.store.getProject(issue.projectKey);
  if (!issue || !project) throw new Error(`No issue ${PANEL_ISSUE} in the demo.`);
  return issuePanelContext(issue, project, site.url, { moduleKey: 'learning-panel', moduleType: 'jira:issuePanel' });
}

async function main(): Promise<void> {
  const site = await startAppSite({ port: 0 });
  const g = globalThis as Global;
  const real = g.__forge_fetch__;
  if (!real) throw new Error('The local site did not install __forge_fetch__.');
  const calls: RecordedCall[] = [];
  g.__forge_fetch__ = async (meta, callPath, init) => {
    const response = await real(meta, callPath, init);
    const body = await response.clone().text();
    const { status } = response;
    calls.push({ meta, method: init?.method ?? 'GET', path: callPath, status, headers: Object.fromEntries(response.headers), body });
    return response;
  };
  try {
    const context = panelContext(site);
    const opened = await site.invoke({ functionKey: 'learning/get', payload: {}, as: PANEL_VIEWER, context });
    if (!opened.result.ok || !opened.result.value.record)
      throw new Error(`The panel did not open with a record: ${JSON.stringify(opened.result)}`);
    const recorded = {
      source: `learning/get on ${PANEL_ISSUE} as ${PANEL_VIEWER}, local site over the demo data, ${new Date().toISOString().slice(0, 10)}`,
      // As Forge calls the function: the module's context, the person as principal.
      invocation: { call: { functionKey: 'learning/get', payload: {} }, context },
      principal: { accountId: site.user(PANEL_VIEWER).accountId },
      calls,
    };
    writeFileSync(path.join(__dirname, 'fixtures', 'panel-open', 'calls.json'), `${JSON.stringify(recorded, null, 2)}\n`);
    console.log(`Recorded ${calls.length} calls.`);
  } finally {
    g.__forge_fetch__ = real;
    await site.close();
  }
}

void main();
