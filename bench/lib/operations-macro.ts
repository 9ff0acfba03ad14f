// The Confluence macro's operations: its first screen, and the whole set paged by nextPageToken.
import { macroContextFor } from '../../test/support/invoke-contexts';
import type { AppSite } from '../../test/support/app-site';
import { DEFAULT_PAGE_SIZE } from '../../src/app/macro/collect-learnings';
import {
  JIRA_FIELDS_PAGE,
  JIRA_IDS_PAGE,
  MACRO_READER,
  WHOLE_SET_CONFIG,
  operation,
  run,
  type OperationResult,
  type Run,
} from './operation-runs';

/** The first screen; the whole set too unless `wholeSet` is false. */
export async function measureMacroOperations(site: AppSite, options: { wholeSet?: boolean }): Promise<OperationResult[]> {
  const out: OperationResult[] = [];
  // 4. The macro's first screen, and the whole set paged by nextPageToken.
  const macroCtx = macroContextFor(site, WHOLE_SET_CONFIG);
  const first = await run(site, 'macro/list', {}, { context: macroCtx }, MACRO_READER);
  const firstCards = first.result.ok ? (first.result.value as { cards: unknown[] }).cards.length : 0;
  out.push(
    operation(
      'macro first screen',
      'macro/list',
      [first],
      {
        lowerBound: 1,
        lowerBoundNote: `one search page (${DEFAULT_PAGE_SIZE} cards)`,
        naive: 1 + firstCards,
        naiveNote: 'id search + a property read per card shown',
      },
      firstCards,
    ),
  );

  if (options.wholeSet !== false) {
    const runs: Run[] = [first];
    let token = first.result.ok ? (first.result.value as { nextPageToken: string | null }).nextPageToken : null;
    while (token) {
      const page = await run(site, 'macro/list', { pageToken: token }, { context: macroCtx }, MACRO_READER);
      runs.push(page);
      if (!page.result.ok) break;
      token = (page.result.value as { nextPageToken: string | null }).nextPageToken;
    }
    const cards = runs.reduce((sum, r) => sum + (r.result.ok ? (r.result.value as { cards: unknown[] }).cards.length : 0), 0);
    out.push(
      operation(
        'macro whole set',
        'macro/list ×pages',
        runs,
        {
          lowerBound: Math.max(1, Math.ceil(cards / JIRA_FIELDS_PAGE)),
          lowerBoundNote: `ceil(${cards} / ${JIRA_FIELDS_PAGE}) searches, 0 per-issue reads`,
          naive: Math.max(1, Math.ceil(cards / JIRA_IDS_PAGE)) + cards,
          naiveNote: `ceil(N / ${JIRA_IDS_PAGE}) id searches + N property reads`,
        },
        cards,
      ),
    );
  }
  return out;
}
