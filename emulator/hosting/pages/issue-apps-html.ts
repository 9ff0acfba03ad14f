/**
 * The apps on the issue page: the "Apps" button (add a panel to this issue),
 * the panels with their menu (remove; admins: show for / hide from all work
 * items), the glance buttons with their status, and the glance's side panel.
 */
import type { OpenedFrame } from '../frames';
import { esc, forgeFrameTag } from './html';

export type GlanceStatusType = 'badge' | 'lozenge' | 'icon';

/** A glance's `status` (jira:issueGlance reference, "Status properties"). */
export interface GlanceStatus {
  type: GlanceStatusType;
  value: { label: string; type?: string; url?: string };
}

export interface IssueAppsView {
  issueKey: string;
  panels: Array<OpenedFrame & { title: string; moduleKey: string; pinned: boolean }>;
  /** Panels of the manifest not on this issue: the "Apps" button offers them. */
  addable: Array<{ key: string; title: string }>;
  /** The viewer may pin a panel for all work items (a Jira admin). */
  isAdmin: boolean;
  glances: Array<{ key: string; label: string; title: string; status?: GlanceStatus; open: boolean }>;
  /** The glance opened in the side panel. */
  side?: OpenedFrame & { title: string; moduleKey: string };
}

const issueHref = (issueKey: string) => `/jira/browse/${encodeURIComponent(issueKey)}`;
const panelAction = (issueKey: string, moduleKey: string, action: string) =>
  `${issueHref(issueKey)}/panels/${encodeURIComponent(moduleKey)}/${action}`;

const actionForm = (href: string, label: string, attrs = '') =>
  `<form method="post" action="${esc(href)}" class="ll-inline-form"><button type="submit" class="ll-button"${attrs}>${esc(label)}</button></form>`;

/** The quick-add "Apps" button under the summary: each panel not yet on this issue. */
export function renderAppsButton(view: IssueAppsView): string {
  if (view.addable.length === 0) return '';
  const items = view.addable
    .map((m) => `<li>${actionForm(panelAction(view.issueKey, m.key, 'add'), m.title, ` data-add-panel="${esc(m.key)}"`)}</li>`)
    .join('');
  return `<div class="ll-issue-apps"><details class="ll-apps-menu"><summary class="ll-button" role="button">Apps</summary>
    <ul class="ll-apps-menu-list" aria-label="Add an app to this issue">${items}</ul></details></div>`;
}

export function renderIssuePanels(view: IssueAppsView): string {
  return view.panels
    .map((panel) => {
      const remove = panel.pinned ? '' : actionForm(panelAction(view.issueKey, panel.moduleKey, 'remove'), 'Remove');
      const pin = view.isAdmin
        ? actionForm(
            panelAction(view.issueKey, panel.moduleKey, panel.pinned ? 'unpin' : 'pin'),
            panel.pinned ? 'Hide from all work items' : 'Show for all work items',
          )
        : '';
      const titleId = `ll-panel-title-${esc(panel.moduleKey)}`;
      return `<section class="ll-section ll-forge-panel" aria-labelledby="${titleId}" data-panel="${esc(panel.moduleKey)}">
        <h2 class="ll-section-title ll-panel-title" id="${titleId}"><span class="ll-app-icon" aria-hidden="true"></span>${esc(panel.title)}<span class="ll-panel-actions">${remove}${pin}</span></h2>
        ${forgeFrameTag(panel, { title: panel.title, height: 120 })}
      </section>`;
    })
    .join('\n');
}

function statusHtml(status: GlanceStatus | undefined): string {
  if (!status) return '';
  if (status.type === 'badge') return `<span class="ll-badge" data-glance-status="badge">${esc(status.value.label)}</span>`;
  if (status.type === 'icon')
    return status.value.url
      ? `<img src="${esc(status.value.url)}" alt="${esc(status.value.label)}" width="16" height="16" data-glance-status="icon">`
      : '';
  const kind = ['default', 'inprogress', 'moved', 'new', 'removed', 'success'].includes(status.value.type ?? '')
    ? status.value.type
    : 'default';
  return `<span class="ll-lozenge ll-lozenge-${esc(kind ?? 'default')}" data-glance-status="lozenge">${esc(status.value.label)}</span>`;
}

/** The glance buttons beside the issue's fields. */
export function renderGlances(view: IssueAppsView): string {
  if (view.glances.length === 0) return '';
  const buttons = view.glances
    .map((g) => {
      const href = g.open ? issueHref(view.issueKey) : `${issueHref(view.issueKey)}?glance=${encodeURIComponent(g.key)}`;
      return `<a class="ll-glance" role="button" href="${esc(href)}" aria-expanded="${g.open}" data-glance="${esc(g.key)}" title="${esc(g.title)}"><span class="ll-app-icon" aria-hidden="true"></span><span>${esc(g.label)}</span>${statusHtml(g.status)}</a>`;
    })
    .join('');
  return `<div class="ll-glances" aria-label="Apps">${buttons}</div>`;
}

/** The opened glance, in the right-hand side panel; closing reloads the issue, so the status is asked again. */
export function renderSidePanel(view: IssueAppsView): string {
  const side = view.side;
  if (!side) return '';
  return `<aside class="ll-side-panel" aria-labelledby="ll-side-title" data-glance-panel="${esc(side.moduleKey)}">
    <div class="ll-side-panel-header"><span class="ll-app-icon" aria-hidden="true"></span><h2 id="ll-side-title">${esc(side.title)}</h2>
      <a class="ll-button" href="${esc(issueHref(view.issueKey))}" data-action="close-glance">Close</a></div>
    ${forgeFrameTag(side, { title: side.title, height: 300, role: 'glance' })}
  </aside>`;
}
