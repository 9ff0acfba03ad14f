/** The Confluence-like pages: spaces, a space, a page with its macros (each in an iframe) and the macro config dialog. */
import type { MacroBlock, PageRow, SpaceRow } from '../../confluence/confluence-content';
import type { OpenedFrame } from '../frames';
import type { HostedModule } from '../module-registry';
import { esc, forgeFrameTag, layout, type PageFrame } from './html';

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
        ? forgeFrameTag(slot.frame, { title, height: 120 })
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
          ${forgeFrameTag(modal.frame, { title: modal.title, height: 200, role: 'macro-config', extraClass: 'll-config-frame' })}
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
      <div class="ll-page-tools">${insert} <a class="ll-button" href="${here}/export?type=pdf" data-action="export-page">Export this page</a></div>
    </article>
    ${dialog}`;
  return layout(frame, page.title, body, 'confluence');
}
