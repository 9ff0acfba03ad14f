/** Evidence links as every resource shows them: which may be rendered as links, and their labels. */
import { isHttpUrl, type EvidenceLink } from '../../src/domain/record/learning-record';

/** Only http(s) URLs become clickable links; anything else is shown as text. */
export function safeHref(url: string): string | null {
  return isHttpUrl(url) ? url : null;
}

/** A short label for a link without a title: its host and path. */
export function linkLabel(link: EvidenceLink): string {
  if (link.title.trim() && link.title !== link.url) return link.title;
  try {
    const url = new URL(link.url);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return link.url;
  }
}
