/**
 * "This helped" counts recounted from the local site's raw records, without the app's code: for each
 * existing issue, how many other existing records link it with "This helped" (a link whose id is
 * `learned-before-<issue id>`); and the counts the site's issues carry in `learning-loop-reuse`.
 */
import type { AppSite } from './app-site';

const HELPED_LINK = 'learned-before-';

/** Issue key → tickets linking it, for every issue linked at least once. */
export function recountReuses(site: AppSite): Map<string, number> {
  const issues = site.store.listIssues();
  const keyOf = new Map(issues.map((issue) => [issue.id, issue.key]));
  const counts = new Map<string, number>();
  for (const ticket of issues) {
    const row = site.store.getProperty(ticket.id, 'learning-loop');
    if (!row) continue;
    const evidence = (JSON.parse(row.valueText) as { evidence?: Array<{ id: string }> }).evidence ?? [];
    const linked = new Set(evidence.filter((link) => link.id.startsWith(HELPED_LINK)).map((link) => link.id.slice(HELPED_LINK.length)));
    for (const id of linked) {
      const key = keyOf.get(id);
      if (key && id !== ticket.id) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Issue key → the count its `learning-loop-reuse` property holds, for every issue whose count is above 0. */
export function storedReuseCounts(site: AppSite): Map<string, number> {
  const counts = new Map<string, number>();
  for (const issue of site.store.listIssues()) {
    const row = site.store.getProperty(issue.id, 'learning-loop-reuse');
    const count = row ? (JSON.parse(row.valueText) as { count?: unknown }).count : 0;
    if (typeof count === 'number' && count > 0) counts.set(issue.key, count);
  }
  return counts;
}
