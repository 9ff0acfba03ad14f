/** A jira:globalPage module's page (Jira's Apps menu): its title above the module's iframe, the whole width. */
import type { OpenedFrame } from '../frames';
import type { HostedModule } from '../module-registry';
import { esc, forgeFrameTag, layout, type PageFrame } from './html';

export function renderGlobalPage(frame: PageFrame, module: HostedModule, opened: OpenedFrame): string {
  const body = `<nav class="ll-breadcrumbs" aria-label="Breadcrumbs"><a href="/">Projects</a> / <span>Apps</span> / <span>${esc(module.title)}</span></nav>
    <h1>${esc(module.title)}</h1>
    <section class="ll-section ll-forge-page" data-module="${esc(module.key)}" data-module-type="jira:globalPage">
      ${forgeFrameTag(opened, { title: module.title, height: 600 })}
    </section>`;
  return layout(frame, module.title, body);
}
