/**
 * The Jira-like pages: the index of projects and issues, an issue with the
 * app's issue panel in an iframe, the issue navigator, "not found", and the
 * note shown in a frame whose Custom UI is not built.
 */
import { boardIdOf } from '../../jira-software/agile-stand-in';
import { backlogPathOf } from '../sprint-action-context';
import type { LocalStore } from '../../store/local-store';
import type { IssueRow, PermissionLevel, ProjectRow } from '../../store/rows';
import { esc, layout, type PageFrame } from './html';
import { projectPagePath } from './project-page';
import { renderAppsButton, renderGlances, renderIssuePanels, renderSidePanel, type IssueAppsView } from './issue-apps-html';

const STATUS_CLASS: Record<IssueRow['status'], string> = {
  'To Do': 'll-lozenge-default',
  'In Progress': 'll-lozenge-inprogress',
  'In Review': 'll-lozenge-inprogress',
  Done: 'll-lozenge-success',
  Closed: 'll-lozenge-success',
};

const lozenge = (status: IssueRow['status']) => `<span class="ll-lozenge ${STATUS_CLASS[status]}">${esc(status)}</span>`;

/** An issue's last column on the issue lists: by default its property keys; a site's presentation may say more. */
export interface IssueColumn {
  title: string;
  cell(issue: IssueRow, propertyText: (key: string) => string | undefined): { text: string; kind: string };
}

export const PROPERTY_KEYS_COLUMN: IssueColumn = {
  title: 'Properties',
  cell: () => ({ text: '', kind: 'none' }),
};

function issueCell(store: LocalStore, column: IssueColumn, issue: IssueRow): { text: string; kind: string } {
  if (column === PROPERTY_KEYS_COLUMN) {
    const keys = store.listPropertyKeys(issue.id);
    return keys.length ? { text: keys.join(', '), kind: 'record' } : { text: 'None', kind: 'none' };
  }
  return column.cell(issue, (key) => store.getProperty(issue.id, key)?.valueText);
}

/** What the index page shows besides the issues. */
export interface IndexView {
  projectPages: Array<{ key: string; title: string }>;
  /** The app's jira:globalPage (Jira's Apps menu), at `globalPagePath`. */
  globalPages?: Array<{ key: string; title: string }>;
  globalPagePath?: string;
  column: IssueColumn;
  /** The manifest's issue panel, when it declares one. */
  panelTitle?: string;
}

const DEFAULT_INDEX_VIEW: IndexView = { projectPages: [], column: PROPERTY_KEYS_COLUMN };

const LEVEL_NOTE: Record<PermissionLevel, string> = {
  'manage-sprints': 'You can browse and edit issues here, and manage its sprints.',
  edit: 'You can browse and edit issues here.',
  browse: 'You can browse issues here, but not edit them.',
  none: 'You cannot browse this project.',
};

