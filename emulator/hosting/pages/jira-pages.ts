/**
 * Server-rendered pages of the local site: a Jira-like index and issue view
 * that host the Custom UI in an iframe. Plain template strings; everything
 * from the store is escaped.
 */
import { LEARNING_PROPERTY_KEY } from '../../../src/domain/learning-record';
import { readStoredProperty } from '../../../src/domain/record-schema';
import type { MacroBlock, PageRow, SpaceRow } from '../../confluence/confluence-stand-in';
import { DEMO_PERMISSIONS_SUMMARY, type DemoUserHandle } from '../../../demo/demo-data';
import type { Fault, SiteSettings } from '../../controls/fault-registry';
import type { ColorMode, FrameGrant } from '../frames';
import { escapeHtml as esc } from '../../jira/jira-stand-in';
import type { HostedModule, OpenedFrame } from '../module-hosts';
import type { IssueRow, LocalStore, PermissionLevel, ProjectRow, UserRow } from '../../store/local-store';

/** The data-theme value Atlassian's token CSS selects on. */
export const TOKEN_THEMES = 'dark:dark light:light shape:shape spacing:spacing typography:typography motion:motion';

export interface PageFrame {
  user: UserRow;
  users: UserRow[];
  colorMode: ColorMode;
  /** Where forms should send the person back to. */
  here: string;
}

