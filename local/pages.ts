/**
 * Server-rendered pages of the local site: a Jira-like index and issue view
 * that host the Custom UI in an iframe. Plain template strings; everything
 * from the store is escaped.
 */
import { LEARNING_PROPERTY_KEY } from '../src/domain/learning-record';
import { readStoredProperty } from '../src/domain/record-schema';
import { DEMO_PERMISSIONS_SUMMARY, type DemoUserHandle } from './demo-data';
import type { ColorMode, FrameGrant } from './frames';
import { escapeHtml as esc } from './jira-stand-in';
import type { IssueRow, LocalStore, PermissionLevel, ProjectRow, UserRow } from './store';

/** The data-theme value Atlassian's token CSS selects on. */
export const TOKEN_THEMES = 'dark:dark light:light shape:shape spacing:spacing typography:typography motion:motion';

export interface PageFrame {
  user: UserRow;
  users: UserRow[];
  colorMode: ColorMode;
  /** Where forms should send the person back to. */
  here: string;
}

function layout(frame: PageFrame, title: string, body: string): string {
  const options = frame.users
    .map((u) => `<option value="${esc(u.handle)}"${u.accountId === frame.user.accountId ? ' selected' : ''}>${esc(u.displayName)}</option>`)
    .join('');
  const summary = DEMO_PERMISSIONS_SUMMARY[frame.user.handle as DemoUserHandle] ?? '';
  return `<!doctype html>
<html lang="en" data-color-mode="${frame.colorMode}" data-theme="${TOKEN_THEMES}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - Learning Loop local site</title>
<link rel="stylesheet" href="/__local/tokens.css">
<link rel="stylesheet" href="/__local/public/site.css">
<script src="/__local/public/host-page.js" defer></script>
</head>
<body>
<header class="ll-topbar">
  <a class="ll-brand" href="/"><span class="ll-logo" aria-hidden="true"></span>Jira <span class="ll-brand-note">local Forge site</span></a>
  <div class="ll-topbar-actions">
    <form method="post" action="/__local/act-as" class="ll-inline-form">
      <label for="ll-user">Acting as</label>
      <select id="ll-user" name="user" data-autosubmit>${options}</select>
      <input type="hidden" name="back" value="${esc(frame.here)}">
      <noscript><button type="submit" class="ll-button">Switch</button></noscript>
    </form>
    <button type="button" class="ll-button" id="ll-theme-toggle" aria-pressed="${frame.colorMode === 'dark'}"
      title="Switch between light and dark">${frame.colorMode === 'dark' ? 'Light theme' : 'Dark theme'}</button>
    <form method="post" action="/__local/reset" class="ll-inline-form" data-confirm="Reset all issues, learnings and storage to the demo data?">
      <button type="submit" class="ll-button ll-button-warning">Reset demo data</button>
    </form>
  </div>
</header>
<div class="ll-acting-note" role="note">Acting as ${esc(frame.user.displayName)}: ${esc(summary)}</div>
<main class="ll-main">
${body}
</main>
</body>
</html>`;
}

const STATUS_CLASS: Record<IssueRow['status'], string> = {
  'To Do': 'll-lozenge-default',
  'In Progress': 'll-lozenge-inprogress',
  'In Review': 'll-lozenge-inprogress',
  Done: 'll-lozenge-success',
};

const lozenge = (status: IssueRow['status']) => `<span class="ll-lozenge ${STATUS_CLASS[status]}">${esc(status)}</span>`;

/** A one-line summary of an issue's learning record, read the way the app reads it. */
export function learningSummaryOf(store: LocalStore, issue: IssueRow): { text: string; kind: 'none' | 'record' | 'unreadable' } {
  const stored = store.getProperty(issue.id, LEARNING_PROPERTY_KEY);
  if (!stored) return { text: 'No learnings yet', kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(stored.valueText);
  } catch {
    return { text: 'Unreadable record', kind: 'unreadable' };
  }
  const reading = readStoredProperty(value);
  if (reading.kind === 'absent') return { text: 'No learnings yet', kind: 'none' };
  if (reading.kind === 'unreadable') return { text: 'Unreadable record', kind: 'unreadable' };
  const { record } = reading;
  const surprises = record.learnings.filter((l) => l.surprise).length;
  const parts = [
    record.learnings.length === 0 ? 'Hypothesis only' : `${record.learnings.length} learning${record.learnings.length === 1 ? '' : 's'}`,
    ...(surprises > 0 ? [`${surprises} surprise${surprises === 1 ? '' : 's'}`] : []),
    record.outcome,
  ];
  return { text: parts.join(' · '), kind: 'record' };
}