export function renderIndexPage(frame: PageFrame, store: LocalStore, view: IndexView = DEFAULT_INDEX_VIEW): string {
  const sections = store
    .listProjects()
    .map((project) => {
      const level = store.permissionLevel(frame.user.accountId, project.key);
      const heading = `<h2 class="ll-project-title"><span class="ll-project-avatar" aria-hidden="true">${esc(project.key.slice(0, 1))}</span>${esc(project.name)} <span class="ll-muted">(${esc(project.key)})</span></h2>`;
      if (level === 'none') {
        return `<section class="ll-project ll-project-hidden" id="${esc(project.key)}" data-project="${esc(project.key)}">${heading}
          <p class="ll-muted">${LEVEL_NOTE.none} Switch user to see its issues.</p></section>`;
      }
      const rows = store
        .listIssues(project.key)
        .map((issue) => {
          const cell = issueCell(store, view.column, issue);
          return `<tr data-issue="${esc(issue.key)}">
            <td class="ll-nowrap"><span class="ll-type ll-type-${issue.issueType.toLowerCase()}" title="${esc(issue.issueType)}"></span><a href="/jira/browse/${esc(issue.key)}">${esc(issue.key)}</a></td>
            <td><a href="/jira/browse/${esc(issue.key)}" class="ll-summary-link">${esc(issue.summary)}</a></td>
            <td class="ll-nowrap">${lozenge(issue.status)}</td>
            <td class="ll-issue-cell ll-issue-cell-${cell.kind}">${esc(cell.text)}</td>
          </tr>`;
        })
        .join('');
      const apps = view.projectPages
        .map(
          (m) =>
            `<a class="ll-app-link" data-project-page="${esc(m.key)}" href="${esc(projectPagePath(project.key, m.key))}">${esc(m.title)}</a>`,
        )
        .join(' ');
      return `<section class="ll-project" id="${esc(project.key)}" data-project="${esc(project.key)}">${heading}
        <p class="ll-muted">${LEVEL_NOTE[level]}</p>${apps ? `<p class="ll-app-links">Apps: ${apps}</p>` : ''}
        <p class="ll-app-links"><a class="ll-app-link" data-backlog="${esc(project.key)}" href="${esc(backlogPathOf(project.key, boardIdOf(project)))}">Backlog</a> (sprints and their sprint actions)</p>
        <table class="ll-table"><colgroup><col style="width: 120px"><col><col style="width: 130px"><col style="width: 260px"></colgroup><thead><tr><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Status</th><th scope="col">${esc(view.column.title)}</th></tr></thead>
        <tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');
  const globalApps = (view.globalPages ?? [])
    .map((m) => `<a class="ll-app-link" data-global-page="${esc(m.key)}" href="${esc(view.globalPagePath ?? '')}">${esc(m.title)}</a>`)
    .join(' ');
  const body = `<h1>Demo issues</h1>
    <p class="ll-muted">A local stand-in for Jira and Forge: open an issue to use ${view.panelTitle ? `the <strong>${esc(view.panelTitle)}</strong> panel` : 'the app'} as the acting user.</p>
    ${globalApps ? `<nav class="ll-app-links" aria-label="Apps">Apps: ${globalApps}</nav>` : ''}
    ${sections}`;
  return layout(frame, 'Demo issues', body);
}

export function renderIssuePage(frame: PageFrame, store: LocalStore, issue: IssueRow, project: ProjectRow, apps?: IssueAppsView): string {
  const person = (accountId: string | null) => {
    const user = accountId ? store.getUser(accountId) : undefined;
    if (!user) return '<span class="ll-muted">Unassigned</span>';
    return `<span class="ll-person"><img class="ll-avatar" src="/__local/avatar/${esc(user.handle)}.svg" alt="">${esc(user.displayName)}</span>`;
  };
  const sprint = issue.sprintId === null ? undefined : store.listSprints(issue.projectKey).find((s) => s.id === issue.sprintId);
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const paragraphs = issue.description
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
  const level = store.permissionLevel(frame.user.accountId, project.key);
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/">Projects</a> / <a href="/#${esc(project.key)}">${esc(project.name)}</a> / <span>${esc(issue.key)}</span></nav>
  <div class="ll-issue">
    <article class="ll-issue-main">
      <h1 class="ll-issue-summary" id="issue-summary">${esc(issue.summary)}</h1>
      ${apps ? renderAppsButton(apps) : ''}
      <section class="ll-section"><h2 class="ll-section-title">Description</h2><div class="ll-description">${paragraphs}</div></section>
      ${apps ? renderIssuePanels(apps) : ''}
    </article>
    <aside class="ll-issue-side" aria-label="Details">
      <div class="ll-status-row">${lozenge(issue.status)}</div>
      ${apps ? renderGlances(apps) : ''}
      <dl class="ll-details">
        <dt>Assignee</dt><dd>${person(issue.assigneeAccountId)}</dd>
        <dt>Reporter</dt><dd>${person(issue.reporterAccountId)}</dd>
        <dt>Type</dt><dd>${esc(issue.issueType)}</dd>
        <dt>Labels</dt><dd>${issue.labels.length ? issue.labels.map((l) => `<span class="ll-label">${esc(l)}</span>`).join(' ') : '<span class="ll-muted">None</span>'}</dd>
        <dt>Sprint</dt><dd>${sprint ? esc(sprint.name) : '<span class="ll-muted">None</span>'}</dd>
        <dt>Created</dt><dd>${esc(date(issue.created))}</dd>
        <dt>Updated</dt><dd>${esc(date(issue.updated))}</dd>
      </dl>
      <p class="ll-muted ll-small">${esc(frame.user.displayName)}: ${LEVEL_NOTE[level]}</p>
    </aside>
  </div>
  ${apps ? renderSidePanel(apps) : ''}`;
  return layout(frame, `${issue.key} ${issue.summary}`, body);
}

/** Jira's issue navigator, enough to follow an app's "open in Jira" link: the JQL, then the issues it finds for this user. */
export function renderIssueSearchPage(
  frame: PageFrame,
  store: LocalStore,
  jql: string,
  found: { issues: IssueRow[]; errors: string[] },
  column: IssueColumn = PROPERTY_KEYS_COLUMN,
): string {
  const LIMIT = 200;
  const rows = found.issues
    .slice(0, LIMIT)
    .map((issue) => {
      const cell = issueCell(store, column, issue);
      return `<tr><td><a href="/jira/browse/${esc(issue.key)}">${esc(issue.key)}</a></td><td>${esc(issue.summary)}</td><td>${lozenge(issue.status)}</td><td class="ll-small${cell.kind === 'none' ? ' ll-muted' : ''}">${esc(cell.text)}</td></tr>`;
    })
    .join('');
  const outcome = found.errors.length
    ? `<div class="ll-error" role="alert">${found.errors.map((e) => `<p>${esc(e)}</p>`).join('')}</div>`
    : `<p class="ll-muted">${found.issues.length} issue${found.issues.length === 1 ? '' : 's'}${found.issues.length > LIMIT ? `, the first ${LIMIT} shown` : ''}.</p>
      <table class="ll-table"><colgroup><col style="width: 120px"><col><col style="width: 130px"><col style="width: 260px"></colgroup><thead><tr><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Status</th><th scope="col">${esc(column.title)}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const body = `<h1>Search issues</h1>
    <form method="get" action="/jira/issues" class="ll-jql-form">
      <label for="ll-jql">JQL</label>
      <input id="ll-jql" name="jql" value="${esc(jql)}" size="90" spellcheck="false">
      <button class="ll-button" type="submit">Search</button>
    </form>
    ${outcome}`;
  return layout(frame, 'Search issues', body);
}

export function renderNotFoundPage(frame: PageFrame, what: string): string {
  const body = `<div class="ll-empty-state">
    <h1>You can't view this issue</h1>
    <p>It may have been deleted or you don't have permission to view it.</p>
    <p class="ll-muted">${esc(what)}</p>
    <p><a class="ll-button" href="/">Back to the demo issues</a></p>
  </div>`;
  return layout(frame, 'Issue not found', body);
}

/** Shown inside the iframe when the Custom UI has not been built. */
export function renderMissingBuildPage(resource: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build missing</title>
<style>body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;margin:8px;color:#44546F}</style></head>
<body><p><strong>The ${esc(resource)} build is missing.</strong> Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload.</p></body></html>`;
}

/** Initials on a coloured disc, so the demo needs no image files. */
export function avatarSvg(label: string, seed: string): string {
  const palette = ['#0C66E4', '#1F845A', '#AE2E24', '#6E5DC6', '#B65C02', '#206A83'];
  const hash = Array.from(seed).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const colour = palette[hash % palette.length] ?? '#0C66E4';
  const initials = label
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="${colour}"/><text x="24" y="30" text-anchor="middle" font-family="Segoe UI,Roboto,Arial,sans-serif" font-size="18" font-weight="600" fill="#fff">${esc(initials)}</text></svg>`;
}