function layout(frame: PageFrame, title: string, body: string, product: 'jira' | 'confluence' | 'site' = 'jira'): string {
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
  <a class="ll-brand" href="${product === 'confluence' ? '/wiki' : '/'}"><span class="ll-logo" aria-hidden="true"></span>${product === 'confluence' ? 'Confluence' : 'Jira'} <span class="ll-brand-note">local Forge site</span></a>
  <nav class="ll-product-nav" aria-label="Products">
    <a href="/"${product === 'jira' ? ' aria-current="page"' : ''}>Jira</a>
    <a href="/wiki"${product === 'confluence' ? ' aria-current="page"' : ''}>Confluence</a>
    <a href="/__local/settings"${product === 'site' ? ' aria-current="page"' : ''}>Site settings</a>
  </nav>
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

export function renderIndexPage(frame: PageFrame, store: LocalStore, links: { projectPages: Array<{ key: string; title: string }> } = { projectPages: [] }): string {
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
      const apps = links.projectPages
        .map((m) => `<a class="ll-app-link" data-project-page="${esc(m.key)}" href="/jira/projects/${esc(project.key)}/apps/${esc(m.key)}">${esc(m.title)}</a>`)
        .join(' ');
      return `<section class="ll-project" id="${esc(project.key)}" data-project="${esc(project.key)}">${heading}
        <p class="ll-muted">${LEVEL_NOTE[level]}</p>${apps ? `<p class="ll-app-links">Apps: ${apps}</p>` : ''}
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

/** Jira's issue navigator, enough to follow an app's "open in Jira" link: the JQL, then the issues it finds for this user. */
export function renderIssueSearchPage(
  frame: PageFrame,
  store: LocalStore,
  jql: string,
  found: { issues: IssueRow[]; errors: string[] },
): string {
  const LIMIT = 200;
  const rows = found.issues
    .slice(0, LIMIT)
    .map((issue) => {
      const learning = learningSummaryOf(store, issue);
      return `<tr><td><a href="/jira/browse/${esc(issue.key)}">${esc(issue.key)}</a></td><td>${esc(issue.summary)}</td><td>${lozenge(issue.status)}</td><td class="ll-small${learning.kind === 'none' ? ' ll-muted' : ''}">${esc(learning.text)}</td></tr>`;
    })
    .join('');
  const outcome = found.errors.length
    ? `<div class="ll-error" role="alert">${found.errors.map((e) => `<p>${esc(e)}</p>`).join('')}</div>`
    : `<p class="ll-muted">${found.issues.length} issue${found.issues.length === 1 ? '' : 's'}${found.issues.length > LIMIT ? `, the first ${LIMIT} shown` : ''}.</p>
      <table class="ll-table"><colgroup><col style="width: 120px"><col><col style="width: 130px"><col style="width: 260px"></colgroup><thead><tr><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Status</th><th scope="col">Learnings</th></tr></thead><tbody>${rows}</tbody></table>`;
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

// --- Confluence --------------------------------------------------------------------------------

export interface MacroSlotView {
  macro: MacroBlock;
  /** The manifest module, when declared. */
  module?: HostedModule;
  frame?: OpenedFrame;
  /** Why nothing is hosted here. */
  missing?: string;
}

const pageHref = (page: PageRow) => `/wiki/spaces/${encodeURIComponent(page.spaceKey)}/pages/${encodeURIComponent(page.id)}`;

export function renderConfluenceHome(frame: PageFrame, spaces: Array<{ space: SpaceRow; pages: PageRow[] }>): string {
  const body = `<h1>Spaces</h1>
    <p class="ll-muted">A local stand-in for Confluence: pages hold text and app macros; Edit a macro to configure it.</p>
    ${spaces
      .map(
        ({ space, pages }) => `<section class="ll-space" data-space="${esc(space.key)}">
      <h2><a href="/wiki/spaces/${esc(space.key)}">${esc(space.name)}</a> <span class="ll-muted">(${esc(space.key)})</span></h2>
      <p class="ll-muted">${esc(space.description)}</p>
      <ul class="ll-page-list">${pages.map((p) => `<li><a href="${pageHref(p)}">${esc(p.title)}</a></li>`).join('')}</ul>
    </section>`,
      )
      .join('\n')}`;
  return layout(frame, 'Spaces', body, 'confluence');
}

export function renderSpacePage(frame: PageFrame, space: SpaceRow, pages: PageRow[]): string {
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/wiki">Spaces</a> / <span>${esc(space.name)}</span></nav>
    <h1>${esc(space.name)}</h1>
    <p class="ll-muted">${esc(space.description)}</p>
    <ul class="ll-page-list">${pages.map((p) => `<li data-page="${esc(p.id)}"><a href="${pageHref(p)}">${esc(p.title)}</a></li>`).join('')}</ul>
    <section class="ll-section" aria-labelledby="ll-create-title">
      <h2 class="ll-section-title" id="ll-create-title">Create a page</h2>
      <form method="post" action="/wiki/spaces/${esc(space.key)}/pages" class="ll-form" id="ll-create-page">
        <label for="ll-page-title">Title</label>
        <input id="ll-page-title" name="title" required maxlength="255">
        <label for="ll-page-body">Body</label>
        <textarea id="ll-page-body" name="body" rows="5" placeholder="Blank lines separate paragraphs."></textarea>
        <button type="submit" class="ll-button ll-button-primary">Create</button>
      </form>
    </section>`;
  return layout(frame, space.name, body, 'confluence');
}

const VIEWPORT_WIDTH: Record<string, string> = { small: '400px', medium: '600px', large: '800px', xlarge: '968px', max: '100%' };

export function renderConfluencePage(
  frame: PageFrame,
  space: SpaceRow,
  page: PageRow,
  slots: MacroSlotView[],
  macroModules: HostedModule[],
  modal?: { title: string; viewportSize: string; frame: OpenedFrame; localId: string },
): string {
  const here = pageHref(page);
  const slotOf = new Map(slots.map((s) => [s.macro.localId, s]));
  const blocks = page.blocks
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${esc(block.text)}</p>`;
      const slot = slotOf.get(block.localId);
      const title = slot?.module?.title ?? block.moduleKey;
      const edit = slot?.module?.config
        ? `<a class="ll-button" data-action="edit-macro" href="${here}?configure=${encodeURIComponent(block.localId)}">Edit</a>`
        : '';
      const remove = `<form method="post" action="${here}/macros/${encodeURIComponent(block.localId)}/delete" class="ll-inline-form" data-confirm="Remove this macro from the page?"><button type="submit" class="ll-button">Remove</button></form>`;
      const content = slot?.frame
        ? `<iframe class="ll-forge-frame" title="${esc(title)}" src="${esc(slot.frame.src)}" data-frame-token="${esc(slot.frame.grant.token)}" style="height: 120px" loading="eager"></iframe>`
        : `<p class="ll-muted ll-macro-missing">${esc(slot?.missing ?? 'Nothing to host here.')}</p>`;
      return `<div class="ll-macro" data-macro="${esc(block.localId)}" data-module="${esc(block.moduleKey)}">
        <div class="ll-macro-bar"><span class="ll-app-icon" aria-hidden="true"></span><span class="ll-macro-title">${esc(title)}</span><span class="ll-macro-actions">${edit}${remove}</span></div>
        ${content}
      </div>`;
    })
    .join('\n');
  const insert = macroModules.length
    ? `<form method="post" action="${here}/macros" class="ll-inline-form" id="ll-insert-macro">
        <label for="ll-macro-module">Insert macro</label>
        <select id="ll-macro-module" name="moduleKey">${macroModules.map((m) => `<option value="${esc(m.key)}">${esc(m.title)}</option>`).join('')}</select>
        <button type="submit" class="ll-button">Insert</button>
      </form>`
    : '<p class="ll-muted">The manifest declares no macro modules.</p>';
  const dialog = modal
    ? `<div class="ll-modal-backdrop" data-modal-for="${esc(modal.localId)}">
        <div class="ll-modal" role="dialog" aria-modal="true" aria-labelledby="ll-modal-title" data-after="${esc(here)}" style="width: ${VIEWPORT_WIDTH[modal.viewportSize] ?? VIEWPORT_WIDTH.medium}">
          <h2 class="ll-modal-title" id="ll-modal-title">${esc(modal.title)}</h2>
          <iframe class="ll-forge-frame ll-config-frame" title="${esc(modal.title)}" src="${esc(modal.frame.src)}" data-frame-token="${esc(modal.frame.grant.token)}" data-role="macro-config" style="height: 200px" loading="eager"></iframe>
          <p class="ll-muted ll-small">The app saves with <code>view.submit({ config })</code> and cancels with <code>view.close()</code>. <a href="${esc(here)}" data-action="cancel-config">Close without saving</a></p>
        </div>
      </div>`
    : '';
  const author = frame.users.find((u) => u.accountId === page.authorAccountId);
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/wiki">Spaces</a> / <a href="/wiki/spaces/${esc(space.key)}">${esc(space.name)}</a> / <span>${esc(page.title)}</span></nav>
    <article class="ll-confluence-page" data-page="${esc(page.id)}">
      <h1 id="page-title">${esc(page.title)}</h1>
      <p class="ll-muted ll-small">By ${esc(author?.displayName ?? 'someone')} · version ${page.version}</p>
      <div class="ll-page-body">${blocks}</div>
      <div class="ll-page-tools">${insert}</div>
    </article>
    ${dialog}`;
  return layout(frame, page.title, body, 'confluence');
}

// --- Jira project page ------------------------------------------------------------------------------

export function renderProjectPage(frame: PageFrame, project: ProjectRow, module: HostedModule, opened: OpenedFrame, others: Array<{ key: string; title: string }>): string {
  const tabs = others
    .map((m) => `<a href="/jira/projects/${esc(project.key)}/apps/${esc(m.key)}"${m.key === module.key ? ' aria-current="page"' : ''}>${esc(m.title)}</a>`)
    .join(' ');
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/">Projects</a> / <a href="/#${esc(project.key)}">${esc(project.name)}</a> / <span>${esc(module.title)}</span></nav>
    <h1>${esc(module.title)}</h1>
    <nav class="ll-project-tabs" aria-label="Project apps">${tabs}</nav>
    <section class="ll-section ll-forge-page" data-module="${esc(module.key)}">
      <iframe class="ll-forge-frame" title="${esc(module.title)}" src="${esc(opened.src)}" data-frame-token="${esc(opened.grant.token)}" style="height: 400px" loading="eager"></iframe>
    </section>`;
  return layout(frame, `${module.title} - ${project.name}`, body);
}

// --- site settings: faults and switches ----------------------------------------------------------------

export function renderSettingsPage(frame: PageFrame, faults: Fault[], settings: SiteSettings): string {
  const describe = (f: Fault) =>
    [
      f.latencyMs ? `+${f.latencyMs} ms` : '',
      f.status !== undefined ? `answers ${f.status}${f.headers ? ` ${Object.entries(f.headers).map(([k, v]) => `${k}: ${v}`).join(', ')}` : ''}` : '',
      f.timeout ? `never answers (fetch error after ${f.timeoutMs ?? 'the rest of the invocation'}${f.timeoutMs !== undefined ? ' ms' : ''})` : '',
    ]
      .filter(Boolean)
      .join(', ');
  const rows = faults
    .map(
      (f) => `<tr data-fault="${esc(f.id)}"><td>${esc(f.target)}</td><td><code>${esc(f.endpoint ?? 'any endpoint')}</code>${f.pathIncludes ? ` containing <code>${esc(f.pathIncludes)}</code>` : ''}${f.provider ? ` (${esc(f.provider)})` : ''}</td>
        <td>${esc(describe(f))}</td><td>${f.left === null ? 'until removed' : `${f.left} more`} · ${f.hits} hit${f.hits === 1 ? '' : 's'}</td>
        <td><form method="post" action="/__local/faults/${esc(f.id)}/delete" class="ll-inline-form"><button class="ll-button" type="submit">Remove</button></form></td></tr>`,
    )
    .join('');
  const body = `<h1>Site settings</h1>
    <section class="ll-section" aria-labelledby="ll-xp-title">
      <h2 class="ll-section-title" id="ll-xp-title">Cross-product access</h2>
      <form method="post" action="/__local/settings" class="ll-form">
        <fieldset><legend><code>asUser()</code> Jira calls from Confluence modules</legend>
          <label><input type="radio" name="confluenceAsUserJira" value="granted"${settings.confluenceAsUserJira === 'granted' ? ' checked' : ''}> granted (work as the user)</label>
          <label><input type="radio" name="confluenceAsUserJira" value="needs-auth"${settings.confluenceAsUserJira === 'needs-auth' ? ' checked' : ''}> refused: the user has not granted the scopes (401 NEEDS_AUTHENTICATION_ERR, @forge/api throws NeedsAuthenticationError)</label>
        </fieldset>
        <button class="ll-button ll-button-primary" type="submit">Save</button>
      </form>
    </section>
    <section class="ll-section" aria-labelledby="ll-faults-title">
      <h2 class="ll-section-title" id="ll-faults-title">Planted faults</h2>
      ${faults.length ? `<table class="ll-table"><thead><tr><th>Target</th><th>Endpoint</th><th>Effect</th><th>Left</th><th></th></tr></thead><tbody>${rows}</tbody></table>
      <form method="post" action="/__local/faults/clear" class="ll-inline-form"><button class="ll-button ll-button-warning" type="submit">Remove all</button></form>` : '<p class="ll-muted">None: every call is answered normally.</p>'}
      <h3>Plant a fault</h3>
      <form method="post" action="/__local/faults" class="ll-form" id="ll-add-fault">
        <label for="ll-fault-target">Target</label>
        <select id="ll-fault-target" name="target"><option value="jira">Jira REST</option><option value="kvs">Forge KVS</option><option value="confluence">Confluence REST</option><option value="any">any</option></select>
        <label for="ll-fault-kind">Fault</label>
        <select id="ll-fault-kind" name="kind"><option value="latency">added latency (ms)</option><option value="rate-limit">429 with Retry-After</option><option value="status">error status (500, 503…)</option><option value="timeout">timeout (never answers)</option></select>
        <label for="ll-fault-endpoint">Endpoint (method and path template; empty: all)</label>
        <input id="ll-fault-endpoint" name="endpoint" placeholder="GET /rest/api/3/issue/{issueIdOrKey}">
        <label for="ll-fault-path">Only paths containing</label>
        <input id="ll-fault-path" name="pathIncludes" placeholder="FLEX-112">
        <label for="ll-fault-ms">ms (latency, or when a timeout gives up)</label>
        <input id="ll-fault-ms" name="ms" inputmode="numeric" placeholder="1000">
        <label for="ll-fault-status">Status</label>
        <input id="ll-fault-status" name="status" inputmode="numeric" placeholder="503">
        <label for="ll-fault-retry">Retry-After (s)</label>
        <input id="ll-fault-retry" name="retryAfter" inputmode="numeric" placeholder="1">
        <label for="ll-fault-times">Times (empty: until removed)</label>
        <input id="ll-fault-times" name="times" inputmode="numeric">
        <button class="ll-button ll-button-primary" type="submit">Plant</button>
      </form>
      <h3>Malformed stored property</h3>
      <form method="post" action="/__local/faults/property" class="ll-form" id="ll-bad-property">
        <label for="ll-prop-issue">Issue</label>
        <input id="ll-prop-issue" name="issueKey" required placeholder="FLEX-112">
        <label for="ll-prop-key">Property key</label>
        <input id="ll-prop-key" name="propertyKey" placeholder="learning-loop">
        <label for="ll-prop-mode">Write</label>
        <select id="ll-prop-mode" name="mode"><option value="invalid">invalid JSON</option><option value="foreign">foreign JSON (another shape)</option></select>
        <button class="ll-button ll-button-warning" type="submit">Write it</button>
      </form>
      <p class="ll-muted ll-small">Also over HTTP: <code>GET/POST/DELETE /__local/faults</code>, <code>POST /__local/faults/property</code>, <code>POST /__local/settings</code>.</p>
    </section>`;
  return layout(frame, 'Site settings', body, 'site');
}
