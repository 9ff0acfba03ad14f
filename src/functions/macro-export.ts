/**
 * The macro's `adfExport` function: Confluence's PDF and Word export cannot render a Custom UI
 * macro, so it asks this function for the macro's content as ADF. The same cards and the same
 * ADF builder as "Copy as Confluence content", read as the person exporting (never as the app:
 * an export must not hold what its reader may not browse).
 */
import { doc, p } from '@atlaskit/adf-utils/builders';
import { collectLearnings } from '../app/macro/collect-learnings';
import { learningsToAdf } from '../domain/export/export-adf';
import { authorIdsOf } from '../domain/search/learning-cards';
import { macroConfigOf, queryOf } from '../domain/macro/macro-config';
import { peopleDeps, searchDeps, siteFacts } from '../resolvers/forge-deps';
import { PEOPLE_PER_LOOKUP } from '../contract/limits';

/** One search page: an export never pages on (the macro's first screen, at most 100 issues). */
export const EXPORT_CARDS = 100;

export interface MacroExportEvent {
  /** Forge documents 'pdf', 'word' and 'other'; any other string is read as 'other'. */
  exportType?: string;
  context?: { accountId?: unknown; extension?: { config?: unknown } };
}

type Adf = ReturnType<typeof doc>;

export async function exportMacro(event: MacroExportEvent, invocation?: { principal?: { accountId?: unknown } }): Promise<Adf> {
  const accountId = [invocation?.principal?.accountId, event.context?.accountId].find(
    (id): id is string => typeof id === 'string' && id.length > 0,
  );
  if (!accountId) return notice('Learnings from Jira are shown only to signed-in people: open the page in Confluence to see them.');
  const config = macroConfigOf(event.context?.extension?.config);
  try {
    const site = siteFacts();
    const page = await collectLearnings(
      { ...searchDeps(), site },
      {
        accountId,
        query: queryOf(config),
        pageSize: EXPORT_CARDS,
        groupBy: config.groupBy,
      },
    );
    const [siteUrl, names] = await Promise.all([
      site.siteUrl().catch(() => null),
      peopleDeps()
        .people.displayNames(authorIdsOf(page.cards).slice(0, PEOPLE_PER_LOOKUP))
        .catch(() => ({})),
    ]);
    const adf = learningsToAdf({ ...config, cards: page.cards, asOf: page.asOf, siteUrl, names });
    if (page.nextPageToken) adf.content.push(p(`More issues match: open the page in Confluence to see all of them.`));
    return adf;
  } catch {
    // An export cannot ask the person for access, and must not fail the whole document.
    return notice('The learnings from Jira could not be read for this export: open the page in Confluence to see them.');
  }
}

function notice(text: string): Adf {
  return doc(p(text));
}
