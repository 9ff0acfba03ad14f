// The retro view's operations: the active sprint, and the heaviest closed sprint.
import { projectPageContextFor } from '../../test/support/invoke-contexts';
import type { AppSite } from '../../test/support/app-site';
import { MAX_SEARCH_PAGES } from '../../src/app/retro/open-retro';
import { JIRA_FIELDS_PAGE, RETRO_PROJECT, operation, run, type OperationResult } from './operation-runs';

/** The retro view, when its resolver is served. */
export async function measureRetroOperations(site: AppSite, served: ReadonlySet<string>): Promise<OperationResult[]> {
  const out: OperationResult[] = [];
  // 5. The retro view: the active sprint (default), and the heaviest closed sprint.
  if (served.has('retro/open')) {
    const ctx = projectPageContextFor(site, RETRO_PROJECT);
    const retroOp = async (name: string, payload: Record<string, unknown>) => {
      const r = await run(site, 'retro/open', payload, { context: ctx });
      const view = r.result.ok
        ? (r.result.value as { cards: unknown[]; sprint: { id: number } | null; previousSprint: { id: number } | null; truncated: boolean })
        : null;
      const current = view?.sprint ? recordsInSprint(site, view.sprint.id) : 0;
      const previous = view?.previousSprint ? recordsInSprint(site, view.previousSprint.id) : null;
      // The view reads at most MAX_SEARCH_PAGES pages per search (and says it truncated): the bound of what it reads.
      const pages = (n: number) => Math.min(MAX_SEARCH_PAGES, Math.max(1, Math.ceil(n / JIRA_FIELDS_PAGE)));
      const fullPages = (n: number) => Math.max(1, Math.ceil(n / JIRA_FIELDS_PAGE));
      // Each search: its first page and an ids-only search in parallel, then the rest by id (100 a call), all at once.
      const reads = (n: number) => 1 + pages(n);
      // Names of the first page's authors; a second lookup when later pages bring new ones.
      const names = (view?.cards.length ?? 0) > 0 ? (current > JIRA_FIELDS_PAGE ? 2 : 1) : 0;
      out.push(
        operation(
          name + (view?.truncated ? ` [truncated: ${MAX_SEARCH_PAGES} pages of ${JIRA_FIELDS_PAGE} per sprint]` : ''),
          'retro/open',
          [r],
          {
            lowerBound: 3 + reads(current) + (previous === null ? 0 : reads(previous)) + names,
            lowerBoundNote: `boards + sprints (open and closed, in parallel) + per sprint 1 ids-only search + min(${MAX_SEARCH_PAGES}, ceil(n/100)) pages (the first searched, the rest read by id at once): n = ${current}${previous === null ? '' : `, ${previous}`} + ${names} names lookup(s) (KVS notes apart)`,
            naive: 3 + fullPages(current) + current + (previous === null ? 0 : fullPages(previous) + previous) + names,
            naiveNote: 'the same searches for ids + a property read per issue of both sprints',
          },
          view?.cards.length ?? 0,
        ),
      );
    };
    await retroOp('retro view (active sprint)', {});
    const heaviest = heaviestClosedSprint(site, RETRO_PROJECT);
    if (heaviest) await retroOp(`retro view (closed sprint, ${heaviest.records} learnings)`, { sprintId: heaviest.id });
  }
  return out;
}

/** The closed sprint of a project with the most issues with a learning record. */
export function heaviestClosedSprint(site: AppSite, projectKey: string): { id: number; records: number } | null {
  const closed = site.store.listSprints().filter((s) => s.projectKey === projectKey && s.state === 'closed');
  const withRecord = new Set(site.store.listIndexedProperties('learning-loop').map((p) => p.issueId));
  let best: { id: number; records: number } | null = null;
  const counts = new Map<number, number>();
  for (const issue of site.store.listIssues()) {
    if (issue.sprintId !== null && withRecord.has(issue.id)) counts.set(issue.sprintId, (counts.get(issue.sprintId) ?? 0) + 1);
  }
  for (const s of closed) {
    const n = counts.get(s.id) ?? 0;
    if (!best || n > best.records) best = { id: s.id, records: n };
  }
  return best;
}

/** Issues with a learning record in a sprint (every one is visible to alice). */
export function recordsInSprint(site: AppSite, sprintId: number): number {
  const withRecord = new Set(site.store.listIndexedProperties('learning-loop').map((p) => p.issueId));
  return site.store.listIssues().filter((i) => i.sprintId === sprintId && withRecord.has(i.id)).length;
}
