/** Evidence links as every resource shows them: which may be rendered as links, and their labels. */
import { isHttpUrl } from '../../src/domain/record/learning-record';

/** Only http(s) URLs become clickable links; anything else is shown as text. */
export function safeHref(url: string): string | null {
  return isHttpUrl(url) ? url : null;
}

/** How a link is named: one definition for the screens and the exports. */
export { evidenceLabel as linkLabel } from '../../src/domain/record/evidence-label';
