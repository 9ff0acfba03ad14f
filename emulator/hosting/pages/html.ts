/**
 * The frame every server-rendered page of the site shares: top bar (products,
 * acting user, theme, reset), design tokens and the site's styles. Plain
 * template strings; everything from the store is escaped.
 */
import { escapeHtml as esc } from '../../shared/escape-html';
import type { UserRow } from '../../store/rows';
import { FORGE_FRAME_ALLOW } from '../frame-policy';
import type { ColorMode, OpenedFrame } from '../frames';

export { esc };

/** The data-theme value Atlassian's token CSS selects on. */
export const TOKEN_THEMES = 'dark:dark light:light shape:shape spacing:spacing typography:typography motion:motion';

export interface PageFrame {
  user: UserRow;
  users: UserRow[];
  colorMode: ColorMode;
  /** Where forms should send the person back to. */
  here: string;
  /** Beside "Acting as": what this user may do (from the site's presentation). */
  note: string;
  /** The site's name, in page titles. */
  siteName: string;
  /** The hosted app's name, on Forge's prompts (consent). */
  appName: string;
}

/** A Custom UI frame as Forge's host renders it: sandboxed, with the documented feature policy. */
export function forgeFrameTag(
  opened: OpenedFrame,
  opts: { title: string; height: number; role?: string; extraClass?: string; historyBase?: string },
): string {
  const role = opts.role ? ` data-role="${esc(opts.role)}"` : '';
  // A full-page module's URL under which view.createHistory's paths live (host-dialogs.js).
  const history = opts.historyBase ? ` data-history-base="${esc(opts.historyBase)}"` : '';
  return `<iframe class="ll-forge-frame${opts.extraClass ? ` ${esc(opts.extraClass)}` : ''}" title="${esc(opts.title)}" src="${esc(opened.src)}" data-frame-token="${esc(opened.grant.token)}"${role}${history}
    sandbox="${esc(opened.sandbox)}" allow="${FORGE_FRAME_ALLOW}" style="height: ${opts.height}px" loading="eager"></iframe>`;
}

export function layout(frame: PageFrame, title: string, body: string, product: 'jira' | 'confluence' | 'site' = 'jira'): string {
  const options = frame.users
    .map((u) => `<option value="${esc(u.handle)}"${u.accountId === frame.user.accountId ? ' selected' : ''}>${esc(u.displayName)}</option>`)
    .join('');
  return `<!doctype html>
<html lang="en" data-color-mode="${frame.colorMode}" data-theme="${TOKEN_THEMES}" data-app-name="${esc(frame.appName)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - ${esc(frame.siteName)}</title>
<link rel="stylesheet" href="/__local/tokens.css">
<link rel="stylesheet" href="/__local/public/site.css">
<link rel="stylesheet" href="/__local/public/forge-host.css">
<script src="/__local/public/host-page.js" defer></script>
<script src="/__local/public/host-dialogs.js" defer></script>
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
    <form method="post" action="/__local/reset" class="ll-inline-form" data-confirm="Reset all issues, properties, pages and storage to the demo data?">
      <button type="submit" class="ll-button ll-button-warning">Reset demo data</button>
    </form>
  </div>
</header>
<div class="ll-acting-note" role="note">Acting as ${esc(frame.user.displayName)}: ${esc(frame.note)}</div>
<main class="ll-main">
${body}
</main>
</body>
</html>`;
}
