/**
 * The macro's total: exact once every page is loaded, otherwise Jira's
 * approximate count (`macro/count`, asked after the first screen), shown as
 * "about N". Pure, so the words are tested without a DOM.
 */

export interface Total {
  count: number;
  approximate: boolean;
}

/**
 * `estimate` is Jira's approximate count, or null while it is not known (or
 * could not be had). Jira's count can lag behind its search: while there is
 * more to load, the total is never fewer than what is loaded plus one.
 */
export function totalOf(loaded: number, more: boolean, estimate: number | null): Total | null {
  if (!more) return { count: loaded, approximate: false };
  if (estimate === null) return null;
  return { count: Math.max(estimate, loaded + 1), approximate: true };
}

/** "211 issues with learnings", "about 211 issues with learnings", "1 issue with learnings". */
export function totalWords(total: Total): string {
  const number = total.count.toLocaleString('en');
  return `${total.approximate ? 'about ' : ''}${number} ${total.count === 1 ? 'issue' : 'issues'} with learnings`;
}

/** Beside "Load more": "100 of about 211 loaded", or "100 loaded" while the total is not known. */
export function loadedWords(loaded: number, total: Total | null): string {
  const shown = loaded.toLocaleString('en');
  return total ? `${shown} of ${total.approximate ? 'about ' : ''}${total.count.toLocaleString('en')} loaded` : `${shown} loaded`;
}

/** Jira's issue navigator for a JQL: the path the host's router opens, and the full address when the site's is known. */
export function navigatorLink(siteUrl: string | null, jql: string): { path: string; href: string } {
  const path = `/issues/?jql=${encodeURIComponent(jql)}`;
  return { path, href: siteUrl ? `${siteUrl.replace(/\/+$/, '')}${path}` : path };
}
