/**
 * A board's backlog, as Jira Software shows it to a sprint action: the board's active and future
 * sprints, each with a "..." menu holding the manifest's jira:sprintAction modules, and the chosen
 * action's resource in a modal.
 */
import type { ProjectRow, SprintRow } from '../../store/rows';
import type { OpenedFrame } from '../frames';
import type { HostedModule } from '../module-registry';
import { esc, forgeFrameTag, layout, type PageFrame } from './html';

const VIEWPORT_WIDTH: Record<string, string> = { small: '400px', medium: '600px', large: '800px', xlarge: '968px', max: '100%' };

export interface OpenAction {
  module: HostedModule;
  sprint: SprintRow;
  frame: OpenedFrame;
}

const day = (iso: string): string => iso.slice(0, 10);

function sprintRow(sprint: SprintRow, actions: HostedModule[], here: string): string {
  const label = `More actions for ${sprint.name}`;
  const items = actions
    .map(
      (m) =>
        `<li><a class="ll-menu-item" data-sprint-action="${esc(m.key)}" href="${esc(here)}?action=${encodeURIComponent(m.key)}&amp;sprint=${sprint.id}">${esc(m.title)}</a></li>`,
    )
    .join('');
  const menu = actions.length
    ? `<details class="ll-sprint-menu"><summary aria-label="${esc(label)}" title="${esc(label)}">…</summary><ul class="ll-menu" aria-label="${esc(label)}">${items}</ul></details>`
    : '';
  return `<li class="ll-sprint" data-sprint="${sprint.id}">
    <h2 class="ll-sprint-name">${esc(sprint.name)} <span class="ll-lozenge">${sprint.state === 'active' ? 'Active' : 'Future'}</span></h2>
    <p class="ll-muted ll-small">${esc(day(sprint.startDate))} – ${esc(day(sprint.endDate))}${sprint.goal ? ` · ${esc(sprint.goal)}` : ''}</p>
    ${menu}
  </li>`;
}

function actionDialog(open: OpenAction, here: string): string {
  const { module, sprint, frame } = open;
  const width = VIEWPORT_WIDTH[module.viewportSize ?? 'medium'] ?? VIEWPORT_WIDTH.medium;
  return `<div class="ll-modal-backdrop" data-modal-for="${esc(module.key)}">
    <div class="ll-modal" role="dialog" aria-modal="true" aria-labelledby="ll-modal-title" data-after="${esc(here)}" style="width: ${width}">
      <h2 class="ll-modal-title" id="ll-modal-title">${esc(module.title)} · ${esc(sprint.name)}</h2>
      ${forgeFrameTag(frame, { title: `${module.title}: ${sprint.name}`, height: 320, role: 'sprint-action' })}
      <p class="ll-muted ll-small">The app closes this with <code>view.close()</code>. <a href="${esc(here)}" data-action="close-sprint-action">Close</a></p>
    </div>
  </div>`;
}

export function renderBacklogPage(
  frame: PageFrame,
  view: { project: ProjectRow; here: string; sprints: SprintRow[]; actions: HostedModule[]; open: OpenAction | null },
): string {
  const { project, here, sprints, actions, open } = view;
  const list = sprints.length
    ? `<ol class="ll-sprints" aria-label="Sprints">${sprints.map((s) => sprintRow(s, actions, here)).join('')}</ol>`
    : '<p class="ll-muted">This board has no active or future sprints.</p>';
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/">Projects</a> / <a href="/#${esc(project.key)}">${esc(project.name)}</a> / <span>Backlog</span></nav>
    <h1>Backlog</h1>
    <p class="ll-muted">${esc(project.key)} board: the active and future sprints. Each sprint's "…" menu holds the apps' sprint actions.</p>
    ${list}
    ${open ? actionDialog(open, here) : ''}`;
  return layout(frame, `Backlog - ${project.name}`, body);
}
