/** A jira:projectPage module's page: the project's breadcrumbs and app tabs around the module's iframe. */
import { boardIdOf } from '../../jira-software/agile-stand-in';
import type { ProjectRow } from '../../store/rows';
import { backlogPathOf } from '../sprint-action-context';
import type { OpenedFrame } from '../frames';
import type { HostedModule } from '../module-registry';
import { esc, forgeFrameTag, layout, type PageFrame } from './html';

/** A project page's URL; the app's own paths (view.createHistory) follow it. */
export const projectPagePath = (projectKey: string, moduleKey: string): string =>
  `/jira/projects/${encodeURIComponent(projectKey)}/apps/${encodeURIComponent(moduleKey)}`;

export function renderProjectPage(
  frame: PageFrame,
  project: ProjectRow,
  module: HostedModule,
  opened: OpenedFrame,
  others: Array<{ key: string; title: string }>,
): string {
  const tabs = others
    .map(
      (m) =>
        `<a href="${esc(projectPagePath(project.key, m.key))}"${m.key === module.key ? ' aria-current="page"' : ''}>${esc(m.title)}</a>`,
    )
    .join(' ');
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/">Projects</a> / <a href="/#${esc(project.key)}">${esc(project.name)}</a> / <span>${esc(module.title)}</span></nav>
    <h1>${esc(module.title)}</h1>
    <nav class="ll-project-tabs" aria-label="Project apps">${tabs} <a href="${esc(backlogPathOf(project.key, boardIdOf(project)))}" data-backlog="${esc(project.key)}">Backlog</a></nav>
    <section class="ll-section ll-forge-page" data-module="${esc(module.key)}">
      ${forgeFrameTag(opened, { title: module.title, height: 400, historyBase: projectPagePath(project.key, module.key) })}
    </section>`;
  return layout(frame, `${module.title} - ${project.name}`, body);
}