const LEVEL_NOTE: Record<PermissionLevel, string> = {
  edit: 'You can browse and edit issues here.',
  browse: 'You can browse issues here, but not edit them.',
  none: 'You cannot browse this project.',
};

export function renderIndexPage(frame: PageFrame, store: LocalStore): string {
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
          const learning = learningSummaryOf(store, issue);
          return `<tr data-issue="${esc(issue.key)}">
            <td class="ll-nowrap"><span class="ll-type ll-type-${issue.issueType.toLowerCase()}" title="${esc(issue.issueType)}"></span><a href="/jira/browse/${esc(issue.key)}">${esc(issue.key)}</a></td>
            <td><a href="/jira/browse/${esc(issue.key)}" class="ll-summary-link">${esc(issue.summary)}</a></td>
            <td class="ll-nowrap">${lozenge(issue.status)}</td>
            <td class="ll-learning ll-learning-${learning.kind}">${esc(learning.text)}</td>
          </tr>`;
        })
        .join('');
      return `<section class="ll-project" id="${esc(project.key)}" data-project="${esc(project.key)}">${heading}
        <p class="ll-muted">${LEVEL_NOTE[level]}</p>
        <table class="ll-table"><colgroup><col style="width: 120px"><col><col style="width: 130px"><col style="width: 260px"></colgroup><thead><tr><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Status</th><th scope="col">Learnings</th></tr></thead>
        <tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');
  const body = `<h1>Demo issues</h1>
    <p class="ll-muted">A local stand-in for Jira and Forge: open an issue to use the <strong>Hypothesis / What we learned</strong> panel as the acting user.</p>
    ${sections}`;
  return layout(frame, 'Demo issues', body);
}

export function renderIssuePage(
  frame: PageFrame,
  store: LocalStore,
  issue: IssueRow,
  project: ProjectRow,
  panel: { grant: FrameGrant; src: string },
): string {
  const person = (accountId: string | null) => {
    const user = accountId ? store.getUser(accountId) : undefined;
    if (!user) return '<span class="ll-muted">Unassigned</span>';
    return `<span class="ll-person"><img class="ll-avatar" src="/__local/avatar/${esc(user.handle)}.svg" alt="">${esc(user.displayName)}</span>`;
  };
  const sprint = issue.sprintId === null ? undefined : store.listSprints(issue.projectKey).find((s) => s.id === issue.sprintId);
  const date = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const paragraphs = issue.description
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
  const level = store.permissionLevel(frame.user.accountId, project.key);
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/">Projects</a> / <a href="/#${esc(project.key)}">${esc(project.name)}</a> / <span>${esc(issue.key)}</span></nav>
  <div class="ll-issue">
    <article class="ll-issue-main">
      <h1 class="ll-issue-summary" id="issue-summary">${esc(issue.summary)}</h1>
      <section class="ll-section"><h2 class="ll-section-title">Description</h2><div class="ll-description">${paragraphs}</div></section>
      <section class="ll-section ll-forge-panel" aria-labelledby="ll-panel-title">
        <h2 class="ll-section-title ll-panel-title" id="ll-panel-title"><span class="ll-app-icon" aria-hidden="true"></span>Hypothesis / What we learned</h2>
        <iframe class="ll-forge-frame" title="Hypothesis / What we learned" src="${esc(panel.src)}"
          data-frame-token="${esc(panel.grant.token)}" style="height: 120px" loading="eager"></iframe>
      </section>
    </article>
    <aside class="ll-issue-side" aria-label="Details">
      <div class="ll-status-row">${lozenge(issue.status)}</div>
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
  </div>`;
  return layout(frame, `${issue.key} ${issue.summary}`, body);
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
  const hash = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const colour = palette[hash % palette.length]!;
  const initials = label
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="${colour}"/><text x="24" y="30" text-anchor="middle" font-family="Segoe UI,Roboto,Arial,sans-serif" font-size="18" font-weight="600" fill="#fff">${esc(initials)}</text></svg>`;
}
