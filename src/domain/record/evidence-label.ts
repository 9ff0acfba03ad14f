/** How an evidence link is named wherever it is shown: on screen and in every export. */
import { isHttpUrl, type EvidenceLink } from './learning-record';

/**
 * Its title; without one (or when the title is the URL itself), the host and path of an
 * http(s) address. Anything else (mailto:, an address with credentials, text that is no
 * URL) is shown as written, so the reader sees exactly what was stored.
 */
export function evidenceLabel(link: EvidenceLink): string {
  const title = link.title.trim();
  if (title && title !== link.url) return title;
  if (!isHttpUrl(link.url)) return link.url;
  const url = new URL(link.url);
  return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
